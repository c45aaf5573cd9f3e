import { Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PRINCIPAL, type Principal } from '../auth/principal.js';
import type { HuntGroupEvent } from '../domain/hooks.js';
import type { ClaimedJob, ItemResult, JobAudit } from '../domain/bulk/bulk.js';
import type { JournaledDocument, RequestJournal } from '../domain/request-journal.js';
import { redactSecrets } from '../logging/redact.js';
import { routeOf } from '../metrics/route-of.js';
import {
  AuditLogRepository,
  type NewAuditLogRecord,
  type OutboxEvent,
} from '../store/repositories/audit-log.repository.js';

/** The changes subscriptions may ask for, as the domain names them (HuntGroupEvent types). */
export const WEBHOOK_EVENTS = [
  'created',
  'updated',
  'renamed',
  'deleted',
  'agents-changed',
  'weights-changed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

const isWebhookEvent = (type: string): type is WebhookEventType => (WEBHOOK_EVENTS as readonly string[]).includes(type);

/** The hunt group an event is about (after a rename: its new id). */
function huntGroupOf(event: HuntGroupEvent): string {
  switch (event.type) {
    case 'created':
      return event.huntGroup.serviceUserId;
    case 'updated':
      return event.after.serviceUserId;
    case 'renamed':
      return event.to;
    default:
      return event.serviceUserId;
  }
}

/** The longest BroadWorks user id: a body's longer `serviceUserId` (refused anyway) is not kept. */
const MAX_USER_ID = 161;

/** A string route parameter, or undefined. */
function paramOf(req: Request, name: string): string | undefined {
  const value = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Turns a finished write into its audit record: who (the principal the guard found), from where,
 * which route, about what (tenant, group, hunt group: from the route or the changes), how it ended
 * (status, error code), what changed (the domain's events, before and after) and what BroadWorks
 * received (the request journal). Secrets never reach it: no request body is kept, and commands
 * and changes are redacted as the logs are.
 */
@Injectable()
export class AuditRecorder implements JobAudit {
  private readonly logger = new Logger('Audit');
  /** Records of this replica still being stored. */
  private readonly storing = new Set<Promise<void>>();

  constructor(private readonly records: AuditLogRepository) {}

  /** Stores the record of a finished write; resolves once stored (or reported as not stored). */
  record(req: Request, res: Response, journal: RequestJournal): Promise<void> {
    const storing = this.store(req, res, journal);
    this.storing.add(storing);
    void storing.finally(() => this.storing.delete(storing));
    return storing;
  }

  /** Resolves when the records this replica was storing are stored. */
  async settled(): Promise<void> {
    await Promise.all([...this.storing]);
  }

  private async store(req: Request, res: Response, journal: RequestJournal): Promise<void> {
    const events = journal.events as HuntGroupEvent[];
    const principal = (req as unknown as Record<string, Principal | undefined>)[PRINCIPAL];
    const first = events[0];
    const status = res.statusCode;
    const dryRun = (req.query as Record<string, unknown> | undefined)?.dryRun === 'true';
    const bodyId = (req.body as { serviceUserId?: unknown } | undefined)?.serviceUserId;
    const record: NewAuditLogRecord = {
      requestId: journal.requestId,
      actor: principal
        ? { kind: principal.kind, id: principal.id, level: principal.level }
        : { kind: 'anonymous', id: '', level: null },
      clientAddress: req.ip ?? req.socket.remoteAddress ?? null,
      method: req.method,
      route: routeOf(req),
      path: req.originalUrl.split('?')[0],
      tenantId: paramOf(req, 'tenantId') ?? first?.tenantId ?? null,
      groupId: paramOf(req, 'groupId') ?? first?.groupId ?? null,
      huntGroupId:
        (first ? huntGroupOf(first) : undefined) ??
        paramOf(req, 'name') ??
        (typeof bodyId === 'string' && bodyId.length <= MAX_USER_ID ? bodyId : null),
      dryRun,
      outcome: status < 400 ? 'success' : 'failure',
      status,
      errorCode: status >= 400 ? ((res.locals.errorCode as string | undefined) ?? null) : null,
      changes: redactSecrets(events) as unknown[],
      commands: journal.documents,
    };
    await this.append([{ record, events }]);
  }

  /**
   * Records a bulk job's chunk: one record per item that ran (done or failed), with the job's
   * submitter as actor, the job's id as request id (the chunk's documents carried it as their
   * trackingId), the item's changes and the commands that named its hunt group.
   */
  async recordChunk(job: ClaimedJob, results: readonly ItemResult[], journal: RequestJournal): Promise<void> {
    const events = journal.events as HuntGroupEvent[];
    const [kind, ...rest] = job.createdBy.split(':');
    const actor = {
      kind: kind === 'machine' ? ('machine' as const) : ('user' as const),
      id: rest.join(':'),
      level: null,
    };
    // Indexed by hunt group once: looking through the chunk's events and documents for each item cost
    // a tenth of a bulk job's time.
    const eventsOf = new Map<string, HuntGroupEvent[]>();
    for (const event of events) for (const id of new Set(huntGroupsOf(event))) pushTo(eventsOf, id, event);
    const documentsOf = documentsByHuntGroup(journal.documents);
    const entries = results
      .filter((r) => r.status === 'done' || r.status === 'failed')
      .map((result) => {
        const id = result.serviceUserId;
        const own = (id !== null && eventsOf.get(id)) || [];
        const record: NewAuditLogRecord = {
          requestId: job.id,
          actor,
          clientAddress: null,
          method: 'JOB',
          route: '/api/v1/jobs/:id',
          path: `/api/v1/jobs/${job.id}`,
          tenantId: job.tenantId,
          groupId: job.groupId,
          huntGroupId: id,
          dryRun: false,
          outcome: result.status === 'done' ? 'success' : 'failure',
          // No HTTP answer of its own: 200 done, 422 failed; the error code says why.
          status: result.status === 'done' ? 200 : 422,
          errorCode: result.error?.code ?? null,
          changes: redactSecrets(own) as unknown[],
          commands: (id !== null && documentsOf.get(id)) || [],
        };
        return { record, events: own };
      });
    await this.append(entries);
  }

  /** The records and, in the same transaction, the webhook deliveries of their events. */
  private async append(entries: { record: NewAuditLogRecord; events: readonly HuntGroupEvent[] }[]): Promise<void> {
    try {
      await this.records.appendAll(entries.map(({ record, events }) => ({ record, events: outboxOf(events) })));
    } catch (error) {
      // The change is made: a store failure here can only be reported.
      const { record } = entries[0] ?? {};
      if (record)
        this.logger.error(
          `Audit record of ${record.method} ${record.path} (request ${record.requestId}) not stored: ${String(error)}`,
        );
    }
  }
}

/** The events subscriptions may be told of, as the outbox keeps them. */
function outboxOf(events: readonly HuntGroupEvent[]): OutboxEvent[] {
  return events
    .filter((e) => isWebhookEvent(e.type))
    .map((event) => {
      const { type, tenantId, groupId, ...data } = event;
      return {
        type,
        tenantId,
        groupId,
        huntGroupId: huntGroupOf(event),
        data: redactSecrets(data) as Record<string, unknown>,
      };
    });
}

/** Every hunt group id an event names (a rename names two). */
function huntGroupsOf(event: HuntGroupEvent): string[] {
  return event.type === 'renamed' ? [event.from, event.to] : [huntGroupOf(event)];
}

/**
 * For each hunt group the documents name: the documents' commands that name it, each document's
 * outcomes cut down alike (so `outcomes[i]` is still the outcome of `commands[i]`), and the
 * documents that name it not at all left out.
 */
function documentsByHuntGroup(documents: readonly JournaledDocument[]): Map<string, JournaledDocument[]> {
  const byHuntGroup = new Map<string, JournaledDocument[]>();
  for (const document of documents) {
    const positions = new Map<string, number[]>();
    document.commands.forEach((command, i) => {
      for (const id of huntGroupsNamedBy(command)) pushTo(positions, id, i);
    });
    const { outcomes, ...rest } = document;
    for (const [id, at] of positions) {
      pushTo(byHuntGroup, id, {
        ...rest,
        commands: at.map((i) => document.commands[i]),
        ...(outcomes ? { outcomes: at.map((i) => outcomes[i]) } : {}),
      });
    }
  }
  return byHuntGroup;
}

/** The hunt groups an OCI-P command (as journaled) is about: its serviceUserId, and a rename's new one. */
function huntGroupsNamedBy(command: unknown): string[] {
  const { serviceUserId, newUserId } = command as Record<string, unknown>;
  const ids = typeof serviceUserId === 'string' ? [serviceUserId] : [];
  if (typeof newUserId === 'string' && newUserId !== serviceUserId) ids.push(newUserId);
  return ids;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
