import { Writable } from 'node:stream';

/** Collects what the logger writes (JSON lines), for tests that override LOG_STREAM with it. */
export class LogCapture extends Writable {
  readonly chunks: string[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(String(chunk));
    done();
  }
  get text(): string {
    return this.chunks.join('');
  }
  get records(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
  /** Every line logged while serving the request with this id. */
  of(requestId: string): Record<string, unknown>[] {
    return this.records.filter((r) => r.requestId === requestId);
  }
  /** The request lines: one per request, with method, route, status and duration. */
  requestLines(requestId: string): Record<string, unknown>[] {
    return this.of(requestId).filter((r) => 'status' in r && 'route' in r);
  }
}
