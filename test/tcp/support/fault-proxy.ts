/**
 * A loopback TCP proxy between the gateway and the simulator that can misbehave on command: cut an
 * answer half-way, swallow it, dribble it byte by byte, or append a document to it. It frames
 * both directions, so interceptors work on whole documents and tests can read what clients sent.
 */
import net from 'node:net';
import { FrameReader } from '../../../src/ocip/protocol/index.js';

/** Delivers (or not) one answer document of the server to the client. */
export type AnswerInterceptor = (answer: Buffer, client: net.Socket) => void;

export class FaultProxy {
  /** Every document the clients sent, as text, in order. */
  readonly sent: string[] = [];
  private readonly sockets = new Set<net.Socket>();
  private interceptors: AnswerInterceptor[] = [];
  private always: AnswerInterceptor | undefined;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number): Promise<FaultProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const proxy = new FaultProxy(server, (server.address() as net.AddressInfo).port);
    server.on('connection', (client) => proxy.pipe(client, targetPort));
    return proxy;
  }

  /** The next answer goes through `interceptor` instead of straight to the client. */
  interceptNext(interceptor: AnswerInterceptor): void {
    this.interceptors.push(interceptor);
  }

  /** Every answer from now on goes through `interceptor`. */
  interceptAll(interceptor: AnswerInterceptor): void {
    this.interceptors = [];
    this.always = interceptor;
  }

  get openConnections(): number {
    return this.sockets.size / 2;
  }

  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private pipe(client: net.Socket, targetPort: number): void {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      socket.setNoDelay(true);
      this.sockets.add(socket);
      socket.on('error', () => undefined);
      socket.on('close', () => {
        this.sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
    const fromClient = new FrameReader();
    client.on('data', (chunk: Buffer) => {
      for (const frame of fromClient.push(chunk)) this.sent.push(frame.toString('latin1'));
      upstream.write(chunk);
    });
    const fromServer = new FrameReader();
    upstream.on('data', (chunk: Buffer) => {
      for (const frame of fromServer.push(chunk)) {
        const interceptor = this.interceptors.shift() ?? this.always;
        if (interceptor) interceptor(frame, client);
        else client.write(Buffer.concat([frame, Buffer.from('\n')]));
      }
    });
    upstream.on('end', () => client.end());
  }
}

/** Writes the first half of the answer, then drops the connection. */
export const cutHalfWay: AnswerInterceptor = (answer, client) => {
  client.write(answer.subarray(0, Math.floor(answer.length / 2)), () => client.destroy());
};

/** Delivers the answer unchanged (to let some answers through in a sequence). */
export const pass: AnswerInterceptor = (answer, client) => {
  client.write(Buffer.concat([answer, Buffer.from('\n')]));
};

/** Never delivers the answer: a server that stopped answering. */
export const swallow: AnswerInterceptor = () => undefined;

/** Writes the answer one byte per write, each on a later turn of the event loop. */
export const byteByByte =
  (writes: { count: number }): AnswerInterceptor =>
  (answer, client) => {
    const bytes = Buffer.concat([answer, Buffer.from('\n')]);
    let i = 0;
    const next = (): void => {
      if (i >= bytes.length || client.destroyed) return;
      writes.count++;
      client.write(bytes.subarray(i, i + 1), () => setImmediate(next));
      i++;
    };
    next();
  };

/** Writes the answer and `extra` (another whole document) in one write. */
export const followedBy =
  (extra: string): AnswerInterceptor =>
  (answer, client) => {
    client.write(Buffer.concat([answer, Buffer.from('\n'), Buffer.from(extra, 'latin1')]));
  };

/** Replaces the answer with `bytes`. */
export const replaceWith =
  (bytes: string): AnswerInterceptor =>
  (_answer, client) => {
    client.write(Buffer.from(bytes, 'latin1'));
  };
