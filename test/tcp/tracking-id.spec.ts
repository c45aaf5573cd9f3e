/**
 * BroadsoftDocument's trackingId on the wire: the request's id goes out in each document the
 * gateway writes (R25 OCIMessage: after the session id, before the commands) and comes back in the
 * simulator's answer, as BroadWorks returns it.
 */
import net from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ObservedOciGateway, type OciExchange } from '../../src/broadworks/oci/observed-oci-gateway.js';
import { RequestJournal, withJournal } from '../../src/domain/request-journal.js';
import { BroadWorksEngine } from '../../src/simulator/engine.js';
import { startOciSimulator, type OciSimulator } from '../../src/simulator/server.js';
import { DEMO_WORLD, GROUP, testGateway } from './support/gateway.js';

/** A relay between the gateway and the simulator that keeps what passes each way. */
async function sniffer(target: number): Promise<{ port: number; sent: string[]; received: string[]; close(): void }> {
  const sent: string[] = [];
  const received: string[] = [];
  const sockets: net.Socket[] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(target, '127.0.0.1');
    sockets.push(client, upstream);
    client.on('data', (d: Buffer) => {
      sent.push(d.toString('latin1'));
      upstream.write(d);
    });
    upstream.on('data', (d: Buffer) => {
      received.push(d.toString('latin1'));
      client.write(d);
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as net.AddressInfo).port,
    sent,
    received,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe('trackingId over TCP', () => {
  let simulator: OciSimulator;
  let sniff: Awaited<ReturnType<typeof sniffer>>;
  beforeEach(async () => {
    simulator = await startOciSimulator({ engine: BroadWorksEngine.fromFile(DEMO_WORLD), port: 0 });
    sniff = await sniffer(simulator.port);
  });
  afterEach(async () => {
    sniff.close();
    await simulator.close();
  });

  it("carries the request's id in every document of the request, and the simulator echoes it", async () => {
    const { gateway: tcp } = testGateway(sniff.port);
    const exchanges: OciExchange[] = [];
    const gateway = new ObservedOciGateway(tcp, [{ observe: (e) => exchanges.push(e) }]);
    try {
      const journal = new RequestJournal('req-7f3a.42');
      await withJournal(journal, () => gateway.send({ $type: 'GroupHuntGroupGetInstanceListRequest', ...GROUP }));
      // Outside a request (a health probe): no trackingId.
      await gateway.send({ $type: 'GroupHuntGroupGetInstanceListRequest', ...GROUP });
      const documents = sniff.sent
        .join('')
        .split('\n')
        .filter((d) => d.includes('GroupHuntGroupGetInstanceListRequest'));
      expect(documents).toHaveLength(2);
      expect(documents[0]).toMatch(
        /<sessionId xmlns="">[^<]+<\/sessionId><trackingId xmlns="">req-7f3a\.42<\/trackingId><command /,
      );
      expect(documents[1]).not.toContain('trackingId');
      const answers = sniff.received
        .join('')
        .split('\n')
        .filter((d) => d.includes('GroupHuntGroupGetInstanceListResponse'));
      expect(answers[0]).toContain('<trackingId xmlns="">req-7f3a.42</trackingId>');
      expect(answers[1]).not.toContain('trackingId');
      expect(exchanges.map((e) => e.trackingId)).toEqual(['req-7f3a.42', undefined]);
    } finally {
      await tcp.close();
    }
  });
});
