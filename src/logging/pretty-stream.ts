import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';

/**
 * Human-readable logs for development: pino-pretty when it is installed (a devDependency), else a
 * small formatter, so a production install without dev packages still starts with LOG_FORMAT=pretty.
 */
export async function prettyStream(destination: NodeJS.WritableStream): Promise<DestinationStream> {
  try {
    const { default: pretty } = await import('pino-pretty');
    return pretty({
      destination,
      colorize: false,
      translateTime: 'SYS:HH:MM:ss.l',
      ignore: 'pid,hostname,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
      singleLine: true,
      sync: true,
    });
  } catch {
    return new SimplePrettyStream(destination);
  }
}

const LEVEL_NAMES: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};
const SHOWN_ELSEWHERE = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'context']);

/** `12:00:01.123 INFO  [Context] message {"other":"fields"}`: one line per record. */
export function formatRecord(line: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof record.time === 'number' || typeof record.time === 'string' ? new Date(record.time) : new Date();
  const level =
    typeof record.level === 'number'
      ? (LEVEL_NAMES[record.level] ?? String(record.level))
      : (typeof record.level === 'string' ? record.level : '').toUpperCase();
  const context = typeof record.context === 'string' ? ` [${record.context}]` : '';
  const rest = Object.fromEntries(Object.entries(record).filter(([key]) => !SHOWN_ELSEWHERE.has(key)));
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  return `${time.toISOString().slice(11, 23)} ${level.padEnd(5)}${context} ${typeof record.msg === 'string' ? record.msg : ''}${extra}`;
}

class SimplePrettyStream extends Writable {
  constructor(private readonly destination: NodeJS.WritableStream) {
    super({ decodeStrings: false });
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    const lines = String(chunk)
      .split('\n')
      .filter((line) => line !== '');
    this.destination.write(lines.map(formatRecord).join('\n') + '\n');
    done();
  }
}
