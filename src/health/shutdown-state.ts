import { Injectable } from '@nestjs/common';

/**
 * Set when a SIGTERM starts the shutdown: from then on readiness answers 503, so a load balancer
 * stops sending new requests while those in flight finish.
 */
@Injectable()
export class ShutdownState {
  draining = false;
}
