/**
 * Fault injection for the OCI-P simulator server, so tests can show what a client does when
 * BroadWorks misbehaves. A test arms a fault on `simulator.faults`; the connections consult it
 * only while something is armed (`armed` is one boolean read on the normal path).
 *
 * Document faults replace the answer to the next matching documents (or every one, until cleared):
 * - drop: the commands run, part of the answer is written, then the socket is destroyed (a write's
 *   outcome is then unknown to the client);
 * - stall: nothing runs and nothing is ever answered on that connection (the client's timeout fires);
 * - garbage: bytes that are not OCI-P but end with `</BroadsoftDocument>` (nothing runs);
 * - invalid-document: a well-framed BroadsoftDocument carrying no response at all (nothing runs);
 * - logout: a server LogoutRequest instead of the answer, then the connection closes (nothing runs).
 * Command failures answer the Nth command from now (optionally of one type) with an ErrorResponse
 * without running it. Refusing closes each new socket at once.
 */
import { OciErrorResponse } from '../ocip/oci-errors.js';

export type DocumentFaultKind = 'drop' | 'stall' | 'garbage' | 'invalid-document' | 'logout';

/** The login requests, which documents faults leave alone unless asked (`documents: 'any'`). */
const LOGIN_TYPES: ReadonlySet<string> = new Set(['AuthenticationRequest', 'LoginRequest14sp4', 'LoginRequest22V5']);

export interface DocumentFaultScope {
  /** How many matching documents get the fault; every one until `clear()` when left out. */
  readonly count?: number;
  /**
   * Which documents: 'service' (the default: any but a login), 'writes' (one with a command that
   * is not a read, as BroadWorks names reads `…Get…`), 'any' (logins too), or a test on the
   * command types of the document.
   */
  readonly documents?: 'service' | 'writes' | 'any' | ((types: readonly string[]) => boolean);
}

export interface CommandFailureOptions {
  /** Count only commands of this type (e.g. 'UserModifyUserIdRequest'). */
  readonly type?: string;
  /** The ErrorResponse to answer; a recognisable simulated failure by default. */
  readonly error?: OciErrorResponse;
}

interface ArmedDocumentFault {
  readonly kind: DocumentFaultKind;
  remaining: number;
  readonly matches: (types: readonly string[]) => boolean;
}

interface ArmedCommandFailure {
  remaining: number;
  readonly type: string | undefined;
  readonly error: OciErrorResponse;
}

const isLogin = (types: readonly string[]): boolean => types.some((t) => LOGIN_TYPES.has(t));
const isWrite = (type: string): boolean =>
  !type.includes('Get') && type !== 'VerifySessionIsValidRequest' && !LOGIN_TYPES.has(type);

function matcher(documents: DocumentFaultScope['documents'] = 'service'): (types: readonly string[]) => boolean {
  if (typeof documents === 'function') return documents;
  if (documents === 'any') return () => true;
  if (documents === 'writes') return (types) => types.some(isWrite);
  return (types) => !isLogin(types);
}

/** The error a failed command gets unless the test gives one. */
export const SIMULATED_FAILURE = (type: string): OciErrorResponse =>
  OciErrorResponse.of(4400, `Service assignment failed: simulated failure of ${type.slice(0, 100)} (fault injected)`);

export class SimulatorFaults {
  private documentFault: ArmedDocumentFault | undefined;
  private commandFailures: ArmedCommandFailure[] = [];
  private refusing = false;
  /** How many times each fault fired since the simulator started (for tests to check it did). */
  readonly fired: Record<DocumentFaultKind | 'command' | 'refused', number> = {
    drop: 0,
    stall: 0,
    garbage: 0,
    'invalid-document': 0,
    logout: 0,
    command: 0,
    refused: 0,
  };
  /** Whether any fault is set; the connections look no further when not. */
  armed = false;

  /** The answer to the next matching documents (or every one until cleared) is replaced by `kind`. */
  onDocuments(kind: DocumentFaultKind, scope: DocumentFaultScope = {}): this {
    const count = scope.count ?? Number.POSITIVE_INFINITY;
    if (!(count > 0)) throw new RangeError(`fault count must be positive, not ${count}`);
    this.documentFault = { kind, remaining: count, matches: matcher(scope.documents) };
    return this.rearm();
  }

  /** The `nth` command from now (counting only commands of `options.type` when given) is answered with an ErrorResponse, and not run. */
  failCommand(nth = 1, options: CommandFailureOptions = {}): this {
    if (!Number.isInteger(nth) || nth < 1) throw new RangeError(`nth must be a positive integer, not ${nth}`);
    this.commandFailures.push({
      remaining: nth,
      type: options.type,
      error: options.error ?? SIMULATED_FAILURE(options.type ?? 'a command'),
    });
    return this.rearm();
  }

  /** New connections are closed at once (as a server that accepts and drops); existing ones stay. */
  refuseConnections(on = true): this {
    this.refusing = on;
    return this.rearm();
  }

  /** Removes every fault: the simulator answers normally again. */
  clear(): this {
    this.documentFault = undefined;
    this.commandFailures = [];
    this.refusing = false;
    return this.rearm();
  }

  /** Whether a new socket is to be closed at once (counts it). */
  refuses(): boolean {
    if (!this.refusing) return false;
    this.fired.refused++;
    return true;
  }

  /** The fault the document with these command types gets, if any (counts it down). */
  takeDocumentFault(types: readonly string[]): DocumentFaultKind | undefined {
    const fault = this.documentFault;
    if (!fault || !fault.matches(types)) return undefined;
    if (--fault.remaining <= 0) {
      this.documentFault = undefined;
      this.rearm();
    }
    this.fired[fault.kind]++;
    return fault.kind;
  }

  /** The ErrorResponse this command is to get instead of running, if any (counts it down). */
  takeCommandFailure(type: string): OciErrorResponse | undefined {
    let failure: OciErrorResponse | undefined;
    for (const armed of this.commandFailures) {
      if (armed.type !== undefined && armed.type !== type) continue;
      if (--armed.remaining === 0 && failure === undefined) failure = armed.error;
    }
    if (this.commandFailures.some((f) => f.remaining <= 0)) {
      this.commandFailures = this.commandFailures.filter((f) => f.remaining > 0);
      this.rearm();
    }
    if (failure) this.fired.command++;
    return failure;
  }

  private rearm(): this {
    this.armed = this.documentFault !== undefined || this.commandFailures.length > 0 || this.refusing;
    return this;
  }
}
