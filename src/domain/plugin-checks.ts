import { Injectable } from '@nestjs/common';
import { HuntGroupHooks, type HuntGroupRequest } from './hooks.js';
import type { AgentWeight, HuntGroupChange, HuntGroupInput } from './model.js';

/** The bodies a plugin check can change, by operation. */
export interface CheckedBodies {
  create: HuntGroupInput;
  update: HuntGroupChange;
  'set-weights': { agents: AgentWeight[] };
}

/**
 * Validates a body as a client's body is validated. The HTTP edge implements it with its DTOs, so a
 * body that a plugin check changed passes the same rules as one a client sent.
 */
export abstract class BodyValidator {
  abstract validate<K extends keyof CheckedBodies>(kind: K, plain: Record<string, unknown>): Promise<CheckedBodies[K]>;
}

/** Runs the plugins' checks on a request's body, then validates what they left. */
@Injectable()
export class PluginChecks {
  constructor(
    private readonly hooks: HuntGroupHooks,
    private readonly validator: BodyValidator,
  ) {}

  async checked<K extends keyof CheckedBodies>(
    kind: K,
    body: CheckedBodies[K],
    request: (plain: Record<string, unknown>) => HuntGroupRequest,
  ): Promise<CheckedBodies[K]> {
    if (!this.hooks.hasChecks) return body;
    // Checks get a plain JSON copy, as a client would have sent it: they may change it at will.
    const plain = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    await this.hooks.check(request(plain));
    return this.validator.validate(kind, plain);
  }

  /** Checks of a request with no body (a delete). */
  async check(request: HuntGroupRequest): Promise<void> {
    await this.hooks.check(request);
  }
}
