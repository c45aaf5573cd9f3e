import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';
import { routeOf } from './route-of.js';

/** Request latencies of a REST API in front of BroadWorks: a few ms (simulator) to tens of seconds (timeouts). */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

type HttpLabels = 'method' | 'route' | 'status';

/** The HTTP series; a provider of its own because Nest builds middleware instances apart from providers. */
@Injectable()
export class HttpMetrics {
  readonly requests: Counter<HttpLabels>;
  readonly duration: Histogram<HttpLabels>;

  constructor(metrics: MetricsRegistry) {
    const registers = [metrics.registry];
    const labelNames = ['method', 'route', 'status'] as const;
    this.requests = new Counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by route pattern, method and status',
      labelNames,
      registers,
    });
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request to the end of the answer, by route pattern, method and status',
      labelNames,
      buckets: HTTP_BUCKETS,
      registers,
    });
  }
}

/**
 * Counts and times every HTTP request by route pattern, method and status. A middleware rather
 * than an interceptor, so requests that never reach a handler (404, 413, refused by a pipe) count too.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly http: HttpMetrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stopTimer = this.http.duration.startTimer();
    let done = false;
    const record = (status: string): void => {
      if (done) return;
      done = true;
      const labels = { method: req.method, route: routeOf(req), status };
      this.http.requests.inc(labels);
      stopTimer(labels);
    };
    res.once('finish', () => record(String(res.statusCode)));
    // 'close' without 'finish': the client went away before the answer was complete.
    res.once('close', () => record('aborted'));
    next();
  }
}
