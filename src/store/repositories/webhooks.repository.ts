import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { WebhookSubscriptionsTable } from '../database.js';
import { storeCall } from '../store-errors.js';
import { Store } from '../store.js';

/** A subscription as the API answers it: never its secret. */
export interface WebhookSubscription {
  id: string;
  url: string;
  events: string[];
  tenantId?: string;
  groupId?: string;
  state: 'active' | 'paused';
  /** Why the deliveries stopped, while paused. */
  reason?: string;
  createdBy: string;
  createdAt: string;
}

/** A delivery a replica claimed: what to send, where, signed with what. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  attempts: number;
  createdAt: Date;
  payload: Record<string, unknown>;
  url: string;
  secret: string;
  subscriptionId: string;
}

type SubscriptionRow = Selectable<WebhookSubscriptionsTable>;

function toSubscription(row: SubscriptionRow): WebhookSubscription {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    ...(row.tenant_id !== null ? { tenantId: row.tenant_id } : {}),
    ...(row.group_id !== null ? { groupId: row.group_id } : {}),
    state: row.state,
    ...(row.paused_reason !== null ? { reason: row.paused_reason } : {}),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Webhook subscriptions and their outbox, shared by every replica. Deliveries are claimed with
 * `FOR UPDATE SKIP LOCKED` and a lease: two replicas never hold the same row, and a replica that
 * dies mid-delivery leaves it to another once the lease ends.
 */
@Injectable()
export class WebhooksRepository {
  constructor(private readonly store: Store) {}

  create(sub: {
    id: string;
    url: string;
    secret: string;
    events: string[];
    tenantId?: string;
    groupId?: string;
    createdBy: string;
  }): Promise<WebhookSubscription> {
    return storeCall(async () => {
      const row = await this.store.db
        .insertInto('webhook_subscriptions')
        .values({
          id: sub.id,
          url: sub.url,
          secret: sub.secret,
          events: JSON.stringify(sub.events),
          tenant_id: sub.tenantId ?? null,
          group_id: sub.groupId ?? null,
          state: 'active',
          paused_reason: null,
          created_by: sub.createdBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSubscription(row);
    });
  }

  list(): Promise<WebhookSubscription[]> {
    return storeCall(async () =>
      (await this.store.db.selectFrom('webhook_subscriptions').selectAll().orderBy('created_at').execute()).map(
        toSubscription,
      ),
    );
  }

  get(id: string): Promise<WebhookSubscription | undefined> {
    return storeCall(async () => {
      const row = await this.store.db
        .selectFrom('webhook_subscriptions')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      return row && toSubscription(row);
    });
  }

  /** Changes the URL, the events or the state (`active` resumes a paused subscription). */
  update(id: string, change: { url?: string; events?: string[]; state?: 'active' }): Promise<WebhookSubscription> {
    return storeCall(async () => {
      const row = await this.store.db
        .updateTable('webhook_subscriptions')
        .set({
          ...(change.url !== undefined ? { url: change.url } : {}),
          ...(change.events !== undefined ? { events: JSON.stringify(change.events) } : {}),
          ...(change.state !== undefined ? { state: change.state, paused_reason: null } : {}),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toSubscription(row);
    });
  }

  /** Deletes the subscription and its deliveries not yet made; false when there was none. */
  delete(id: string): Promise<boolean> {
    return storeCall(async () => {
      const result = await this.store.db.deleteFrom('webhook_subscriptions').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }

  /**
   * Takes up to `limit` due deliveries of active subscriptions for `leaseMs`: rows another replica
   * holds (locked now, or leased) are skipped, so each delivery has one sender at a time.
   */
  claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    return storeCall(async () => {
      const { rows } = await sql<{
        id: string;
        event_id: string;
        attempts: number;
        created_at: Date;
        payload: Record<string, unknown>;
        url: string;
        secret: string;
        subscription_id: string;
      }>`with due as (
          select o.id from webhook_outbox o join webhook_subscriptions s on s.id = o.subscription_id
          where o.state = 'pending' and o.next_attempt_at <= now() and s.state = 'active'
            and (o.lease_until is null or o.lease_until < now())
          order by o.next_attempt_at, o.id
          limit ${limit}
          for update of o skip locked)
        update webhook_outbox o set lease_until = now() + ${`${leaseMs} milliseconds`}::interval,
          attempts = o.attempts + 1
        from due, webhook_subscriptions s
        where o.id = due.id and s.id = o.subscription_id
        returning o.id, o.event_id, o.attempts, o.created_at, o.payload, s.url, s.secret, o.subscription_id`.execute(
        this.store.db,
      );
      return rows.map((r) => ({
        id: r.id,
        eventId: r.event_id,
        attempts: r.attempts,
        createdAt: r.created_at,
        payload: r.payload,
        url: r.url,
        secret: r.secret,
        subscriptionId: r.subscription_id,
      }));
    });
  }

  delivered(id: string): Promise<void> {
    return storeCall(async () => {
      await this.store.db
        .updateTable('webhook_outbox')
        .set({ state: 'delivered', delivered_at: new Date(), lease_until: null, last_error: null })
        .where('id', '=', id)
        .execute();
    });
  }

  /** A failed attempt: tried again at `retryAt`. */
  retryLater(id: string, error: string, retryAt: Date): Promise<void> {
    return storeCall(async () => {
      await this.store.db
        .updateTable('webhook_outbox')
        .set({ next_attempt_at: retryAt, lease_until: null, last_error: error })
        .where('id', '=', id)
        .execute();
    });
  }

  /** Forgets up to `batch` deliveries made or given up before `before`; the number forgotten. */
  pruneEnded(before: Date, batch = 5000): Promise<number> {
    return storeCall(async () => {
      const result = await this.store.db
        .deleteFrom('webhook_outbox')
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_outbox')
            .select('id')
            .where('state', '<>', 'pending')
            .where('created_at', '<', before)
            .limit(batch),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  }

  /**
   * The retries of a delivery ran out: it is kept as failed, and its subscription paused with the
   * reason, so that an operator sees it (GET) and resumes it once the receiver is fixed.
   */
  giveUp(delivery: ClaimedDelivery, error: string, reason: string): Promise<void> {
    return storeCall(async () => {
      // One statement (one transaction), as every write of the audit and webhooks.
      await sql`with failed as (
          update webhook_outbox set state = 'failed', lease_until = null, last_error = ${error}
          where id = ${delivery.id} returning subscription_id)
        update webhook_subscriptions set state = 'paused', paused_reason = ${reason}
        where id in (select subscription_id from failed)`.execute(this.store.db);
    });
  }
}
