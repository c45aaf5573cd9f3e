import type { Server, ServerResponse } from 'node:http';
import { Logger, type INestApplication } from '@nestjs/common';
import { ShutdownState } from '../health/shutdown-state.js';

export interface GracefulShutdownOptions {
  /** How long requests in flight may take to finish before their connections are cut. */
  graceMs: number;
  /** Ends the process; a parameter so the sequence can be tested without exiting. */
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

/**
 * SIGTERM (or SIGINT): stop listening and report not-ready, let the requests in flight finish
 * within `graceMs`, then close the application, whose onModuleDestroy hooks log out of BroadWorks,
 * and exit 0.
 *
 * Used instead of `app.enableShutdownHooks()`: Nest's own sequence runs onModuleDestroy before it
 * closes the HTTP server, so the gateway would log out under requests still being served.
 */
export function enableGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions): void {
  const logger = new Logger('Shutdown');
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const server = app.getHttpServer() as Server;
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  let allDone: (() => void) | undefined;

  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    // A keep-alive connection must not carry one more request after this answer.
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (draining && inFlight.size === 0) allDone?.();
    });
  });

  const shutDown = async (signal: string): Promise<void> => {
    draining = true;
    app.get(ShutdownState).draining = true;
    logger.log(`${signal}: no new connections; ${inFlight.size} request(s) in flight get up to ${options.graceMs} ms`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.closeIdleConnections();

    const drained =
      inFlight.size === 0 ||
      (await Promise.race([
        new Promise<true>((resolve) => (allDone = () => resolve(true))),
        sleep(options.graceMs).then(() => false as const),
      ]));
    if (!drained)
      logger.warn(`${inFlight.size} request(s) still in flight after ${options.graceMs} ms: closing their connections`);
    server.closeAllConnections();
    await closed;

    // Logs out of BroadWorks (the gateway's onModuleDestroy) and closes everything else.
    await app.close();
    logger.log('Shut down cleanly');
    exit(0);
  };

  let started = false;
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      // Whatever happens on the way out, the process ends: with 1 if closing failed or hung.
      setTimeout(() => {
        logger.error('Shutdown did not complete in time');
        exit(1);
      }, options.graceMs + 15000).unref();
      shutDown(signal).catch((error: unknown) => {
        logger.error(`Shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        exit(1);
      });
    });
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
