import { statSync } from 'node:fs';

/**
 * Tells whether a file changed since the last look (size, modification time, inode: an atomic
 * rename gives a new inode). A stat is a few microseconds, so stores look on every use and see
 * `npm run users` edits at once, without a watcher.
 */
export class FileSignature {
  private last = '';

  constructor(private readonly file: string) {}

  /** True when the file differs from the last call (the first call is always true). */
  changed(): boolean {
    const now = this.current();
    if (now === this.last) return false;
    this.last = now;
    return true;
  }

  private current(): string {
    try {
      const s = statSync(this.file, { bigint: true });
      return `${s.ino}:${s.size}:${s.mtimeNs}`;
    } catch {
      return 'missing';
    }
  }
}
