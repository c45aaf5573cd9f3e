/**
 * What one HTTP request did below the edge, gathered while it runs: its id (sent to BroadWorks as
 * each document's trackingId), the OCI-P documents it caused with their outcomes, and the changes
 * the domain reported (the same events the plugins observe). The audit record of a write is made
 * from it once the answer is sent; nothing here is written to the store by the domain itself.
 *
 * It travels with the request's async context (AsyncLocalStorage), so new routes and use cases are
 * covered without passing it along: whatever runs on behalf of the request finds it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Scope } from './model.js';

/** A change the domain reported (a HuntGroupEvent of hooks.ts, which imports this file). */
export type JournaledEvent = Scope & { type: string };

/** One OCI-P document as the audit keeps it: its commands (secrets hidden), and how each one ended. */
export interface JournaledDocument {
  commands: unknown[];
  /** Per command: `ok`, or the BroadWorks error; absent when the document failed as a whole. */
  outcomes?: unknown[];
  /** The transport failure (unreachable, no answer…) when there are no outcomes. */
  error?: string;
}

export class RequestJournal {
  readonly documents: JournaledDocument[] = [];
  readonly events: JournaledEvent[] = [];

  /**
   * @param recorded whether an audit record will be made of it (a write): a read's journal only
   *   gives its id to the documents, and keeps none of them (an export sends hundreds).
   */
  constructor(
    readonly requestId: string,
    readonly recorded = true,
  ) {}
}

const storage = new AsyncLocalStorage<RequestJournal>();

/** Runs `work` (and everything it starts) with `journal` as the current request's journal. */
export function withJournal<T>(journal: RequestJournal, work: () => T): T {
  return storage.run(journal, work);
}

/** The journal of the request whose work is running, if any (none in background work). */
export function currentJournal(): RequestJournal | undefined {
  return storage.getStore();
}
