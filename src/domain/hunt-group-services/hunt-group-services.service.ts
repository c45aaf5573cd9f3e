import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { appConfig } from '../../config/namespaces.js';
import { ServiceNotAssigned, ValidationFailed, type FieldProblem } from '../errors.js';
import {
  DEFAULT_RING_PATTERN,
  FORWARDING_DEFAULTS,
  MAX_ALTERNATE_NUMBERS,
  SERVICE_NAMES,
  type AlternateNumber,
  type AlternateNumbers,
  type AlternateNumbersInput,
  type CallForwarding,
  type CallForwardingChange,
  type Forwarding,
  type HuntGroupService,
} from '../hunt-group-service-settings.js';
import { HuntGroupHooks, type HuntGroupRequest } from '../hooks.js';
import type { Scope } from '../model.js';
import { assertIfMatch, changesBetween, PreconditionFailed, type DryRun, type WriteOptions } from '../writes.js';
import { HuntGroupServicesPort, type AlternateNumberSlots, type GroupNumbers } from './hunt-group-services.port.js';
import {
  applyForwardingChange,
  EMPTY_SLOTS,
  planAlternateNumbers,
  planForwarding,
  type ServicePlan,
} from './service-plans.js';

/** A write of a service: the usual options, and whether to assign the service first when it is not. */
export interface ServiceWriteOptions extends WriteOptions {
  assign?: boolean;
}

/**
 * Validates a body that a plugin check changed, as a client's body is validated. The HTTP edge
 * implements it with the routes' DTOs.
 */
export abstract class ServiceBodyValidator {
  abstract forwarding(forwarding: Forwarding, plain: Record<string, unknown>): Promise<CallForwardingChange>;
  abstract alternateNumbers(plain: Record<string, unknown>): Promise<AlternateNumbersInput>;
}

/** A page of the group's free numbers. */
export interface NumbersPage {
  numbers: string[];
  /** The offset of the next page, when there is one. */
  nextOffset?: number;
}

/**
 * A hunt group's own services: call forwarding and alternate numbers (read, change all or nothing,
 * dry-run, If-Match, plugin checks and events, as every write), and the group's free numbers.
 */
@Injectable()
export class HuntGroupServicesService {
  constructor(
    private readonly port: HuntGroupServicesPort,
    private readonly hooks: HuntGroupHooks,
    private readonly validator: ServiceBodyValidator,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
  ) {}

  async forwarding(scope: Scope, serviceUserId: string, forwarding: Forwarding): Promise<CallForwarding> {
    const state = await this.port.readForwarding(scope, serviceUserId, forwarding);
    if (!state.assigned) throw new ServiceNotAssigned(SERVICE_NAMES[forwarding], serviceUserId);
    return state.settings;
  }

  /**
   * A partial change of a forwarding: one read (assignment, settings, proof the hunt group is the
   * group's), then the assign (with `assign`, when not assigned) and the modify in one document,
   * all or nothing, read back in the same round trip.
   */
  async setForwarding(
    scope: Scope,
    serviceUserId: string,
    forwarding: Forwarding,
    change: CallForwardingChange,
    options: ServiceWriteOptions = {},
  ): Promise<CallForwarding | DryRun<CallForwarding>> {
    const state = await this.port.readForwarding(scope, serviceUserId, forwarding);
    const before = state.assigned ? state.settings : undefined;
    const assign = this.assertWritable(forwarding, serviceUserId, before, options);
    const body = await this.checked(
      change,
      (plain) => ({
        operation: 'set-call-forwarding',
        ...scope,
        serviceUserId,
        service: forwarding,
        assign,
        dryRun: options.dryRun === true,
        current: before ?? null,
        body: plain,
      }),
      (plain) => this.validator.forwarding(forwarding, plain),
    );
    const defaults = FORWARDING_DEFAULTS[forwarding];
    const after = applyForwardingChange(before ?? defaults, body);
    if (after.isActive && after.forwardToPhoneNumber === '') {
      throw new ValidationFailed([
        {
          field: 'forwardToPhoneNumber',
          reasons: ['a number (or SIP URI) to forward to is required while isActive is true'],
        },
      ]);
    }
    const plan = planForwarding(serviceUserId, forwarding, before, defaults, body);
    if (options.dryRun) return this.dryRunOf(scope, plan, before, after);
    if (plan.length === 0) return before!;
    const result = await this.port.applyForwarding(scope, plan, serviceUserId, forwarding);
    this.hooks.emit({
      type: 'call-forwarding-changed',
      ...scope,
      serviceUserId,
      service: forwarding,
      assigned: assign,
      before: before ?? null,
      after: result,
    });
    return result;
  }

  async alternateNumbers(scope: Scope, serviceUserId: string): Promise<AlternateNumbers> {
    const { state } = await this.port.readAlternateNumbers(scope, serviceUserId, false);
    if (!state.assigned) throw new ServiceNotAssigned(SERVICE_NAMES.alternate_numbers, serviceUserId);
    return answerOf(state.settings);
  }

  /**
   * New alternate numbers: `alternateNumbers` replaces the list (slots 1..n, the others freed),
   * `distinctiveRing` changes when given. One read (with the group's numbers when the body names
   * numbers, to refuse a number not of the group or in use, naming the entry), then one modify of
   * the slots that change (after the assign, with `assign`), read back in the same round trip.
   */
  async setAlternateNumbers(
    scope: Scope,
    serviceUserId: string,
    input: AlternateNumbersInput,
    options: ServiceWriteOptions = {},
  ): Promise<AlternateNumbers | DryRun<AlternateNumbers>> {
    const namesNumbers = (b: AlternateNumbersInput) => (b.alternateNumbers ?? []).some((e) => e.phoneNumber);
    let read = await this.port.readAlternateNumbers(scope, serviceUserId, namesNumbers(input));
    const before = read.state.assigned ? read.state.settings : undefined;
    const beforeAnswer = before ? answerOf(before) : undefined;
    const assign = this.assertWritable('alternate_numbers', serviceUserId, beforeAnswer, options);
    const body = await this.checked(
      input,
      (plain) => ({
        operation: 'set-alternate-numbers',
        ...scope,
        serviceUserId,
        assign,
        dryRun: options.dryRun === true,
        current: beforeAnswer ?? null,
        body: plain,
      }),
      (plain) => this.validator.alternateNumbers(plain),
    );
    // A plugin check that added numbers costs one more read, for the group's numbers.
    if (namesNumbers(body) && !read.groupNumbers)
      read = await this.port.readAlternateNumbers(scope, serviceUserId, true);
    const current = before ?? EMPTY_SLOTS();
    assertEntries(body, current, read.groupNumbers, scope.groupId);
    const after: AlternateNumberSlots = {
      distinctiveRing: body.distinctiveRing ?? current.distinctiveRing,
      slots: body.alternateNumbers
        ? Array.from({ length: MAX_ALTERNATE_NUMBERS }, (_, i) => {
            const entry = body.alternateNumbers![i];
            return entry ? entryOf(entry) : null;
          })
        : current.slots,
    };
    const plan = planAlternateNumbers(serviceUserId, before, after);
    if (options.dryRun) return this.dryRunOf(scope, plan, beforeAnswer, answerOf(after));
    if (plan.length === 0) return beforeAnswer!;
    const result = answerOf(await this.port.applyAlternateNumbers(scope, plan, serviceUserId));
    this.hooks.emit({
      type: 'alternate-numbers-changed',
      ...scope,
      serviceUserId,
      assigned: assign,
      before: beforeAnswer ?? null,
      after: result,
    });
    return result;
  }

  /** A page of the group's free numbers (all of them without a limit). */
  async availableNumbers(scope: Scope, page: { limit?: number; offset?: number } = {}): Promise<NumbersPage> {
    const all = await this.port.availableNumbers(scope);
    const offset = page.offset ?? 0;
    const end = page.limit === undefined ? all.length : offset + page.limit;
    return { numbers: all.slice(offset, end), ...(end < all.length ? { nextOffset: end } : {}) };
  }

  /**
   * The version check and whether the write assigns the service. An assigned service is an
   * existing resource: If-Match is compared with it (412), and required when API_REQUIRE_IF_MATCH is
   * on (428). A service not assigned has no version: any If-Match fails (412), and the write needs
   * `?assign=true` (else 409 naming the service); assigning it is a create, which needs no If-Match.
   */
  private assertWritable(
    service: HuntGroupService,
    serviceUserId: string,
    current: unknown,
    options: ServiceWriteOptions,
  ): boolean {
    if (current !== undefined) {
      assertIfMatch(options, current, this.app.requireIfMatch);
      return false;
    }
    if (options.ifMatch !== undefined) {
      throw new PreconditionFailed(
        `If-Match ${options.ifMatch} does not match: ${SERVICE_NAMES[service]} is not assigned, so it has no version`,
      );
    }
    if (!options.assign) throw new ServiceNotAssigned(SERVICE_NAMES[service], serviceUserId);
    return true;
  }

  /** Runs the plugins' checks on a plain copy of the body, then validates what they left. */
  private async checked<T>(
    body: T,
    request: (plain: Record<string, unknown>) => HuntGroupRequest,
    validate: (plain: Record<string, unknown>) => Promise<T>,
  ): Promise<T> {
    if (!this.hooks.hasChecks) return body;
    const plain = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
    await this.hooks.check(request(plain));
    return validate(plain);
  }

  private dryRunOf<T>(scope: Scope, plan: ServicePlan, before: T | undefined, after: T): DryRun<T> {
    return {
      dryRun: true,
      result: after,
      changes: changesBetween(before ?? null, after),
      commands: this.port.describe(scope, plan),
    };
  }
}

/** The answer: the used slots in order, the distinctive ring flag first. */
function answerOf(state: AlternateNumberSlots): AlternateNumbers {
  return { distinctiveRing: state.distinctiveRing, alternateNumbers: state.slots.filter((s) => s !== null) };
}

const entryOf = (e: {
  phoneNumber?: string;
  extension?: string;
  ringPattern?: string;
  description?: string;
}): AlternateNumber => ({
  phoneNumber: e.phoneNumber ?? '',
  extension: e.extension ?? '',
  ringPattern: e.ringPattern ?? DEFAULT_RING_PATTERN,
  description: e.description ?? '',
});

/**
 * Every entry names a number or an extension, none twice; at most ten; every number is one of the
 * group's and free (or already one of this hunt group's alternate numbers). 400 naming each entry.
 */
function assertEntries(
  body: AlternateNumbersInput,
  current: AlternateNumberSlots,
  groupNumbers: GroupNumbers | undefined,
  groupId: string,
): void {
  const entries = body.alternateNumbers ?? [];
  const problems: FieldProblem[] = [];
  const own = new Set(current.slots.map((s) => s?.phoneNumber).filter((n) => n));
  const assigned = new Set(groupNumbers?.assigned ?? []);
  const available = new Set(groupNumbers?.available ?? []);
  const seenNumbers = new Set<string>();
  const seenExtensions = new Set<string>();
  entries.forEach((entry, i) => {
    const at = `alternateNumbers[${i}]`;
    if (i >= MAX_ALTERNATE_NUMBERS) {
      problems.push({ field: at, reasons: [`a hunt group has at most ${MAX_ALTERNATE_NUMBERS} alternate numbers`] });
      return;
    }
    if (!entry.phoneNumber && !entry.extension) {
      problems.push({ field: at, reasons: ['an alternate number needs a phoneNumber, an extension, or both'] });
      return;
    }
    const number = entry.phoneNumber;
    if (number) {
      const reason = seenNumbers.has(number)
        ? `${number} is listed more than once`
        : !assigned.has(number)
          ? `${number} is not a number of group ${groupId}`
          : !available.has(number) && !own.has(number)
            ? `${number} is already in use`
            : undefined;
      if (reason) problems.push({ field: `${at}.phoneNumber`, reasons: [reason] });
      seenNumbers.add(number);
    }
    const extension = entry.extension;
    if (extension) {
      if (seenExtensions.has(extension))
        problems.push({ field: `${at}.extension`, reasons: [`${extension} is listed more than once`] });
      seenExtensions.add(extension);
    }
  });
  if (problems.length > 0) throw new ValidationFailed(problems);
}
