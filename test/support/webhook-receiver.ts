import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureOf } from '../../src/audit/webhook-signature.js';

/** A receiver's check of a delivery's signature, as README shows it. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signatureOf(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A webhook receiver on 127.0.0.1 for the tests: records every delivery, and answers as `mode`
 * says: 204, a 500, or nothing at all (a hanging receiver).
 */
export class WebhookReceiver {
  readonly deliveries: Delivery[] = [];
  mode: 'ok' | 'fail' | 'hang' = 'ok';
  /** Answer 500 to this many deliveries first, then as `mode` says. */
  failNext = 0;
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        this.deliveries.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() });
        if (this.failNext > 0) {
          this.failNext -= 1;
          res.writeHead(500).end('not now');
        } else if (this.mode === 'fail') res.writeHead(500).end('broken');
        else if (this.mode === 'ok') res.writeHead(204).end();
        // 'hang': never answered; closed with the server.
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver();
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  /** The events delivered with a 2xx-bound answer or not: their ids, in order of arrival. */
  eventIds(): string[] {
    return this.deliveries.map((d) => String(d.headers['x-apio-event-id']));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
