import { isXmlChar } from '../ocip/protocol/xml-escape.js';
import { ApiError } from '../domain/errors.js';

/**
 * The first character of `text` a request may not carry, or undefined: every control character
 * (C0 including tab, LF and CR, DEL, C1) and whatever else XML 1.0 cannot carry (lone surrogates,
 * U+FFFE, U+FFFF). No field of this API needs one; XML cannot carry most of them, and the others
 * (tab, LF, CR) would be normalised differently by BroadWorks than by the simulated one, or end
 * up in logs as forged lines. Refusing them all at the door makes every gateway answer alike.
 */
export function firstRefusedChar(text: string): number | undefined {
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || !isXmlChar(cp)) return cp;
  }
  return undefined;
}

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/** No request of this API nests deeper than a few levels; class-transformer would overflow the stack on thousands. */
export const MAX_DEPTH = 32;

/**
 * Walks a request part (body, query or path parameters) and throws a 400 INVALID_CHARACTERS
 * naming the first field whose key or value holds a refused character (see firstRefusedChar), or
 * a 400 TOO_DEEP when it nests deeper than MAX_DEPTH. Iterative, so it cannot exhaust the stack.
 */
export function assertXmlSafe(value: unknown, root: string): void {
  const stack: [unknown, string, number][] = [[value, root, 0]];
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop() as [unknown, string, number];
    if (typeof current === 'string') {
      const cp = firstRefusedChar(current);
      if (cp !== undefined) throw invalid(path, cp);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_DEPTH) {
      throw ApiError.badRequest('TOO_DEEP', `Invalid request: ${path} nests deeper than ${MAX_DEPTH} levels`, [
        { field: path, reasons: [`nests deeper than ${MAX_DEPTH} levels`] },
      ]);
    }
    if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([item, `${path}[${i}]`, depth + 1]));
    } else {
      for (const [key, item] of Object.entries(current)) {
        const cp = firstRefusedChar(key);
        if (cp !== undefined) throw invalid(`${path} (a field name)`, cp);
        stack.push([item, `${path}.${key}`, depth + 1]);
      }
    }
  }
}

function invalid(field: string, cp: number): ApiError {
  const reason = `holds ${hex(cp)}: control characters, and characters XML 1.0 (so OCI-P) cannot carry, are refused`;
  return ApiError.badRequest('INVALID_CHARACTERS', `A value cannot be sent to BroadWorks: ${field} ${reason}`, [
    { field, reasons: [reason] },
  ]);
}
