/** A bare OCI-P client for testing the simulator server byte for byte. */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import {
  encodeDocument,
  FrameReader,
  readDocument,
  signPassword,
  writeDocument,
  type OciDocumentCommand,
  type OciReadCommand,
  type OciReadDocument,
} from '../../../src/ocip/protocol/index.js';

export class RawOciClient {
  readonly sessionId = randomUUID();
  private readonly frames = new FrameReader();
  private readonly documents: OciReadDocument[] = [];
  private waiting: ((document: OciReadDocument | undefined) => void) | undefined;
  /** Resolves when the server closed the connection. */
  readonly closed: Promise<void>;

  private constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      for (const frame of this.frames.push(chunk)) this.deliver(readDocument(frame));
    });
    socket.on('error', () => undefined);
    this.closed = new Promise((resolve) => socket.on('close', () => resolve()));
    void this.closed.then(() => this.waiting?.(undefined));
  }

  static connect(port: number, options: { tls?: { ca: Buffer } } = {}): Promise<RawOciClient> {
    return new Promise((resolve, reject) => {
      const socket = options.tls
        ? tls.connect({ host: '127.0.0.1', port, ca: options.tls.ca, servername: 'localhost' })
        : net.connect(port, '127.0.0.1');
      socket.once('error', reject);
      socket.once(options.tls ? 'secureConnect' : 'connect', () => resolve(new RawOciClient(socket)));
    });
  }

  write(bytes: string | Buffer): void {
    this.socket.write(typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes);
  }

  /** The next document the server sends; undefined if it closes first. */
  next(timeoutMs = 3000): Promise<OciReadDocument | undefined> {
    const ready = this.documents.shift();
    if (ready) return Promise.resolve(ready);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no document within ${timeoutMs} ms`)), timeoutMs);
      this.waiting = (document) => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(document);
      };
    });
  }

  /** Sends one document and returns the answers to it. */
  async request(
    commands: readonly OciDocumentCommand[],
    sessionId: string = this.sessionId,
  ): Promise<OciReadCommand[]> {
    this.write(Buffer.concat([encodeDocument(writeDocument(sessionId, commands)), Buffer.from('\n')]));
    const answer = await this.next();
    if (!answer) throw new Error('the server closed the connection instead of answering');
    return answer.commands;
  }

  /** The two-step login; returns the answer to LoginRequest14sp4. */
  async login(userId = 'admin', password = 'admin'): Promise<OciReadCommand> {
    const [challenge] = await this.request([{ $type: 'AuthenticationRequest', userId }]);
    const nonce = String(challenge['nonce']);
    const [answer] = await this.request([
      { $type: 'LoginRequest14sp4', userId, signedPassword: signPassword(nonce, password) },
    ]);
    return answer;
  }

  close(): void {
    this.socket.destroy();
  }

  private deliver(document: OciReadDocument): void {
    if (this.waiting) this.waiting(document);
    else this.documents.push(document);
  }
}
