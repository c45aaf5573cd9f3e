import { describe, expect, it } from '@jest/globals';
import { modifyPart, planCreate, planUpdate, planWeights, restoreOf, type Action } from './change-plan.js';
import type { HuntGroup } from './model.js';

const ID = 'hg@example.com';

/** A hunt group as read, with two agents and most optional fields empty. */
function huntGroup(overrides: Partial<HuntGroup> = {}): HuntGroup {
  return {
    serviceUserId: ID,
    serviceInstanceProfile: {
      name: 'Sales',
      cliLastName: 'Sales',
      cliFirstName: 'Team',
      language: 'English',
      phoneNumber: '+3225126700',
      extension: '',
      department: { tenantId: 'T', groupId: 'G', departmentName: 'Ops', fullPathName: 'Top \\ Ops' },
      publicUserIdentity: '',
      timeZone: 'Europe/Brussels',
      timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
      hiraganaLastName: '',
      hiraganaFirstName: '',
      aliases: ['a@example.com'],
      callingLineIdPhoneNumber: '',
    },
    policy: 'Weighted',
    huntAfterNoAnswer: false,
    allowMembersToControlGroupBusy: false,
    notReachableForwardToPhoneNumber: '',
    enableNotReachableForwarding: false,
    makeBusyWhenNotReachable: false,
    agents: [
      { userId: 'u1@x', lastName: '', firstName: '', weight: 70, phoneNumber: '', extension: '', emailAddress: '' },
      { userId: 'u2@x', lastName: '', firstName: '', weight: 30, phoneNumber: '', extension: '', emailAddress: '' },
    ],
    useSystemHuntGroupCLIDSetting: true,
    noAnswerNumberOfRings: 5,
    enableGroupBusy: false,
    forwardToPhoneNumber: '+3225126799',
    forwardTimeoutSeconds: 0,
    forwardAfterTimeout: false,
    allowCallWaitingForAgents: false,
    applyGroupBusyWhenTerminatingToAgent: false,
    includeHuntGroupNameInCLID: true,
    active: true,
    ...overrides,
  };
}

const kinds = (plan: { action: Action }[]) => plan.map((s) => s.action.kind);

describe('planCreate', () => {
  it('adds, undone by a delete; an active hunt group needs nothing more', () => {
    const plan = planCreate(ID, { policy: 'Regular' });
    expect(plan).toEqual([
      {
        action: { kind: 'add', serviceUserId: ID, fields: { policy: 'Regular' } },
        undo: [{ kind: 'delete', serviceUserId: ID }],
      },
    ]);
  });

  it('deactivates after the add when active is false (the add undoes both)', () => {
    const plan = planCreate(ID, { active: false });
    expect(kinds(plan)).toEqual(['add', 'activate']);
    expect(plan[1]).toEqual({ action: { kind: 'activate', serviceUserId: ID, active: false }, undo: [] });
  });
});

describe('modifyPart', () => {
  it('is undefined when the change carries only activation or the read-only display name', () => {
    expect(modifyPart({})).toBeUndefined();
    expect(modifyPart({ active: false })).toBeUndefined();
    expect(modifyPart({ serviceInstanceProfile: { timeZoneDisplayName: 'x' } })).toBeUndefined();
    expect(modifyPart({ policy: undefined, serviceInstanceProfile: {} })).toBeUndefined();
  });

  it('keeps what a modify carries, nulls included', () => {
    expect(modifyPart({ active: true, policy: 'Circular', serviceInstanceProfile: { extension: null } })).toEqual({
      policy: 'Circular',
      serviceInstanceProfile: { extension: null },
    });
  });
});

describe('restoreOf', () => {
  it('puts back old values, clears what was empty where BroadWorks can, and is complete', () => {
    const before = huntGroup();
    const { undo, complete } = restoreOf(before, {
      policy: 'Circular',
      noAnswerNumberOfRings: 9,
      notReachableForwardToPhoneNumber: '+3225126790',
      serviceInstanceProfile: { name: 'New', extension: '1234', aliases: null, department: null },
    });
    expect(complete).toBe(true);
    expect(undo).toEqual([
      {
        kind: 'modify',
        serviceUserId: ID,
        change: {
          policy: 'Weighted',
          noAnswerNumberOfRings: 5,
          notReachableForwardToPhoneNumber: null,
          serviceInstanceProfile: {
            name: 'Sales',
            extension: null,
            aliases: ['a@example.com'],
            department: { tenantId: 'T', groupId: 'G', departmentName: 'Ops' },
          },
        },
      },
    ]);
  });

  it('is incomplete when a field BroadWorks cannot clear was empty before', () => {
    expect(restoreOf(huntGroup(), { networkClassOfService: 'NCOS' }).complete).toBe(false);
    expect(restoreOf(huntGroup(), { serviceInstanceProfile: { hiraganaLastName: 'x' } }).complete).toBe(false);
    const noLanguage = huntGroup();
    noLanguage.serviceInstanceProfile.language = '';
    expect(restoreOf(noLanguage, { serviceInstanceProfile: { language: 'French' } }).complete).toBe(false);
    expect(restoreOf(huntGroup(), { serviceInstanceProfile: { language: 'French' } }).complete).toBe(true);
  });

  it('never puts back a password (it cannot be read), and sends no empty modify', () => {
    const { undo, complete } = restoreOf(huntGroup(), { serviceInstanceProfile: { password: 's3cret' } });
    expect(complete).toBe(true);
    expect(undo).toEqual([]);
  });

  it('restores the agents in order, then their weights', () => {
    const { undo } = restoreOf(huntGroup(), { agents: ['u3@x'] });
    expect(undo).toEqual([
      { kind: 'modify', serviceUserId: ID, change: { agents: ['u1@x', 'u2@x'] } },
      {
        kind: 'set-weights',
        serviceUserId: ID,
        weights: [
          { userId: 'u1@x', weight: 70 },
          { userId: 'u2@x', weight: 30 },
        ],
      },
    ]);
  });
});

describe('planUpdate', () => {
  it('is empty when nothing changes', () => {
    expect(planUpdate(huntGroup(), {})).toEqual([]);
    expect(planUpdate(huntGroup(), { active: true })).toEqual([]);
  });

  it('orders modify, activation, rename, each with its undo', () => {
    const plan = planUpdate(huntGroup(), { policy: 'Uniform', active: false }, 'new@example.com');
    expect(kinds(plan)).toEqual(['modify', 'activate', 'rename']);
    expect(plan[1].undo).toEqual([{ kind: 'activate', serviceUserId: ID, active: true }]);
    expect(plan[2]).toEqual({
      action: { kind: 'rename', from: ID, to: 'new@example.com' },
      undo: [{ kind: 'rename', from: 'new@example.com', to: ID }],
    });
    expect(plan.some((s) => s.irreversible)).toBe(false);
  });

  it('sends a modify that cannot be undone last, alone, under the new id', () => {
    const plan = planUpdate(huntGroup(), { networkClassOfService: 'NCOS', active: false }, 'new@example.com');
    expect(kinds(plan)).toEqual(['activate', 'rename', 'modify']);
    expect(plan[2]).toEqual({
      action: { kind: 'modify', serviceUserId: 'new@example.com', change: { networkClassOfService: 'NCOS' } },
      undo: [],
      irreversible: true,
    });
  });

  it('does not rename to the same id', () => {
    expect(kinds(planUpdate(huntGroup(), { policy: 'Uniform' }, ID))).toEqual(['modify']);
  });
});

describe('planWeights', () => {
  it('sets the weights, undone by the weights read before', () => {
    const plan = planWeights(huntGroup(), [{ userId: 'u1@x', weight: 100 }]);
    expect(plan).toEqual([
      {
        action: { kind: 'set-weights', serviceUserId: ID, weights: [{ userId: 'u1@x', weight: 100 }] },
        undo: [
          {
            kind: 'set-weights',
            serviceUserId: ID,
            weights: [
              { userId: 'u1@x', weight: 70 },
              { userId: 'u2@x', weight: 30 },
            ],
          },
        ],
      },
    ]);
  });
});
