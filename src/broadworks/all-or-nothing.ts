import { Logger } from '@nestjs/common';
import { MAX_COMMANDS_PER_DOCUMENT, type OciRequest, type ResponsesTo } from '../ocip/commands.js';
import { OciErrorResponse, OciTransportError } from '../ocip/oci-errors.js';
import type { OciGateway } from './oci/oci-gateway.js';

/** A change and the commands that take it back. */
export interface Step {
  command: OciRequest;
  undo: OciRequest[];
  /**
   * The undo cannot fully take it back (BroadWorks cannot clear some elements once set). Such a
   * step is sent alone, after every other step succeeded, so it never has to be undone.
   */
  irreversible?: boolean;
}

const logger = new Logger('AllOrNothing');

/**
 * Sends the steps' commands in one OCI-P document, followed by `reads` (to read the result back in
 * the same round trip). BroadWorks applies each command on its own, so when a step fails, the steps
 * that succeeded are undone (newest first) before the first failure is thrown: a request that fails
 * leaves BroadWorks as it found it. An irreversible step goes in a second document, after the
 * others succeeded. When an undo fails too, an 'unknown-outcome' transport error (504) says the
 * change may be partly applied. Returns the answers to `reads`.
 */
export async function applyAllOrNothing<R extends readonly OciRequest[]>(
  oci: OciGateway,
  steps: readonly Step[],
  ...reads: R
): Promise<ResponsesTo<R>> {
  const irreversible = steps.filter((s) => s.irreversible);
  if (irreversible.length > 1) throw new Error('applyAllOrNothing: at most one irreversible step');
  if (irreversible.length === 0) return (await applyDocument(oci, steps, reads, [])) as ResponsesTo<R>;
  const reversible = steps.filter((s) => !s.irreversible);
  if (reversible.length > 0) await applyDocument(oci, reversible, [], []);
  return (await applyDocument(oci, irreversible, reads, reversible)) as ResponsesTo<R>;
}

/**
 * Independent reversible steps in as many documents as they need (a step is one command; 15 a
 * document), sent at once over the pool. When any step fails, the
 * steps that succeeded, in every document, are undone (newest first, 15 undo commands a document)
 * before the first failure is thrown; an undo that fails too makes it an 'unknown-outcome' error.
 */
export async function applyAllOrNothingAcross(oci: OciGateway, steps: readonly Step[]): Promise<void> {
  if (steps.some((s) => s.irreversible)) throw new Error('applyAllOrNothingAcross: every step must be reversible');
  const documents: Step[][] = [];
  for (const step of steps) {
    const last = documents.at(-1);
    if (last && last.length < MAX_COMMANDS_PER_DOCUMENT) last.push(step);
    else documents.push([step]);
  }
  const outcomes = (await Promise.all(documents.map((d) => oci.execute(d.map((s) => s.command))))).flat();
  const failure = outcomes.find((o): o is OciErrorResponse => o instanceof OciErrorResponse);
  if (!failure) return;
  const succeeded = documents.flat().filter((_, i) => !(outcomes[i] instanceof OciErrorResponse));
  const undoCommands = succeeded.reverse().flatMap((s) => s.undo);
  for (let i = 0; i < undoCommands.length; i += MAX_COMMANDS_PER_DOCUMENT) {
    const undoFailure = await runUndo(oci, undoCommands.slice(i, i + MAX_COMMANDS_PER_DOCUMENT), failure);
    if (undoFailure) {
      throw new OciTransportError(
        'unknown-outcome',
        `BroadWorks refused part of the change (${failure.summary}) and undoing the parts it applied failed (${undoFailure.message}): the change may be partly applied`,
      );
    }
  }
  throw failure;
}

/** One document: the steps, then the reads; on a failed step, undoes the succeeded ones and `done`. */
async function applyDocument(
  oci: OciGateway,
  steps: readonly Step[],
  reads: readonly OciRequest[],
  done: readonly Step[],
): Promise<unknown[]> {
  const outcomes = await oci.execute([...steps.map((s) => s.command), ...reads]);
  const stepOutcomes = outcomes.slice(0, steps.length);
  const failure = stepOutcomes.find((o): o is OciErrorResponse => o instanceof OciErrorResponse);
  if (failure) {
    const succeeded = [...done, ...steps.filter((_, i) => !(stepOutcomes[i] instanceof OciErrorResponse))];
    const undoFailure = await undo(oci, succeeded.reverse(), failure);
    if (undoFailure) {
      // Part of the change is in BroadWorks and could not be taken back: the client must not read
      // the refusal as "nothing happened".
      throw new OciTransportError(
        'unknown-outcome',
        `BroadWorks refused part of the change (${failure.summary}) and undoing the parts it applied failed (${undoFailure.message}): the change may be partly applied`,
      );
    }
    throw failure;
  }
  const readFailure = outcomes.slice(steps.length).find((o): o is OciErrorResponse => o instanceof OciErrorResponse);
  if (readFailure) throw readFailure;
  return outcomes.slice(steps.length);
}

/** Runs the undo commands; returns why they did not all succeed, if they did not. */
async function undo(oci: OciGateway, succeeded: readonly Step[], cause: OciErrorResponse): Promise<Error | undefined> {
  return runUndo(
    oci,
    succeeded.flatMap((s) => s.undo),
    cause,
  );
}

/** Sends undo commands as one document; returns why they did not all succeed, if they did not. */
async function runUndo(
  oci: OciGateway,
  commands: readonly OciRequest[],
  cause: OciErrorResponse,
): Promise<Error | undefined> {
  if (commands.length === 0) return undefined;
  const undone = await oci.execute(commands).catch((e: unknown) => [e instanceof Error ? e : new Error(String(e))]);
  const undoFailure = undone.find((o) => o instanceof Error);
  if (undoFailure) {
    // Nothing more can be done automatically: say so loudly; the caller tells the client.
    logger.error(
      `Undo after a failed change did not complete: ${undoFailure.message}; the cause was: ${cause.summary}`,
    );
  }
  return undoFailure;
}

/**
 * Many plans, each all or nothing on its own (the items of a bulk job): whole plans packed into
 * documents of up to 15 commands, the documents sent at once over the pool. A plan with a failed
 * step has its succeeded steps undone; the others stand. A plan with an irreversible step goes
 * alone (applyAllOrNothing). Returns, for each plan, what made it fail, or undefined.
 */
export async function applyEachAllOrNothing(oci: OciGateway, plans: readonly (readonly Step[])[]): Promise<unknown[]> {
  const failures: unknown[] = new Array<unknown>(plans.length).fill(undefined);
  const alone = plans.flatMap((p, i) =>
    p.some((s) => s.irreversible) || p.length > MAX_COMMANDS_PER_DOCUMENT ? [i] : [],
  );
  const documents: number[][] = [];
  let size = MAX_COMMANDS_PER_DOCUMENT;
  plans.forEach((plan, i) => {
    if (alone.includes(i) || plan.length === 0) return;
    if (size + plan.length > MAX_COMMANDS_PER_DOCUMENT) {
      documents.push([]);
      size = 0;
    }
    documents.at(-1)!.push(i);
    size += plan.length;
  });
  const packed = documents.map(async (document) => {
    let outcomes: unknown[];
    try {
      outcomes = await oci.execute(document.flatMap((i) => plans[i].map((s) => s.command)));
    } catch (e) {
      for (const i of document) failures[i] = e;
      return;
    }
    let next = 0;
    const undos = document.map(async (i) => {
      const mine = outcomes.slice(next, (next += plans[i].length));
      const failure = mine.find((o): o is OciErrorResponse => o instanceof OciErrorResponse);
      if (!failure) return;
      failures[i] = failure;
      const succeeded = plans[i].filter((_, k) => !(mine[k] instanceof OciErrorResponse)).reverse();
      const undoFailure = await undo(oci, succeeded, failure);
      if (undoFailure) {
        failures[i] = new OciTransportError(
          'unknown-outcome',
          `BroadWorks refused part of the change (${failure.summary}) and undoing the parts it applied failed (${undoFailure.message}): the change may be partly applied`,
        );
      }
    });
    await Promise.all(undos);
  });
  const single = alone.map(async (i) => {
    try {
      await applyAllOrNothing(oci, plans[i]);
    } catch (e) {
      failures[i] = e;
    }
  });
  await Promise.all([...packed, ...single]);
  return failures;
}
