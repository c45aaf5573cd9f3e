import { isXmlChar } from '../oci/protocol/xml-escape.js';
import { ApiError } from './api-error.js';

/**
 * The first character of `text` that XML 1.0 cannot carry (C0 controls but tab, LF and CR; lone
 * surrogates; U+FFFE and U+FFFF), or undefined. The same rule as the OCI-P writer, so the request
 * is refused the same way on every gateway, before anything is sent.
 */
export function firstNonXmlChar(text: string): number | undefined {
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (!isXmlChar(cp)) return cp;
  }
  return undefined;
}

const hex = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Walks a request part (body, query or path parameters) and throws a 400 INVALID_CHARACTERS
 * naming the first field whose key or value holds a character XML cannot carry. Iterative, so a
 * deeply nested body cannot exhaust the stack.
 */
export function assertXmlSafe(value: unknown, root: string): void {
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      const cp = firstNonXmlChar(current);
      if (cp !== undefined) throw invalid(path, cp);
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => stack.push([item, `${path}[${i}]`]));
    } else if (typeof current === 'object' && current !== null) {
      for (const [key, item] of Object.entries(current)) {
        const cp = firstNonXmlChar(key);
        if (cp !== undefined) throw invalid(`${path} (a field name)`, cp);
        stack.push([item, `${path}.${key}`]);
      }
    }
  }
}

function invalid(field: string, cp: number): ApiError {
  const reason = `holds ${hex(cp)}, which XML 1.0 (and so OCI-P) cannot carry`;
  return ApiError.badRequest('INVALID_CHARACTERS', `A value cannot be sent to BroadWorks: ${field} ${reason}`, [{ field, reasons: [reason] }]);
}
