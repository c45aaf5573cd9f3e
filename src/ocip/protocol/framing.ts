/**
 * Cuts the OCI-P byte stream into documents. OCI-P has no length prefix: a frame ends after each
 * end tag of BroadsoftDocument, whitespace between documents is skipped, and the remainder is kept.
 * The end tag is recognised as XML writes it, not as one fixed text: `</BroadsoftDocument>`, but
 * also with a prefix bound to C (`</oci:BroadsoftDocument>`) or white space before `>`.
 *
 * Bytes go into one growable buffer (capacity doubles, consumed bytes are compacted away), and the
 * search resumes where the previous one stopped (less the terminator's length, for a terminator split
 * across chunks), so a document arriving byte by byte costs linear time, not quadratic.
 */
import { OciFrameTooLargeError } from './protocol-errors.js';

const NAME = Buffer.from('BroadsoftDocument', 'latin1');
const LT = 0x3c;
const SLASH = 0x2f;
const COLON = 0x3a;
const GT = 0x3e;
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

export interface FrameReaderOptions {
  /** Largest document accepted, in bytes; a longer one throws OciFrameTooLargeError. */
  readonly maxFrameBytes?: number;
}

const isWhitespace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
/** Bytes that cannot be part of a prefix (an NCName): markup, quotes, '=' and white space. */
const NOT_IN_PREFIX: ReadonlySet<number> = new Set([...'<>/:"\'= \t\r\n'].map((c) => c.charCodeAt(0)));

export class FrameReader {
  private readonly maxFrameBytes: number;
  private data = Buffer.alloc(0);
  /** Unconsumed bytes are data[start, end). */
  private start = 0;
  private end = 0;
  /** Where the next terminator search begins; everything before it is known not to hold one. */
  private scanFrom = 0;

  constructor(options: FrameReaderOptions = {}) {
    this.maxFrameBytes = options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES;
  }

  /** Bytes received but not yet returned as a frame (whitespace between documents excluded). */
  get bufferedBytes(): number {
    return this.end - this.start;
  }

  /**
   * Adds received bytes; returns the documents they complete (each a fresh copy, in order).
   * Throws OciFrameTooLargeError when the pending document grows past the limit: the stream
   * cannot be resynchronised then, so the caller drops the connection.
   */
  push(chunk: Buffer): Buffer[] {
    this.append(chunk);
    const frames: Buffer[] = [];
    for (;;) {
      this.skipWhitespace();
      const frameEnd = this.findEnd();
      if (frameEnd === undefined) break;
      this.checkSize(frameEnd - this.start);
      frames.push(Buffer.from(this.data.subarray(this.start, frameEnd)));
      this.start = this.scanFrom = frameEnd;
    }
    this.checkSize(this.end - this.start);
    return frames;
  }

  /**
   * Where the pending document ends (just after its end tag), or undefined when it has not ended yet;
   * then `scanFrom` is left where the next search must begin (a name cut by the chunk boundary, or an
   * end tag still waiting for its `>`, is searched again).
   */
  private findEnd(): number | undefined {
    const data = this.data.subarray(0, this.end);
    for (;;) {
      const at = data.indexOf(NAME, this.scanFrom);
      if (at < 0) {
        this.scanFrom = Math.max(this.start, this.end - NAME.length + 1);
        return undefined;
      }
      let after = at + NAME.length;
      while (after < this.end && isWhitespace(data[after])) after++;
      if (after === this.end) {
        this.scanFrom = at;
        return undefined;
      }
      if (data[after] === GT && this.opensEndTag(at)) return after + 1;
      this.scanFrom = at + 1;
    }
  }

  /** Whether `</` or `</prefix:` comes right before the name at `at`. */
  private opensEndTag(at: number): boolean {
    let i = at;
    if (i - 1 >= this.start && this.data[i - 1] === COLON) {
      i--;
      const prefixEnd = i;
      while (i - 1 >= this.start && !NOT_IN_PREFIX.has(this.data[i - 1])) i--;
      if (i === prefixEnd) return false;
    }
    return i - 2 >= this.start && this.data[i - 1] === SLASH && this.data[i - 2] === LT;
  }

  private skipWhitespace(): void {
    while (this.start < this.end && isWhitespace(this.data[this.start])) this.start++;
    if (this.scanFrom < this.start) this.scanFrom = this.start;
  }

  private checkSize(size: number): void {
    if (size > this.maxFrameBytes) throw new OciFrameTooLargeError(this.maxFrameBytes, size);
  }

  private append(chunk: Buffer): void {
    const pending = this.end - this.start;
    if (this.end + chunk.length > this.data.length) {
      const needed = pending + chunk.length;
      // Compact into the same buffer when it is big enough, else grow by doubling.
      const target =
        needed <= this.data.length ? this.data : Buffer.allocUnsafe(Math.max(needed, this.data.length * 2, 4096));
      this.data.copy(target, 0, this.start, this.end);
      this.data = target;
      this.scanFrom -= this.start;
      this.start = 0;
      this.end = pending;
    }
    chunk.copy(this.data, this.end);
    this.end += chunk.length;
  }
}
