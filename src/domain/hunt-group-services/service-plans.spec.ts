import { describe, expect, it } from '@jest/globals';
import { FORWARDING_DEFAULTS, type AlternateNumber } from '../hunt-group-service-settings.js';
import { applyForwardingChange, EMPTY_SLOTS, planAlternateNumbers, planForwarding } from './service-plans.js';

const HG = 'hg@example.com';
const on = { isActive: true, forwardToPhoneNumber: '+3225551234', isRingSplashActive: false };

describe('planForwarding', () => {
  it('assigns first when the service is not assigned; the unassign undoes everything, so the modify needs no undo', () => {
    expect(
      planForwarding(HG, 'always', undefined, FORWARDING_DEFAULTS.always, {
        isActive: true,
        forwardToPhoneNumber: '+3225551234',
      }),
    ).toEqual([
      {
        action: { kind: 'assign-service', serviceUserId: HG, service: 'always' },
        undo: [{ kind: 'unassign-service', serviceUserId: HG, service: 'always' }],
      },
      {
        action: {
          kind: 'modify-forwarding',
          serviceUserId: HG,
          forwarding: 'always',
          change: { isActive: true, forwardToPhoneNumber: '+3225551234' },
        },
        undo: [],
      },
    ]);
  });

  it('modifies only what differs, undone by the values read before (a number that was absent is cleared)', () => {
    const before = { ...FORWARDING_DEFAULTS.always, isRingSplashActive: true };
    expect(
      planForwarding(HG, 'always', before, FORWARDING_DEFAULTS.always, { ...on, isRingSplashActive: true }),
    ).toEqual([
      {
        action: {
          kind: 'modify-forwarding',
          serviceUserId: HG,
          forwarding: 'always',
          change: { isActive: true, forwardToPhoneNumber: '+3225551234' },
        },
        undo: [
          {
            kind: 'modify-forwarding',
            serviceUserId: HG,
            forwarding: 'always',
            change: { isActive: false, forwardToPhoneNumber: null },
          },
        ],
      },
    ]);
  });

  it('clears the number with null or "", and is empty when nothing changes', () => {
    expect(
      planForwarding(HG, 'always', on, FORWARDING_DEFAULTS.always, { forwardToPhoneNumber: '' })[0].action,
    ).toMatchObject({
      change: { forwardToPhoneNumber: null },
    });
    expect(planForwarding(HG, 'always', on, FORWARDING_DEFAULTS.always, { ...on })).toEqual([]);
    // Fields the forwarding does not have are ignored.
    expect(
      planForwarding(HG, 'busy', { isActive: false, forwardToPhoneNumber: '' }, FORWARDING_DEFAULTS.busy, {
        numberOfRings: 3,
      }),
    ).toEqual([]);
  });

  it('applyForwardingChange predicts the answer', () => {
    expect(
      applyForwardingChange(FORWARDING_DEFAULTS.no_answer, { numberOfRings: 0, isRingSplashActive: true }),
    ).toEqual({
      isActive: false,
      forwardToPhoneNumber: '',
      numberOfRings: 0,
    });
  });
});

describe('planAlternateNumbers', () => {
  const entry = (phoneNumber: string): AlternateNumber => ({
    phoneNumber,
    extension: '',
    ringPattern: 'Normal',
    description: '',
  });

  it('modifies only the slots that change, undone by those slots as they were', () => {
    const before = EMPTY_SLOTS();
    before.slots[0] = entry('+1');
    before.slots[3] = entry('+4');
    const after = EMPTY_SLOTS();
    after.slots[0] = entry('+1');
    after.slots[1] = entry('+2');
    after.distinctiveRing = true;
    expect(planAlternateNumbers(HG, before, after)).toEqual([
      {
        action: {
          kind: 'modify-alternate-numbers',
          serviceUserId: HG,
          distinctiveRing: true,
          slots: { 1: entry('+2'), 3: null },
        },
        undo: [
          {
            kind: 'modify-alternate-numbers',
            serviceUserId: HG,
            distinctiveRing: false,
            slots: { 1: null, 3: entry('+4') },
          },
        ],
      },
    ]);
    expect(planAlternateNumbers(HG, after, after)).toEqual([]);
  });

  it('assigns first when not assigned, and then only sets what differs from no numbers', () => {
    const plan = planAlternateNumbers(HG, undefined, EMPTY_SLOTS());
    expect(plan).toEqual([
      {
        action: { kind: 'assign-service', serviceUserId: HG, service: 'alternate_numbers' },
        undo: [{ kind: 'unassign-service', serviceUserId: HG, service: 'alternate_numbers' }],
      },
    ]);
  });
});
