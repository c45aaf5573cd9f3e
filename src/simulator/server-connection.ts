/**
 * One client connection of the simulated OCI-P server: it frames the byte stream, answers each
 * document in order, and holds the session that the login binds to this socket.
 *
 * Rules (OCI-P.md): before login only AuthenticationRequest, LoginRequest14sp4 and LoginRequest22V5
 * are served (a password in clear is accepted on plain TCP too, as BroadWorks' schema has no rule
 * against it, unless the server is told `plainPasswordNeedsTls`); the login binds the document's
 * sessionId to the connection; a document carries 1..15 commands, each answered in order with its
 * echo attribute; a LogoutRequest ends the session and closes the connection without an answer
 * (nothing else in its document is run). Garbage, and a document whose envelope the schema
 * refuses, get an ErrorResponse; only a stream that cannot be framed (an endless document) is closed.
 */
import { type OciOutcome } from '../ocip/commands.js';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Socket } from 'node:net';
import { OciErrorResponse } from '../ocip/oci-errors.js';
import {
  encodeDocument,
  FrameReader,
  keepReadInfo,
  readDocument,
  signPassword,
  writeDocument,
} from '../ocip/protocol/index.js';
import type { OciDocumentCommand, OciReadCommand } from '../ocip/protocol/index.js';
import { REQUEST_TYPES } from '../ocip/schema.js';
import type { BroadWorksEngine } from './engine.js';
import { ociError, schemaRefusal } from './errors.js';
import { checkCommand } from './schema-check.js';
import { serverErrors } from './server-errors.js';
import type { DocumentFaultKind, SimulatorFaults } from './server-faults.js';

export interface ConnectionContext {
  readonly engine: BroadWorksEngine;
  /** The password of an accepted user id, or undefined. */
  readonly passwordOf: (userId: string) => string | undefined;
  /** Whether the connection is TLS. */
  readonly secure: boolean;
  /** Refuse a login with the password in clear (LoginRequest22V5, LoginRequest14sp4 plainTextPassword) unless `secure`. */
  readonly plainPasswordNeedsTls?: boolean;
  readonly latencyMs: number;
  /** Faults a test armed (server-faults.ts); looked at only while `armed`. */
  readonly faults?: SimulatorFaults;
}

const MAX_COMMANDS = 15;
/** Far above any real OCI-P request; a peer that sends more without closing a document is dropped. */
const MAX_FRAME_BYTES = 1024 * 1024;
const LOGIN_TYPES: ReadonlySet<string> = new Set(['AuthenticationRequest', 'LoginRequest14sp4', 'LoginRequest22V5']);
const NEWLINE = Buffer.from('\n', 'latin1');

export class SimulatorConnection {
  /** The logged-in administrator, once a login succeeded. */
  userId: string | undefined;
  /** The sessionId the login bound to this socket. */
  sessionId: string | undefined;
  /** The nonce of the last AuthenticationRequest, for the user it was asked for. */
  private challenge: { userId: string; nonce: string } | undefined;
  private readonly frames = new FrameReader({ maxFrameBytes: MAX_FRAME_BYTES });
  /** Documents are answered one after the other, in the order they arrived. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly socket: Socket,
    private readonly context: ConnectionContext,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    // Resets and the like only end this connection; the server goes on.
    socket.on('error', () => socket.destroy());
  }

  /** Sends a server-initiated LogoutRequest, then closes the connection (as BroadWorks does on a forced logout). */
  forceLogout(reason = 'Open Client Server Forced Logout'): void {
    if (this.userId !== undefined && !this.socket.destroyed) {
      this.write(this.sessionId ?? '', [{ $type: 'LogoutRequest', userId: this.userId, reason }]);
    }
    this.socket.end();
  }

  private onData(chunk: Buffer): void {
    let frames: Buffer[];
    try {
      frames = this.frames.push(chunk);
    } catch {
      this.socket.destroy();
      return;
    }
    for (const frame of frames) this.queue = this.queue.then(() => this.answer(frame));
  }

  private async answer(frame: Buffer): Promise<void> {
    const fault = this.context.faults?.armed ? this.context.faults.takeDocumentFault(commandTypes(frame)) : undefined;
    if (fault !== undefined && fault !== 'drop') return this.misbehave(fault);
    const reply = this.reply(frame);
    if (this.context.latencyMs > 0) await sleep(this.context.latencyMs);
    if (this.socket.destroyed || this.socket.writableEnded) return;
    if (reply === 'logout') {
      this.userId = undefined;
      this.socket.end();
      return;
    }
    const bytes = this.encode(
      reply.sessionId,
      reply.outcomes.map((o, i) => toWire(o, reply.echoes[i])),
      reply.trackingId,
    );
    if (fault === 'drop') {
      // The commands ran; the client gets part of the answer and then loses the connection.
      this.socket.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => this.socket.destroy());
      return;
    }
    this.socket.write(bytes);
  }

  /** Answers a document the way a failing BroadWorks might, without running any of its commands. */
  private async misbehave(fault: Exclude<DocumentFaultKind, 'drop'>): Promise<void> {
    if (this.socket.destroyed || this.socket.writableEnded) return;
    switch (fault) {
      case 'stall':
        // Nothing more is answered on this connection; the queue waits until the client gives up.
        await new Promise<void>((resolve) => this.socket.once('close', () => resolve()));
        return;
      case 'garbage':
        this.socket.write(
          Buffer.from(
            'HTTP/1.1 502 Bad Gateway\r\n\r\n<html><body>upstream failure</body></html></BroadsoftDocument>\n',
            'latin1',
          ),
        );
        return;
      case 'invalid-document':
        this.socket.write(
          Buffer.from(
            `<?xml version="1.0" encoding="ISO-8859-1"?>\n<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><sessionId xmlns="">${this.sessionId ?? ''}</sessionId></BroadsoftDocument>\n`,
            'latin1',
          ),
        );
        return;
      case 'logout':
        this.forceLogout('Server Connection Failure');
        return;
    }
  }

  private reply(
    frame: Buffer,
  ): 'logout' | { sessionId: string; trackingId?: string; outcomes: OciOutcome[]; echoes: (string | undefined)[] } {
    const fail = (error: OciErrorResponse, sessionId = this.sessionId ?? '') => ({
      sessionId,
      outcomes: [error],
      echoes: [undefined],
    });
    let document;
    try {
      document = readDocument(frame);
    } catch (error) {
      return fail(serverErrors.malformedDocument((error as Error).message));
    }
    const { commands, sessionId } = document;
    if (document.problem !== undefined) return fail(serverErrors.invalidDocument(document.problem), sessionId);
    if (document.protocol !== 'OCI') return fail(serverErrors.badProtocol(document.protocol ?? ''), sessionId);
    if (sessionId === undefined || sessionId === '') return fail(serverErrors.missingSessionId());
    if (commands.length === 0 || commands.length > MAX_COMMANDS)
      return fail(serverErrors.commandCount(commands.length), sessionId);
    if (commands.some((c) => c.$type === 'LogoutRequest')) return 'logout';
    // BroadWorks returns the client's trackingId in its answer, as it returns each command's echo.
    return {
      sessionId,
      trackingId: document.trackingId,
      outcomes: commands.map((c) => this.run(c, sessionId)),
      echoes: commands.map((c) => c.echo),
    };
  }

  private run(command: OciReadCommand, sessionId: string): OciOutcome {
    if (LOGIN_TYPES.has(command.$type)) return this.login(command, sessionId);
    if (this.userId === undefined) return serverErrors.notLoggedIn(command.$type.slice(0, 100));
    if (sessionId !== this.sessionId) return serverErrors.foreignSessionId(sessionId);
    const failure = this.context.faults?.armed ? this.context.faults.takeCommandFailure(command.$type) : undefined;
    if (failure) return failure;
    return this.context.engine.execute(withoutEcho(command));
  }

  private login(command: OciReadCommand, sessionId: string): OciOutcome {
    const checked = checkCommand(withoutEcho(command), REQUEST_TYPES[command.$type]);
    if (!checked.ok) return schemaRefusal(checked);
    const request = checked.value as {
      userId: string;
      signedPassword?: string;
      password?: string;
      plainTextPassword?: string;
    };
    const { userId } = request;

    if (command.$type === 'AuthenticationRequest') {
      // Asked for any user id, known or not, so the answer does not tell which ids exist.
      this.challenge = { userId, nonce: randomBytes(12).toString('hex') };
      return {
        $type: 'AuthenticationResponse',
        userId,
        nonce: this.challenge.nonce,
        passwordAlgorithm: 'MD5',
      } as unknown as OciOutcome;
    }

    const expected = this.context.passwordOf(userId);
    const plain = request.password ?? request.plainTextPassword;
    let accepted: boolean;
    if (request.signedPassword !== undefined) {
      const challenge = this.challenge;
      if (challenge?.userId !== userId) return serverErrors.authenticationFirst(userId);
      this.challenge = undefined; // a nonce signs one login only
      accepted = expected !== undefined && sameText(request.signedPassword, signPassword(challenge.nonce, expected));
    } else if (plain !== undefined) {
      if (this.context.plainPasswordNeedsTls && !this.context.secure) return serverErrors.plainPasswordNeedsTls();
      accepted = expected !== undefined && sameText(plain, expected);
    } else {
      accepted = false;
    }
    if (!accepted) return serverErrors.invalidPassword();

    this.userId = userId;
    this.sessionId = sessionId;
    const domain = userId.includes('@') ? userId.slice(userId.indexOf('@') + 1) : 'localhost';
    const responseType = command.$type === 'LoginRequest22V5' ? 'LoginResponse22V5' : 'LoginResponse14sp4';
    return {
      $type: responseType,
      loginType: 'System',
      locale: 'en_US',
      encoding: 'ISO-8859-1',
      isEnterprise: false,
      userDomain: domain,
    } as unknown as OciOutcome;
  }

  private write(sessionId: string, commands: OciDocumentCommand[]): void {
    this.socket.write(this.encode(sessionId, commands));
  }

  private encode(sessionId: string, commands: OciDocumentCommand[], trackingId?: string): Buffer {
    let bytes: Buffer;
    try {
      bytes = encodeDocument(writeDocument(sessionId, commands, { trackingId }));
    } catch (error) {
      // A response the writer refuses is a simulator bug: answer each command with an error instead.
      const reason = (error as Error).message;
      bytes = encodeDocument(
        writeDocument(
          '',
          commands.map((c) => toWire(ociError('internalError', reason), c.echo)),
        ),
      );
    }
    return Buffer.concat([bytes, NEWLINE]);
  }
}

/** An outcome as the writer takes it: ErrorResponse with its elements, the rest as they are; echo returned. */
function toWire(outcome: OciOutcome, echo: string | undefined): OciDocumentCommand {
  const withEcho = echo === undefined ? {} : { echo };
  if (outcome instanceof OciErrorResponse) {
    return {
      $type: 'ErrorResponse',
      ...withEcho,
      level: outcome.level,
      errorCode: outcome.errorCode,
      summary: outcome.summary,
      summaryEnglish: outcome.summaryEnglish,
      detail: outcome.detail,
    };
  }
  return { ...(outcome as unknown as OciDocumentCommand), ...withEcho };
}

/** The command types of a document, for choosing a fault; none when it cannot be read. */
function commandTypes(frame: Buffer): string[] {
  try {
    return readDocument(frame).commands.map((c) => c.$type);
  } catch {
    return [];
  }
}

/** The command without its echo attribute, which is not part of its data; what the reader saw goes with it. */
function withoutEcho(command: OciReadCommand): Partial<OciReadCommand> {
  if (command.echo === undefined) return command;
  const body: Partial<OciReadCommand> = keepReadInfo(command, { ...command });
  delete body.echo;
  return body;
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
