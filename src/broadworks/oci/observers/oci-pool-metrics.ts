import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { OciGateway } from '../oci-gateway.js';
import { MetricsRegistry } from '../../../metrics/metrics-registry.js';

/**
 * The gateway's session pool, read at scrape time from `OciGateway.stats()`. A gateway without a
 * pool (the in-memory one) reports nothing, rather than a pool of zero that looks like an outage.
 */
@Injectable()
export class OciPoolMetrics implements OnModuleInit {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly gateway: OciGateway,
  ) {}

  onModuleInit(): void {
    if (this.gateway.stats() === undefined) return;
    const registers = [this.metrics.registry];
    const read = () => this.gateway.stats();
    new Gauge({
      name: 'oci_pool_size',
      help: 'BroadWorks sessions the pool holds',
      registers,
      collect() {
        this.set(read()?.poolSize ?? 0);
      },
    });
    new Gauge({
      name: 'oci_pool_busy_sessions',
      help: 'BroadWorks sessions carrying a document now',
      registers,
      collect() {
        this.set(read()?.busySessions ?? 0);
      },
    });
    new Gauge({
      name: 'oci_pool_queue_length',
      help: 'Calls waiting for a free BroadWorks session',
      registers,
      collect() {
        this.set(read()?.queueLength ?? 0);
      },
    });
    // The gateway keeps a running total; the counter follows it so rate() works as usual.
    let seen = 0;
    new Counter({
      name: 'oci_reconnects_total',
      help: 'BroadWorks sessions re-established after being lost or refused',
      registers,
      collect() {
        const total = read()?.reconnects ?? seen;
        if (total > seen) this.inc(total - seen);
        seen = total;
      },
    });
  }
}
