/**
 * Cuts the OCI-P byte stream into documents. OCI-P has no length prefix: a frame ends after each
 * `</BroadsoftDocument>`, whitespace between documents is skipped, and the remainder is kept.
 *
 * Bytes go into one growable buffer (capacity doubles, consumed bytes are compacted away), and the
 * search resumes where the previous one stopped (less the terminator's length, for a terminator split
 * across chunks), so a document arriving byte by byte costs linear time, not quadratic.
 */
import { OciFrameTooLargeError } from './protocol-errors.js';

const TERMINATOR = Buffer.from('</BroadsoftDocument>', 'latin1');
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

export interface FrameReaderOptions {
  /** Largest document accepted, in bytes; a longer one throws OciFrameTooLargeError. */
  readonly maxFrameBytes?: number;
}

const isWhitespace = (byte: number): boolean => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;

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
      const at = this.data.subarray(0, this.end).indexOf(TERMINATOR, this.scanFrom);
      if (at < 0) break;
      const frameEnd = at + TERMINATOR.length;
      this.checkSize(frameEnd - this.start);
      frames.push(Buffer.from(this.data.subarray(this.start, frameEnd)));
      this.start = this.scanFrom = frameEnd;
    }
    this.checkSize(this.end - this.start);
    // The last TERMINATOR.length - 1 bytes may be the beginning of a terminator: search them again.
    this.scanFrom = Math.max(this.start, this.end - TERMINATOR.length + 1);
    return frames;
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
