/**
 * Escaping for OCI-P documents, which travel in ISO-8859-1: every code point above 0xFF is written
 * as a numeric character reference (one per code point, so astral characters stay one reference),
 * and the five markup characters are always escaped. Characters XML 1.0 cannot carry at all are
 * refused with OciEncodingError instead of producing a document the peer would reject.
 */
import { OciEncodingError } from './protocol-errors.js';

const NAMED: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

// With the `u` flag an astral character matches as one code point, while a lone surrogate matches
// on its own (and is refused below). \r is referenced because parsers normalise a literal CR to LF;
// \t and \n are referenced in attributes because attribute-value normalisation turns them into spaces.
const TEXT_SPECIALS = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u0100-\u{10FFFF}]/gu;
const ATTR_SPECIALS = /[&<>"'\t\n\r\u0000-\u0008\u000B\u000C\u000E-\u001F\u0100-\u{10FFFF}]/gu;

function replace(ch: string): string {
  const named = NAMED[ch];
  if (named !== undefined) return named;
  const cp = ch.codePointAt(0) as number;
  if (!isXmlChar(cp)) {
    throw new OciEncodingError(
      `U+${cp.toString(16).toUpperCase().padStart(4, '0')} cannot be represented in XML 1.0`,
      cp,
    );
  }
  return `&#${cp};`;
}

/** XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. */
export function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

/** Escapes element content; the result only holds code points up to 0xFF. */
export function escapeText(value: string): string {
  return value.replace(TEXT_SPECIALS, replace);
}

/** Escapes an attribute value (double or single quoted); the result only holds code points up to 0xFF. */
export function escapeAttribute(value: string): string {
  return value.replace(ATTR_SPECIALS, replace);
}

/**
 * Turns a written document into the bytes sent on the wire (ISO-8859-1). The writer already keeps
 * every code point at or below 0xFF; this re-checks, because Buffer.from(…, 'latin1') would
 * silently truncate anything above and corrupt the value instead of failing.
 */
export function encodeDocument(xml: string): Buffer {
  // The regular expression scans natively: a loop over the characters cost as much as writing the document.
  const at = xml.search(BEYOND_LATIN1);
  if (at >= 0) {
    const cp = xml.codePointAt(at) as number;
    throw new OciEncodingError(`U+${cp.toString(16).toUpperCase()} is not ISO-8859-1: escape it before encoding`, cp);
  }
  return Buffer.from(xml, 'latin1');
}

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
