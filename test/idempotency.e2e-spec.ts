import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { OciGateway } from '../src/broadworks/oci/oci-gateway.js';
import type { OciOutcome, OciRequest } from '../src/ocip/commands.js';
import { OciTransportError } from '../src/ocip/oci-errors.js';
import { BASE, DRIVERS, startApp, type Driver, type TestApp } from './support/harness.js';

const READS = /Get|VerifySession/;
const isWrite = (commands: readonly OciRequest[]) => commands.some((c) => !READS.test(c.$type));

/**
 * The driver's gateway with switches: count commands, hold writes at a gate, or run a write and then
 * lose its answer (as a connection cut while BroadWorks answers: the change is applied, the client
 * cannot know).
 */
class Switchboard {
  commands: string[] = [];
  /** The next write runs, and its answer is lost (504 unknown outcome). */
  loseNextWriteAnswer = false;
  /** The next write is lost before BroadWorks runs it (504 unknown outcome, nothing applied). */
  loseNextWrite = false;
  /** The next document finds BroadWorks unreachable (503: nothing sent). */
  unreachableNext = false;
  private gate?: Promise<void>;
  private openGate?: () => void;

  holdWrites(): void {
    this.gate = new Promise((open) => (this.openGate = open));
  }
  releaseWrites(): void {
    this.openGate?.();
    this.gate = undefined;
  }
  writes(): string[] {
    return this.commands.filter((t) => !READS.test(t));
  }

  wrap = (inner: OciGateway): OciGateway => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the class below is not a method of this one
    const board = this;
    return new (class extends OciGateway {
      async execute(commands: readonly OciRequest[]): Promise<OciOutcome[]> {
        board.commands.push(...commands.map((c) => c.$type));
        if (board.unreachableNext) {
          board.unreachableNext = false;
          throw new OciTransportError('unreachable', 'no connection to BroadWorks is available; try again later');
        }
        if (isWrite(commands) && board.loseNextWrite) {
          board.loseNextWrite = false;
          throw new OciTransportError('unknown-outcome', 'the connection was lost before BroadWorks answered');
        }
        if (isWrite(commands) && board.gate) await board.gate;
        const outcomes = await inner.execute(commands);
        if (isWrite(commands) && board.loseNextWriteAnswer) {
          board.loseNextWriteAnswer = false;
          throw new OciTransportError('unknown-outcome', 'the connection was lost while BroadWorks answered');
        }
        return outcomes;
      }
      isReady() {
        return inner.isReady();
      }
    })();
  };
}

const body = (id: string, name = 'Sales') => ({
  serviceUserId: id,
  serviceInstanceProfile: { name, cliLastName: 'Sales', cliFirstName: 'Line' },
});

describe.each(DRIVERS)('Idempotency-Key on the %s gateway', (driver: Driver) => {
  let t: TestApp;
  let board: Switchboard;
  const start = async (options: Parameters<typeof startApp>[1] = {}) => {
    board = new Switchboard();
    t = await startApp(driver, {
      wrap: board.wrap,
      users: [{ username: 'other', level: 'system' }],
      ...options,
    });
    return t;
  };
  const extra: TestApp[] = [];
  afterEach(async () => {
    board.releaseWrites();
    await t.close();
    for (const app of extra.splice(0)) await app.close();
  });

  it('the same key and request replays the first answer without sending anything to BroadWorks', async () => {
    await start();
    const first = await t.http.post(BASE).set('Idempotency-Key', 'k-1').send(body('idem1@sip.netaxis.be')).expect(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    board.commands = [];
    const again = await t.http.post(BASE).set('Idempotency-Key', 'k-1').send(body('idem1@sip.netaxis.be')).expect(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(board.commands).toEqual([]);
    // A PUT replays its ETag too.
    const put = await t.http
      .put(`${BASE}/idem1@sip.netaxis.be`)
      .set('Idempotency-Key', 'k-2')
      .send({ noAnswerNumberOfRings: 7 })
      .expect(200);
    const replayed = await t.http
      .put(`${BASE}/idem1@sip.netaxis.be`)
      .set('Idempotency-Key', 'k-2')
      .send({ noAnswerNumberOfRings: 7 })
      .expect(200);
    expect(replayed.headers.etag).toBe(put.headers.etag);
    expect(replayed.body).toEqual(put.body);
  });

  it('a refusal is replayed as well (same status and body)', async () => {
    await start();
    const bad = { ...body('idem-bad@sip.netaxis.be'), agents: ['nobody@sip.netaxis.be'] };
    const first = await t.http.post(BASE).set('Idempotency-Key', 'k-bad').send(bad).expect(400);
    board.commands = [];
    const again = await t.http.post(BASE).set('Idempotency-Key', 'k-bad').send(bad).expect(400);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(board.commands).toEqual([]);
  });

  it('the same key with another request is 422 IDEMPOTENCY_KEY_REUSED, and runs nothing', async () => {
    await start();
    await t.http.post(BASE).set('Idempotency-Key', 'k-3').send(body('idem3@sip.netaxis.be')).expect(201);
    board.commands = [];
    const reused = await t.http
      .post(BASE)
      .set('Idempotency-Key', 'k-3')
      .send(body('idem3@sip.netaxis.be', 'Other name'))
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    await t.http.put(`${BASE}/idem3@sip.netaxis.be`).set('Idempotency-Key', 'k-3').send({}).expect(422);
    expect(board.commands).toEqual([]);
  });

  it("keys are per caller: another caller's key never replays", async () => {
    await start();
    await t.http.post(BASE).set('Idempotency-Key', 'shared').send(body('idem4@sip.netaxis.be')).expect(201);
    // Same key, same request, another caller: it runs (and BroadWorks says the id is taken).
    const other = await t.as('other').post(BASE).set('Idempotency-Key', 'shared').send(body('idem4@sip.netaxis.be'));
    expect(other.status).toBe(409);
    expect(other.headers['idempotency-replayed']).toBeUndefined();
  });

  it('a dry-run never consumes a key', async () => {
    await start();
    const b = body('idem5@sip.netaxis.be');
    await t.http.post(`${BASE}?dryRun=true`).set('Idempotency-Key', 'k-5').send(b).expect(200);
    const real = await t.http.post(BASE).set('Idempotency-Key', 'k-5').send(b).expect(201);
    expect(real.headers['idempotency-replayed']).toBeUndefined();
  });

  it('a key that is not 1 to 255 printable characters is 400', async () => {
    await start();
    await t.http.post(BASE).set('Idempotency-Key', 'x'.repeat(256)).send(body('idem6@sip.netaxis.be')).expect(400);
    await t.http.post(BASE).set('Idempotency-Key', 'é').send(body('idem6@sip.netaxis.be')).expect(400);
  });

  it('when BroadWorks could not be reached (nothing done), the key is free to run again', async () => {
    await start();
    board.unreachableNext = true;
    await t.http.post(BASE).set('Idempotency-Key', 'k-7').send(body('idem7@sip.netaxis.be')).expect(503);
    const retried = await t.http.post(BASE).set('Idempotency-Key', 'k-7').send(body('idem7@sip.netaxis.be'));
    expect(retried.status).toBe(201);
    expect(retried.headers['idempotency-replayed']).toBeUndefined();
  });

  describe('unknown outcomes are settled', () => {
    it('POST with K gives 504; POST again with K gives 201, and BroadWorks holds exactly one hunt group', async () => {
      await start();
      const id = `settle-${randomUUID().slice(0, 8)}@sip.netaxis.be`;
      if (driver === 'tcp') t.simulator!.faults.onDocuments('drop', { count: 1, documents: 'writes' });
      else board.loseNextWriteAnswer = true;
      const lost = await t.http.post(BASE).set('Idempotency-Key', 'k-lost').send(body(id));
      expect(lost.status).toBe(504);
      expect(lost.body.code).toBe('BROADWORKS_UNKNOWN_OUTCOME');
      board.commands = [];
      const settled = await t.http.post(BASE).set('Idempotency-Key', 'k-lost').send(body(id)).expect(201);
      expect(settled.body.serviceUserId).toBe(id);
      // It read, and sent nothing again.
      expect(board.writes()).toEqual([]);
      const list = await t.http.get(BASE).expect(200);
      expect(list.body.hunt_groups.filter((h: { serviceUserId: string }) => h.serviceUserId === id)).toHaveLength(1);
      // From now on the key replays the settled answer.
      const replay = await t.http.post(BASE).set('Idempotency-Key', 'k-lost').send(body(id)).expect(201);
      expect(replay.headers['idempotency-replayed']).toBe('true');
    });

    it('a retry that finds nothing of the change there runs it', async () => {
      await start();
      const id = 'never@sip.netaxis.be';
      board.loseNextWrite = true;
      await t.http.post(BASE).set('Idempotency-Key', 'k-none').send(body(id)).expect(504);
      await t.http.get(`${BASE}/${id}`).expect(404);
      board.commands = [];
      const retried = await t.http.post(BASE).set('Idempotency-Key', 'k-none').send(body(id)).expect(201);
      expect(retried.headers['idempotency-replayed']).toBeUndefined();
      expect(board.writes()).toContain('GroupHuntGroupAddInstanceRequest20');
    });

    it('a PUT and a DELETE whose answers were lost settle without sending again', async () => {
      await start();
      const id = 'settle-put@sip.netaxis.be';
      await t.http.post(BASE).send(body(id)).expect(201);
      const lose = () => {
        if (driver === 'tcp') t.simulator!.faults.onDocuments('drop', { count: 1, documents: 'writes' });
        else board.loseNextWriteAnswer = true;
      };
      lose();
      await t.http.put(`${BASE}/${id}`).set('Idempotency-Key', 'k-put').send({ noAnswerNumberOfRings: 9 }).expect(504);
      board.commands = [];
      const put = await t.http
        .put(`${BASE}/${id}`)
        .set('Idempotency-Key', 'k-put')
        .send({ noAnswerNumberOfRings: 9 })
        .expect(200);
      expect(put.body.noAnswerNumberOfRings).toBe(9);
      expect(board.writes()).toEqual([]);
      lose();
      await t.http.delete(`${BASE}/${id}`).set('Idempotency-Key', 'k-del').expect(504);
      board.commands = [];
      await t.http.delete(`${BASE}/${id}`).set('Idempotency-Key', 'k-del').expect(200);
      expect(board.writes()).toEqual([]);
      await t.http.get(`${BASE}/${id}`).expect(404);
    });
  });

  it('the same key while the first request runs, on another replica sharing the store, is 409 with Retry-After', async () => {
    const schema = `idem_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const a = await start({ store: { schema } });
    const b = await startApp(driver, { store: { schema } });
    extra.push(b);
    // The same caller on both replicas (one user in the shared store).
    const onB = () => b.withToken(a.accessTokenOf('admin'));
    board.holdWrites();
    const id = 'running@sip.netaxis.be';
    const first = a.http
      .post(BASE)
      .set('Idempotency-Key', 'k-run')
      .send(body(id))
      .then((r) => r);
    // Wait until A holds the key and its write waits at the gate.
    for (let i = 0; i < 100 && board.writes().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    const meanwhile = await onB().post(BASE).set('Idempotency-Key', 'k-run').send(body(id)).expect(409);
    expect(meanwhile.body.code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(Number(meanwhile.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    board.releaseWrites();
    expect((await first).status).toBe(201);
    const after = await onB().post(BASE).set('Idempotency-Key', 'k-run').send(body(id)).expect(201);
    expect(after.headers['idempotency-replayed']).toBe('true');
  });

  it('a key is forgotten after its retention: the same key then runs anew', async () => {
    await start();
    await t.http.post(BASE).set('Idempotency-Key', 'k-old').send(body('old@sip.netaxis.be')).expect(201);
    await sql`update idempotency_keys set expires_at = now() - interval '1 second'`.execute(t.store.db);
    const again = await t.http.post(BASE).set('Idempotency-Key', 'k-old').send(body('old@sip.netaxis.be'));
    expect(again.status).toBe(409);
    expect(again.headers['idempotency-replayed']).toBeUndefined();
  });
});
