import { Injectable, Logger } from '@nestjs/common';
import { ApiError } from './errors.js';
import type { AlternateNumbers, CallForwarding, Forwarding } from './hunt-group-service-settings.js';
import type { Agent, HuntGroup, Scope } from './model.js';
import { currentJournal } from './request-journal.js';

/** Where a hunt group lives. */
export type HuntGroupScope = Scope;

/** What happened to a hunt group, after BroadWorks accepted it. */
export type HuntGroupEvent =
  | (HuntGroupScope & { type: 'created'; huntGroup: HuntGroup })
  | (HuntGroupScope & { type: 'updated'; before: HuntGroup; after: HuntGroup })
  | (HuntGroupScope & { type: 'renamed'; from: string; to: string })
  /** `before`: the hunt group as it was, when the delete read it whole (with If-Match). */
  | (HuntGroupScope & { type: 'deleted'; serviceUserId: string; before?: HuntGroup })
  | (HuntGroupScope & { type: 'agents-changed'; serviceUserId: string; before: Agent[]; after: Agent[] })
  | (HuntGroupScope & { type: 'weights-changed'; serviceUserId: string; before: Agent[]; after: Agent[] })
  /** `assigned`: the request assigned the service first (`before` is then null). */
  | (HuntGroupScope & {
      type: 'call-forwarding-changed';
      serviceUserId: string;
      service: Forwarding;
      assigned: boolean;
      before: CallForwarding | null;
      after: CallForwarding;
    })
  | (HuntGroupScope & {
      type: 'alternate-numbers-changed';
      serviceUserId: string;
      assigned: boolean;
      before: AlternateNumbers | null;
      after: AlternateNumbers;
    });

/**
 * A request about to reach BroadWorks. `body` is the validated body: a check may change it (it is
 * validated again afterwards) or refuse the request by throwing `PluginRefusal`. `dryRun` says the
 * request only asks what it would do (`?dryRun=true`): nothing will be written, and no event follows.
 */
export type HuntGroupRequest = HuntGroupScope & { dryRun: boolean } & (
    | { operation: 'create'; body: Record<string, unknown> }
    | {
        operation: 'update';
        serviceUserId: string;
        current: HuntGroup;
        body: Record<string, unknown>;
      }
    | { operation: 'delete'; serviceUserId: string }
    | {
        operation: 'set-weights';
        serviceUserId: string;
        current: Agent[];
        body: Record<string, unknown>;
      }
    /** `current` is null when the service is not assigned (`assign`: the request assigns it first). */
    | {
        operation: 'set-call-forwarding';
        serviceUserId: string;
        service: Forwarding;
        assign: boolean;
        current: CallForwarding | null;
        body: Record<string, unknown>;
      }
    | {
        operation: 'set-alternate-numbers';
        serviceUserId: string;
        assign: boolean;
        current: AlternateNumbers | null;
        body: Record<string, unknown>;
      }
  );

export type HuntGroupObserver = (event: HuntGroupEvent) => void | Promise<void>;
export type HuntGroupCheck = (request: HuntGroupRequest) => void | Promise<void>;

const KIND_OF_STATUS = { 400: 'bad-request', 403: 'forbidden', 409: 'conflict' } as const;

/** A check's refusal: the request stops with this 4xx, in the JSON error envelope, before anything changes. */
export class PluginRefusal extends ApiError {
  constructor(status: keyof typeof KIND_OF_STATUS, code: string, message: string, details?: unknown) {
    super(KIND_OF_STATUS[status], code, message, details);
    this.name = 'PluginRefusal';
  }
}

/**
 * The extension point of hunt groups. Plugins register observers (told of every change after it
 * happened; a failing observer is logged and never fails the request) and checks (run in order
 * before anything is sent to BroadWorks; a refusal stops the request).
 */
@Injectable()
export class HuntGroupHooks {
  private readonly logger = new Logger('Plugins');
  private readonly observers: { name: string; observer: HuntGroupObserver }[] = [];
  private readonly checks: { name: string; check: HuntGroupCheck }[] = [];

  observe(name: string, observer: HuntGroupObserver): void {
    this.observers.push({ name, observer });
  }

  addCheck(name: string, check: HuntGroupCheck): void {
    this.checks.push({ name, check });
  }

  get hasChecks(): boolean {
    return this.checks.length > 0;
  }

  /** Runs the checks in registration order; the first refusal (or failure) stops the request. */
  async check(request: HuntGroupRequest): Promise<void> {
    for (const { check } of this.checks) await check(request);
  }

  /** Tells every observer; never throws, never makes the request wait for a slow observer. */
  emit(event: HuntGroupEvent): void {
    // The request's audit record (and its webhook deliveries) are made from the events it caused.
    currentJournal()?.events.push(event);
    for (const { name, observer } of this.observers) {
      try {
        const result = observer(event);
        if (result instanceof Promise) result.catch((e: unknown) => this.observerFailed(name, event, e));
      } catch (e) {
        this.observerFailed(name, event, e);
      }
    }
  }

  private observerFailed(name: string, event: HuntGroupEvent, error: unknown): void {
    this.logger.warn(
      `Plugin observer "${name}" failed on ${event.type}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
