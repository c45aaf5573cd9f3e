/**
 * One socket to BroadWorks: it writes a document, reads the answer through a FrameReader, and
 * keeps exactly one document in flight. It knows nothing of login or retries (see session-login.ts
 * and session-pool.ts); it only reports how the exchange ended.
 *
 * Once anything goes wrong (timeout, EOF, error, unparseable or miscounted answer, a LogoutRequest
 * from the server) the socket is destroyed and never used again: a late answer can then never be
 * matched to a later request.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { encodeDocument, FrameReader, readDocument, writeDocument } from '../../../ocip/protocol/index.js';
import type { OciDocumentCommand, OciReadCommand } from '../../../ocip/protocol/index.js';
import { AnswerTimeoutError, BadAnswerError, ConnectionLostError } from './tcp-errors.js';
import type { TlsOptions } from './tcp-gateway-options.js';

export interface ConnectOptions {
  readonly host: string;
  readonly port: number;
  readonly tls?: TlsOptions;
  readonly connectTimeoutMs: number;
}

interface PendingExchange {
  readonly expected: number;
  readonly resolve: (answers: OciReadCommand[]) => void;
  readonly reject: (error: Error) => void;
}

const NEWLINE = Buffer.from('\n', 'latin1');

export class OciConnection {
  /** Chosen by the client, unique per session (OCI-P.md). */
  readonly sessionId = randomUUID();
  private readonly frames = new FrameReader();
  private pending: PendingExchange | undefined;
  private endReason: string | undefined;
  private readonly endListeners: ((reason: string) => void)[] = [];

  private constructor(
    private readonly socket: net.Socket,
    readonly secure: boolean,
  ) {
    socket.setNoDelay(true);
    // OCI-P has no keep-alive; TCP's notices a peer that vanished without a FIN.
    socket.setKeepAlive(true, 30_000);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => this.end('BroadWorks closed the connection'));
    socket.on('error', (error) => this.end(`connection error: ${error.message}`));
    socket.on('close', () => this.end('connection closed'));
  }

  /** Opens the socket (TLS when asked); rejects with the reason when it cannot within the timeout. */
  static open(options: ConnectOptions): Promise<OciConnection> {
    return new Promise((resolve, reject) => {
      const { host, port } = options;
      const socket = options.tls
        ? tls.connect({
            host,
            port,
            ca: options.tls.ca,
            servername: options.tls.servername ?? (net.isIP(host) ? undefined : host),
          })
        : net.connect({ host, port });
      const fail = (reason: string): void => {
        clearTimeout(timer);
        socket.destroy();
        reject(new ConnectionLostError(`cannot connect to ${host}:${port}: ${reason}`, false));
      };
      const timer = setTimeout(
        () => fail(`no connection within ${options.connectTimeoutMs} ms`),
        options.connectTimeoutMs,
      );
      socket.once('error', (error: Error) => fail(error.message));
      socket.once(options.tls ? 'secureConnect' : 'connect', () => {
        clearTimeout(timer);
        socket.removeAllListeners('error');
        resolve(new OciConnection(socket, options.tls !== undefined));
      });
    });
  }

  get isOpen(): boolean {
    return this.endReason === undefined;
  }

  /** Called once, when the connection ends for whatever reason. */
  onEnd(listener: (reason: string) => void): void {
    if (this.endReason !== undefined) listener(this.endReason);
    else this.endListeners.push(listener);
  }

  /**
   * Sends one document and resolves with its answers, one per command. Throws OciEncodingError
   * (before anything is sent) when a value cannot be written; rejects with ConnectionLostError,
   * AnswerTimeoutError or BadAnswerError, after which the connection is gone.
   */
  exchange(commands: readonly OciDocumentCommand[], timeoutMs: number, trackingId?: string): Promise<OciReadCommand[]> {
    if (this.pending) return Promise.reject(new Error('OciConnection: one document in flight per socket'));
    if (this.endReason !== undefined) return Promise.reject(new ConnectionLostError(this.endReason, false));
    const bytes = encodeDocument(writeDocument(this.sessionId, commands, { trackingId }));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = undefined;
        reject(new AnswerTimeoutError(timeoutMs));
        this.end(`no answer within ${timeoutMs} ms`);
      }, timeoutMs);
      this.pending = {
        expected: commands.length,
        resolve: (answers) => {
          clearTimeout(timer);
          resolve(answers);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.socket.write(Buffer.concat([bytes, NEWLINE]));
    });
  }

  /** Writes a document without waiting for an answer (LogoutRequest: BroadWorks closes instead of answering). */
  sendOnly(commands: readonly OciDocumentCommand[]): void {
    if (this.endReason !== undefined) return;
    this.socket.write(Buffer.concat([encodeDocument(writeDocument(this.sessionId, commands)), NEWLINE]));
  }

  /** Half-closes and waits for the peer to close, destroying the socket after `timeoutMs`. */
  async close(timeoutMs: number): Promise<void> {
    if (this.endReason !== undefined) return;
    const closed = new Promise<void>((resolve) => this.onEnd(() => resolve()));
    const timer = setTimeout(() => this.end('closed by the client'), timeoutMs);
    this.socket.end();
    await closed;
    clearTimeout(timer);
  }

  destroy(reason: string): void {
    this.end(reason);
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch (error) {
      this.fail(new BadAnswerError((error as Error).message));
      return;
    }
    for (const frame of frames) {
      if (this.endReason !== undefined) return;
      this.onFrame(frame);
    }
  }

  private onFrame(frame: Buffer): void {
    let commands: OciReadCommand[];
    try {
      commands = readDocument(frame).commands;
    } catch (error) {
      this.fail(new BadAnswerError(`unreadable answer: ${(error as Error).message}`));
      return;
    }
    const logout = commands.find((c) => c.$type === 'LogoutRequest');
    if (logout) {
      const reason = typeof logout['reason'] === 'string' ? ` (${logout['reason']})` : '';
      this.end(`BroadWorks logged the session out${reason}`);
      return;
    }
    const pending = this.pending;
    if (!pending) {
      this.fail(new BadAnswerError('an answer arrived while no document was in flight'));
      return;
    }
    if (commands.length !== pending.expected) {
      this.fail(new BadAnswerError(`${commands.length} responses to a document of ${pending.expected} commands`));
      return;
    }
    this.pending = undefined;
    pending.resolve(commands);
  }

  /** Fails the exchange in flight with `error` and ends the connection. */
  private fail(error: Error): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
    this.end(error.message);
  }

  private end(reason: string): void {
    if (this.endReason !== undefined) return;
    this.endReason = reason;
    this.socket.destroy();
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(new ConnectionLostError(reason, true));
    for (const listener of this.endListeners.splice(0)) listener(reason);
  }
}
