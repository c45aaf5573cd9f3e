/** Turns the answers read from the wire into the outcomes of the OciGateway port. */
import { type OciOutcome, type OciRequest, type OciResponse } from '../../../ocip/commands.js';
import { OciErrorResponse, type OciErrorLevel } from '../../../ocip/oci-errors.js';
import type { OciReadCommand } from '../../../ocip/protocol/index.js';

const LEVELS: ReadonlySet<string> = new Set(['Error', 'Warning', 'Info']);

export function toOutcome(answer: OciReadCommand): OciOutcome {
  if (answer.$type === 'ErrorResponse') {
    const text = (key: string): string | undefined => (typeof answer[key] === 'string' ? answer[key] : undefined);
    const summary = text('summary') ?? '';
    const level = answer.level !== undefined && LEVELS.has(answer.level) ? (answer.level as OciErrorLevel) : 'Error';
    const code = typeof answer['errorCode'] === 'number' ? answer['errorCode'] : undefined;
    return new OciErrorResponse(summary, code, text('detail'), level, text('summaryEnglish') ?? summary);
  }
  // The echo attribute is ours to set; we never do, and it is not part of a response's data.
  if (answer.echo === undefined && answer.level === undefined) return answer as unknown as OciResponse;
  const response: Partial<OciReadCommand> = { ...answer };
  delete response.echo;
  delete response.level;
  return response as unknown as OciResponse;
}

/**
 * Whether re-sending the command cannot change anything: BroadWorks names every read `…Get…`.
 * Only such documents are retried after the connection was cut while BroadWorks was answering.
 */
export function isReadOnly(command: OciRequest): boolean {
  return command.$type.includes('Get') || command.$type === 'VerifySessionIsValidRequest';
}

/**
 * An ErrorResponse saying the session is no longer valid (expired, logged out on the server): the
 * command was not run, and the connection must log in again. Matched on wording, since servers
 * differ in codes.
 */
export function isSessionError(outcome: OciOutcome): boolean {
  if (!(outcome instanceof OciErrorResponse)) return false;
  const text = outcome.summaryEnglish || outcome.summary;
  return /\bsession\b[^.]*\b(invalid|expired|not valid|not logged in)\b|\b(invalid|expired)\s+session\b|\bnot logged in\b/i.test(
    text,
  );
}
