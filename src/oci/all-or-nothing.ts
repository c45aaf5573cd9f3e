import { Logger } from '@nestjs/common';
import type { OciRequest } from './commands.js';
import { OciErrorResponse } from './oci-errors.js';
import type { OciGateway } from './oci-gateway.js';

/** A change and the commands that take it back. */
export interface Step {
  command: OciRequest;
  undo: OciRequest[];
}

const logger = new Logger('AllOrNothing');

/**
 * Sends the steps' commands in one OCI-P document. BroadWorks applies each command on its own, so
 * when one fails, the steps that succeeded are undone (newest first) before the first failure is
 * thrown: a request that fails leaves BroadWorks as it found it.
 */
export async function applyAllOrNothing(oci: OciGateway, steps: readonly Step[]): Promise<void> {
  if (steps.length === 0) return;
  const outcomes = await oci.execute(steps.map((s) => s.command));
  const failure = outcomes.find((o): o is OciErrorResponse => o instanceof OciErrorResponse);
  if (!failure) return;
  const undo = steps.filter((_, i) => !(outcomes[i] instanceof OciErrorResponse)).reverse().flatMap((s) => s.undo);
  if (undo.length === 0) throw failure;
  const undone = await oci.execute(undo).catch((e: unknown) => [e instanceof Error ? e : new Error(String(e))]);
  const undoFailure = undone.find((o) => o instanceof Error);
  if (undoFailure) {
    // Nothing more can be done automatically: say so loudly, and keep the original cause for the client.
    logger.error(`Undo after a failed change did not complete: ${undoFailure.message}; the cause was: ${failure.summary}`);
  }
  throw failure;
}
