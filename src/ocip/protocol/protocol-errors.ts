/**
 * Errors of the OCI-P protocol layer. Each is its own class so a caller can tell them apart with
 * `instanceof` and react differently: answer 400, answer an ErrorResponse, or drop the connection.
 */

/** A document could not be parsed as OCI-P XML (malformed, truncated, DOCTYPE, not a BroadsoftDocument). */
export class OciParseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OciParseError';
  }
}

/**
 * A value cannot be put on the wire: XML 1.0 has no way to carry most C0 control characters,
 * lone surrogates or U+FFFE/U+FFFF, not even as character references. Caused by user input,
 * so the REST layer answers it with 400.
 */
export class OciEncodingError extends Error {
  constructor(
    message: string,
    /** The offending code point. */
    readonly codePoint: number,
  ) {
    super(message);
    this.name = 'OciEncodingError';
  }
}

/**
 * The writer was handed an object that does not fit the schema description (unknown command or
 * element, nil on a non-nillable element, wrong value kind). This is a programming error, never
 * caused by user input.
 */
export class OciWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OciWriteError';
  }
}

/** A peer sent more bytes than the frame limit without closing a document: drop the connection. */
export class OciFrameTooLargeError extends Error {
  constructor(
    readonly limit: number,
    readonly size: number,
  ) {
    super(`OCI-P frame of at least ${size} bytes exceeds the limit of ${limit} bytes`);
    this.name = 'OciFrameTooLargeError';
  }
}
