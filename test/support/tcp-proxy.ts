import net from 'node:net';

/**
 * A loopback TCP relay to a server (here PostgreSQL) that a test can break: `refuse` closes every
 * connection and refuses new ones (a server down or unreachable), `stall` keeps connections open
 * but passes nothing either way (a host that stopped answering), `restore` relays again.
 */
export class TcpProxy {
  private mode: 'relay' | 'refuse' | 'stall' = 'relay';
  private readonly sockets = new Set<net.Socket>();
  private server: net.Server;

  private constructor(
    readonly port: number,
    private readonly target: { host: string; port: number },
    server: net.Server,
  ) {
    this.server = server;
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = net.createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const proxy = new TcpProxy((server.address() as net.AddressInfo).port, target, server);
    proxy.attach(server);
    return proxy;
  }

  /** The URL of `url`'s server through this proxy. */
  urlFor(url: string): string {
    const parsed = new URL(url);
    parsed.hostname = '127.0.0.1';
    parsed.port = String(this.port);
    return parsed.toString();
  }

  async refuse(): Promise<void> {
    this.mode = 'refuse';
    this.cutAll();
    await new Promise<void>((done) => this.server.close(() => done()));
  }

  stall(): void {
    this.mode = 'stall';
  }

  /** Relays again; connections opened while stalled are cut (their peers reconnect). */
  async restore(): Promise<void> {
    const was = this.mode;
    this.mode = 'relay';
    this.cutAll();
    if (was === 'refuse') {
      this.server = net.createServer();
      this.attach(this.server);
      await new Promise<void>((done) => this.server.listen(this.port, '127.0.0.1', done));
    }
  }

  async close(): Promise<void> {
    this.cutAll();
    if (this.mode !== 'refuse') await new Promise<void>((done) => this.server.close(() => done()));
  }

  private attach(server: net.Server): void {
    server.on('connection', (client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('error', () => undefined);
        socket.on('close', () => {
          this.sockets.delete(socket);
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('data', (chunk: Buffer) => {
        if (this.mode === 'relay') upstream.write(chunk);
      });
      upstream.on('data', (chunk: Buffer) => {
        if (this.mode === 'relay') client.write(chunk);
      });
    });
  }

  private cutAll(): void {
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }
}
