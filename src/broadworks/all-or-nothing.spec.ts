import type { OciOutcome, OciRequest } from '../ocip/commands.js';
import { describe, expect, it } from '@jest/globals';
import { applyAllOrNothing, applyAllOrNothingAcross, applyEachAllOrNothing, type Step } from './all-or-nothing.js';
import { OciErrorResponse, OciTransportError } from '../ocip/oci-errors.js';
import { OciGateway } from './oci/oci-gateway.js';

/** A gateway that records each document and answers by a script: a command id listed in `fail` is refused. */
class ScriptedGateway extends OciGateway {
  readonly documents: string[][] = [];
  constructor(
    private readonly fail: ReadonlySet<string> = new Set(),
    private readonly throwOnDocument?: number,
  ) {
    super();
  }
  execute(commands: readonly OciRequest[]): Promise<OciOutcome[]> {
    const names = commands.map(nameOf);
    this.documents.push(names);
    if (this.throwOnDocument === this.documents.length) {
      return Promise.reject(new OciTransportError('unknown-outcome', 'connection lost'));
    }
    return Promise.resolve(
      names.map((n) =>
        this.fail.has(n) ? OciErrorResponse.of(4001, `refused ${n}`) : { $type: 'SuccessResponse' as const },
      ),
    );
  }
  isReady(): Promise<boolean> {
    return Promise.resolve(true);
  }
}

/** Commands told apart by the user id they carry. */
const cmd = (id: string): OciRequest => ({ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId: id });
const nameOf = (c: OciRequest): string => ('serviceUserId' in c ? c.serviceUserId : c.$type);
const step = (id: string, ...undo: string[]): Step => ({ command: cmd(id), undo: undo.map(cmd) });

describe('applyAllOrNothing', () => {
  it('sends the steps and the reads in one document and answers the reads', async () => {
    const oci = new ScriptedGateway();
    const answers = await applyAllOrNothing(oci, [step('a', 'undo-a'), step('b', 'undo-b')], cmd('read'));
    expect(oci.documents).toEqual([['a', 'b', 'read']]);
    expect(answers).toEqual([{ $type: 'SuccessResponse' }]);
  });

  it('undoes the steps that succeeded, newest first, and throws the first refusal', async () => {
    const oci = new ScriptedGateway(new Set(['c']));
    const error = await applyAllOrNothing(oci, [
      step('a', 'undo-a'),
      step('b', 'undo-b1', 'undo-b2'),
      step('c', 'undo-c'),
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OciErrorResponse);
    expect((error as OciErrorResponse).summary).toBe('[Error 4001] refused c');
    expect(oci.documents).toEqual([
      ['a', 'b', 'c'],
      ['undo-b1', 'undo-b2', 'undo-a'],
    ]);
  });

  it('says the change may be partly applied when an undo fails too', async () => {
    const oci = new ScriptedGateway(new Set(['b', 'undo-a']));
    const error = await applyAllOrNothing(oci, [step('a', 'undo-a'), step('b')]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OciTransportError);
    expect((error as OciTransportError).failure).toBe('unknown-outcome');
    expect((error as Error).message).toMatch(/refused b.*may be partly applied/);
  });

  it('sends an irreversible step alone, after the others succeeded, with the reads', async () => {
    const oci = new ScriptedGateway();
    const irreversible: Step = { command: cmd('x'), undo: [], irreversible: true };
    await applyAllOrNothing(oci, [step('a', 'undo-a'), irreversible, step('b', 'undo-b')], cmd('read'));
    expect(oci.documents).toEqual([
      ['a', 'b'],
      ['x', 'read'],
    ]);
  });

  it('never sends an irreversible step when an earlier step failed', async () => {
    const oci = new ScriptedGateway(new Set(['b']));
    const irreversible: Step = { command: cmd('x'), undo: [], irreversible: true };
    await expect(applyAllOrNothing(oci, [step('a', 'undo-a'), irreversible, step('b')])).rejects.toThrow('refused b');
    expect(oci.documents).toEqual([['a', 'b'], ['undo-a']]);
  });

  it('undoes the first document when the irreversible step is refused', async () => {
    const oci = new ScriptedGateway(new Set(['x']));
    const irreversible: Step = { command: cmd('x'), undo: [], irreversible: true };
    await expect(applyAllOrNothing(oci, [step('a', 'undo-a'), irreversible])).rejects.toThrow('refused x');
    expect(oci.documents).toEqual([['a'], ['x'], ['undo-a']]);
  });

  it('refuses a plan with two irreversible steps before sending anything', async () => {
    const oci = new ScriptedGateway();
    const irreversible: Step = { command: cmd('x'), undo: [], irreversible: true };
    await expect(applyAllOrNothing(oci, [irreversible, irreversible])).rejects.toThrow(/at most one irreversible/);
    expect(oci.documents).toEqual([]);
  });

  it('passes a lost answer on as it is: nothing is undone on a guess', async () => {
    const oci = new ScriptedGateway(new Set(), 1);
    await expect(applyAllOrNothing(oci, [step('a', 'undo-a')])).rejects.toThrow('connection lost');
    expect(oci.documents).toEqual([['a']]);
  });

  it('throws a refused read after the steps succeeded, and undoes nothing', async () => {
    const oci = new ScriptedGateway(new Set(['read']));
    await expect(applyAllOrNothing(oci, [step('a', 'undo-a')], cmd('read'))).rejects.toThrow('refused read');
    expect(oci.documents).toEqual([['a', 'read']]);
  });
});

describe('applyAllOrNothingAcross', () => {
  const many = (n: number) => Array.from({ length: n }, (_, i) => step(`s${i}`, `undo-s${i}`));

  it('sends independent steps 15 a document, all at once', async () => {
    const oci = new ScriptedGateway();
    await applyAllOrNothingAcross(oci, many(20));
    expect(oci.documents.map((d) => d.length)).toEqual([15, 5]);
  });

  it('undoes the steps that succeeded in every document when one fails, and throws the refusal', async () => {
    const oci = new ScriptedGateway(new Set(['s17']));
    const error = await applyAllOrNothingAcross(oci, many(20)).catch((e: unknown) => e);
    expect((error as OciErrorResponse).summary).toBe('[Error 4001] refused s17');
    const undone = oci.documents.slice(2).flat();
    expect(undone).toHaveLength(19);
    expect(undone[0]).toBe('undo-s19');
    expect(undone).not.toContain('undo-s17');
    expect(oci.documents.slice(2).map((d) => d.length)).toEqual([15, 4]);
  });
});

describe('applyEachAllOrNothing', () => {
  it('packs whole plans 15 commands a document and fails a plan alone, undoing only its own steps', async () => {
    const oci = new ScriptedGateway(new Set(['p1b']));
    const plans = [
      [step('p0', 'undo-p0')],
      [step('p1a', 'undo-p1a'), step('p1b', 'undo-p1b')],
      ...Array.from({ length: 13 }, (_, i) => [step(`q${i}`, `undo-q${i}`)]),
    ];
    const failures = await applyEachAllOrNothing(oci, plans);
    expect(failures.map((f) => (f instanceof OciErrorResponse ? f.summary : f))).toEqual([
      undefined,
      '[Error 4001] refused p1b',
      ...Array.from({ length: 13 }, () => undefined),
    ]);
    // 16 commands: the plan that would straddle two documents starts the second.
    expect(oci.documents.slice(0, 2).map((d) => d.length)).toEqual([15, 1]);
    expect(oci.documents.slice(2)).toEqual([['undo-p1a']]);
  });

  it('fails every plan of a document whose answer was lost, and no other', async () => {
    const oci = new ScriptedGateway(new Set(), 1);
    const plans = Array.from({ length: 20 }, (_, i) => [step(`r${i}`, `undo-r${i}`)]);
    const failures = await applyEachAllOrNothing(oci, plans);
    expect(failures.filter((f) => f instanceof OciTransportError)).toHaveLength(15);
    expect(failures.slice(15)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
