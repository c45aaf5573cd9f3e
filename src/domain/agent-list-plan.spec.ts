import { describe, expect, it } from '@jest/globals';
import { planAgentList, weightsAfter } from './change-plan.js';
import type { Agent, HuntGroup } from './model.js';

const agent = (userId: string, weight: number): Agent => ({
  userId,
  lastName: '',
  firstName: '',
  weight,
  phoneNumber: '',
  extension: '',
  emailAddress: '',
});
const w = (userId: string, weight: number) => ({ userId, weight });
const sum = (ws: { weight: number }[]) => ws.reduce((s, a) => s + a.weight, 0);

describe('weightsAfter', () => {
  it('shares the weight of an agent who leaves in proportion to the others', () => {
    expect(weightsAfter([w('a', 50), w('b', 30), w('c', 20)], ['b', 'c'])).toEqual([w('b', 60), w('c', 40)]);
  });

  it('still adds up to 100 when the shares are not whole (largest fraction first, then hunting order)', () => {
    const after = weightsAfter([w('a', 34), w('b', 33), w('c', 33)], ['b', 'c']);
    expect(sum(after)).toBe(100);
    expect(after).toEqual([w('b', 50), w('c', 50)]);
    const three = weightsAfter([w('a', 10), w('b', 30), w('c', 30), w('d', 30)], ['b', 'c', 'd']);
    expect(three).toEqual([w('b', 34), w('c', 33), w('d', 33)]);
  });

  it('spreads evenly when every agent who stays weighs 0', () => {
    expect(weightsAfter([w('a', 100), w('b', 0), w('c', 0)], ['c', 'b'])).toEqual([w('c', 50), w('b', 50)]);
  });

  it('gives a new agent 0 and keeps the others as they are', () => {
    expect(weightsAfter([w('a', 60), w('b', 40)], ['a', 'n', 'b'])).toEqual([w('a', 60), w('n', 0), w('b', 40)]);
  });

  it('has nothing to share when the last agent leaves', () => {
    expect(weightsAfter([w('a', 100)], [])).toEqual([]);
  });
});

describe('planAgentList', () => {
  const before = { serviceUserId: 'hg@x', agents: [agent('a', 70), agent('b', 30)] } as HuntGroup;

  it('adds an agent with one modify, undone by the list and the weights read before', () => {
    const plan = planAgentList(before, ['a', 'n', 'b']);
    expect(plan).toHaveLength(1);
    expect(plan[0].action).toEqual({ kind: 'modify', serviceUserId: 'hg@x', change: { agents: ['a', 'n', 'b'] } });
    expect(plan[0].undo).toEqual([
      { kind: 'modify', serviceUserId: 'hg@x', change: { agents: ['a', 'b'] } },
      { kind: 'set-weights', serviceUserId: 'hg@x', weights: [w('a', 70), w('b', 30)] },
    ]);
  });

  it('removes an agent who had weight with the weights that share it out, then the modify', () => {
    const plan = planAgentList(before, ['b']);
    expect(plan.map((s) => s.action.kind)).toEqual(['set-weights', 'modify']);
    expect(plan[0].action).toEqual({ kind: 'set-weights', serviceUserId: 'hg@x', weights: [w('b', 100)] });
    expect(plan[0].undo).toEqual([{ kind: 'set-weights', serviceUserId: 'hg@x', weights: [w('a', 70), w('b', 30)] }]);
    expect(plan[1].undo[0]).toEqual({ kind: 'modify', serviceUserId: 'hg@x', change: { agents: ['a', 'b'] } });
  });

  it('needs no weights when the agent who leaves weighed 0', () => {
    const zero = { serviceUserId: 'hg@x', agents: [agent('a', 100), agent('b', 0)] } as HuntGroup;
    expect(planAgentList(zero, ['a']).map((s) => s.action.kind)).toEqual(['modify']);
  });
});
