import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { OciOutcome } from '../../ocip/commands.js';
import { BroadWorksEngine } from '../engine.js';
import { buildWorld, WorldFormatError } from '../world-file.js';
import {
  addCommand,
  DEMO_WORLD_FILE,
  demoEngine,
  engineWithHuntGroup,
  FOO_AGENT,
  HG,
  OTHER_GROUP_USER,
  refusal,
  USER,
  USER1,
} from '../testing/fixtures.js';

const CFA = 'Call Forwarding Always';
const ALT = 'Alternate Numbers';
const HG2 = 'hg2@sip.netaxis.be';
const OK = { $type: 'SuccessResponse' };

const assign = (userId: string, ...serviceName: string[]) => ({
  $type: 'UserServiceAssignListRequest',
  userId,
  serviceName,
});
const unassign = (userId: string, ...serviceName: string[]) => ({
  $type: 'UserServiceUnassignListRequest',
  userId,
  serviceName,
});
const isAssigned = (engine: BroadWorksEngine, userId: string, serviceName: string): unknown =>
  (engine.execute({ $type: 'UserServiceIsAssignedRequest', userId, serviceName }) as { isAssigned?: boolean })
    .isAssigned;
const cfa = (fields: Record<string, unknown>) => ({
  $type: 'UserCallForwardingAlwaysModifyRequest',
  userId: HG,
  ...fields,
});
const getCfa = (engine: BroadWorksEngine, userId = HG): OciOutcome =>
  engine.execute({ $type: 'UserCallForwardingAlwaysGetRequest', userId });
const alternates = (fields: Record<string, unknown>, userId = HG) => ({
  $type: 'UserAlternateNumbersModifyRequest',
  userId,
  ...fields,
});
const available = (engine: BroadWorksEngine, groupId = 'ApioGrpTest'): string[] =>
  (
    engine.execute({ $type: 'GroupDnGetAvailableListRequest', serviceProviderId: 'ApioSpTest', groupId }) as {
      phoneNumber: string[];
    }
  ).phoneNumber;

/** hg1 (no number) and hg2 (+3225126780, extension 4100), both with every demo service assigned. */
function engineWithServices(): BroadWorksEngine {
  const engine = engineWithHuntGroup();
  const withNumber = {
    serviceUserId: HG2,
    serviceInstanceProfile: { ...addCommand().serviceInstanceProfile, phoneNumber: '+3225126780', extension: '4100' },
  };
  expect(engine.execute(addCommand(withNumber))).toEqual(OK);
  for (const id of [HG, HG2]) {
    expect(
      engine.execute(
        assign(id, CFA, 'Call Forwarding Busy', 'Call Forwarding No Answer', 'Call Forwarding Not Reachable', ALT),
      ),
    ).toEqual(OK);
  }
  return engine;
}

describe('user service assignment', () => {
  it('a new hunt group has no user service; assigning one authorized by the group starts from the defaults', () => {
    const engine = engineWithHuntGroup();
    expect(isAssigned(engine, HG, CFA)).toBe(false);
    expect(refusal(engine, { $type: 'UserCallForwardingAlwaysGetRequest', userId: HG })).toEqual({
      code: 4410,
      summary: `[Error 4410] Service not assigned: ${CFA} is not assigned to ${HG}`,
      unchanged: true,
    });
    expect(engine.execute(assign(HG, CFA, 'Call Forwarding No Answer'))).toEqual(OK);
    expect(isAssigned(engine, HG, CFA)).toBe(true);
    expect(engine.execute({ $type: 'UserCallForwardingAlwaysGetRequest', userId: HG })).toEqual({
      $type: 'UserCallForwardingAlwaysGetResponse',
      isActive: false,
      isRingSplashActive: false,
    });
    expect(engine.execute({ $type: 'UserCallForwardingNoAnswerGetRequest13mp16', userId: HG })).toEqual({
      $type: 'UserCallForwardingNoAnswerGetResponse13mp16',
      isActive: false,
      numberOfRings: 2,
    });
    // Assigning again changes nothing.
    const before = engine.snapshot();
    expect(engine.execute(assign(HG, CFA))).toEqual(OK);
    expect(engine.snapshot()).toBe(before);
  });

  it('refuses a service the group does not authorize, whole list, with 4400', () => {
    const data = JSON.parse(readFileSync(DEMO_WORLD_FILE, 'utf8')) as { serviceProviders: { groups: object[] }[] };
    delete (data.serviceProviders[0].groups[1] as { userServices?: string[] }).userServices;
    const engine = BroadWorksEngine.fromWorldData(data);
    expect(refusal(engine, assign(OTHER_GROUP_USER, CFA))).toEqual({
      code: 4400,
      summary: `[Error 4400] Service assignment failed: ${CFA} is not authorized for group ApioGrpTest2`,
      unchanged: true,
    });
    expect(refusal(engine, assign('ghost@sip.netaxis.be', CFA)).code).toBe(4008);
    expect(refusal(engine, { ...assign(USER, CFA), servicePackName: ['Gold'] }).unchanged).toBe(true);
    expect(refusal(engine, assign(USER, 'Call Waiting')).code).toBe(4001);
  });

  it('works for real users too, and unassigning gives the world back as it was', () => {
    const engine = demoEngine();
    const before = engine.snapshot();
    expect(engine.execute(assign(FOO_AGENT, CFA, ALT))).toEqual(OK);
    expect(isAssigned(engine, FOO_AGENT, ALT)).toBe(true);
    expect(engine.execute(unassign(FOO_AGENT, CFA, ALT))).toEqual(OK);
    expect(engine.snapshot()).toBe(before);
    // Unassigning what is not assigned succeeds and changes nothing.
    expect(engine.execute(unassign(FOO_AGENT, CFA))).toEqual(OK);
    expect(engine.snapshot()).toBe(before);
  });

  it('IsAssigned takes exactly one of serviceName and servicePackName', () => {
    const engine = demoEngine();
    expect(refusal(engine, { $type: 'UserServiceIsAssignedRequest', userId: USER }).code).toBe(4003);
    expect(
      refusal(engine, { $type: 'UserServiceIsAssignedRequest', userId: USER, serviceName: CFA, servicePackName: 'x' })
        .code,
    ).toBe(4003);
    expect(engine.execute({ $type: 'UserServiceIsAssignedRequest', userId: USER, servicePackName: 'x' })).toEqual({
      $type: 'UserServiceIsAssignedResponse',
      isAssigned: false,
    });
  });
});

describe('call forwarding', () => {
  it('sets and reads back each forwarding; nil clears the number', () => {
    const engine = engineWithServices();
    expect(
      engine.execute(cfa({ isActive: true, forwardToPhoneNumber: '+3225551234', isRingSplashActive: true })),
    ).toEqual(OK);
    expect(getCfa(engine)).toEqual({
      $type: 'UserCallForwardingAlwaysGetResponse',
      isActive: true,
      forwardToPhoneNumber: '+3225551234',
      isRingSplashActive: true,
    });
    expect(engine.execute(cfa({ isActive: false, forwardToPhoneNumber: null }))).toEqual(OK);
    expect(getCfa(engine)).toEqual({
      $type: 'UserCallForwardingAlwaysGetResponse',
      isActive: false,
      isRingSplashActive: true,
    });
    const busy = {
      $type: 'UserCallForwardingBusyModifyRequest',
      userId: HG,
      isActive: true,
      forwardToPhoneNumber: 'desk@example.com',
    };
    expect(engine.execute(busy)).toEqual(OK);
    expect(engine.execute({ $type: 'UserCallForwardingBusyGetRequest', userId: HG })).toMatchObject({
      isActive: true,
      forwardToPhoneNumber: 'desk@example.com',
    });
    const noAnswer = { $type: 'UserCallForwardingNoAnswerModifyRequest', userId: HG, numberOfRings: 0 };
    expect(engine.execute(noAnswer)).toEqual(OK);
    expect(engine.execute({ $type: 'UserCallForwardingNoAnswerGetRequest13mp16', userId: HG })).toMatchObject({
      numberOfRings: 0,
    });
    const notReachable = { $type: 'UserCallForwardingNotReachableModifyRequest', userId: HG, isActive: false };
    expect(engine.execute(notReachable)).toEqual(OK);
  });

  it('refuses, changing nothing: inactive service activated without a number, a bad target, its own number', () => {
    const engine = engineWithServices();
    expect(refusal(engine, cfa({ isActive: true })).code).toBe(4411);
    for (const bad of ['sip:a@example.com', 'a@b@c', 'call me', '+32-2-555', '1'.repeat(31)])
      expect(refusal(engine, cfa({ forwardToPhoneNumber: bad })).code).toBe(4412);
    const own = (value: string) => refusal(engine, { ...cfa({ forwardToPhoneNumber: value }), userId: HG2 }).code;
    expect([own('+3225126780'), own('4100'), own(HG2)]).toEqual([4413, 4413, 4413]);
    engine.execute(cfa({ isActive: true, forwardToPhoneNumber: '+3225551234' }));
    expect(refusal(engine, cfa({ forwardToPhoneNumber: null })).code).toBe(4411);
  });

  it('refuses a number of rings the schema does not have (1), and a service not assigned', () => {
    const engine = engineWithServices();
    expect(
      refusal(engine, { $type: 'UserCallForwardingNoAnswerModifyRequest', userId: HG, numberOfRings: 1 }).code,
    ).toBe(4001);
    engine.execute(unassign(HG, CFA));
    expect(refusal(engine, cfa({ isActive: false })).code).toBe(4410);
  });
});

describe('alternate numbers', () => {
  const entry = (phoneNumber?: string, extension?: string, more: Record<string, unknown> = {}) => ({
    ...(phoneNumber ? { phoneNumber } : {}),
    ...(extension ? { extension } : {}),
    ...more,
  });
  const clear = { phoneNumber: null, extension: null, ringPattern: null, description: null };

  it('sets slots, reads them back (Normal by default), and frees a number when its slot is cleared', () => {
    const engine = engineWithServices();
    expect(available(engine)).toContain('+3225126781');
    const modify = alternates({
      distinctiveRing: true,
      alternateEntry01: entry('+3225126781', undefined, { description: 'Sales line' }),
      alternateEntry03: entry(undefined, '4301', { ringPattern: 'Long-Long' }),
    });
    expect(engine.execute(modify)).toEqual(OK);
    expect(engine.execute({ $type: 'UserAlternateNumbersGetRequest21', userId: HG })).toEqual({
      $type: 'UserAlternateNumbersGetResponse21',
      distinctiveRing: true,
      alternateEntry01: { phoneNumber: '+3225126781', ringPattern: 'Normal', description: 'Sales line' },
      alternateEntry03: { extension: '4301', ringPattern: 'Long-Long' },
    });
    expect(available(engine)).not.toContain('+3225126781');
    // The number is used once in the system: not as a primary number, not as another alternate.
    expect(refusal(engine, alternates({ alternateEntry01: entry('+3225126781') }, HG2)).code).toBe(4505);
    const primary = {
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: HG2,
      serviceInstanceProfile: { phoneNumber: '+3225126781' },
    };
    expect(refusal(engine, primary).code).toBe(4505);
    // Extensions are unique in the group, alternate ones included.
    expect(refusal(engine, alternates({ alternateEntry01: entry(undefined, '4301') }, HG2)).code).toBe(4506);
    expect(refusal(engine, { ...primary, serviceInstanceProfile: { extension: '4301' } }).code).toBe(4506);
    expect(engine.execute(alternates({ alternateEntry01: clear }))).toEqual(OK);
    expect(available(engine)).toContain('+3225126781');
  });

  it('refuses, changing nothing: a number of another group, one in use, twice, an extension in use, an empty entry', () => {
    const engine = engineWithServices();
    const code = (fields: Record<string, unknown>) => refusal(engine, alternates(fields)).code;
    expect(code({ alternateEntry01: entry('+3225127780') })).toBe(4504);
    expect(code({ alternateEntry01: entry('+3225126780') })).toBe(4505); // hg2's primary number
    expect(code({ alternateEntry01: entry('+3225126778') })).toBe(4505); // a user's number
    expect(code({ alternateEntry01: entry('+3225126782'), alternateEntry02: entry('+3225126782') })).toBe(4505);
    expect(code({ alternateEntry01: entry(undefined, '4000') })).toBe(4506); // ApioUserTest's extension
    expect(code({ alternateEntry01: entry(undefined, '12a') })).toBe(4507);
    expect(code({ alternateEntry02: { description: 'nothing to ring' } })).toBe(4414);
  });

  it('keeps its numbers when moved between slots, and frees them when the service is unassigned or the hunt group deleted', () => {
    const engine = engineWithServices();
    engine.execute(alternates({ alternateEntry01: entry('+3225126783'), alternateEntry02: entry('+3225126784') }));
    expect(
      engine.execute(alternates({ alternateEntry01: entry('+3225126784'), alternateEntry02: entry('+3225126783') })),
    ).toEqual(OK);
    expect(engine.execute(unassign(HG, ALT))).toEqual(OK);
    expect(available(engine)).toEqual(expect.arrayContaining(['+3225126783', '+3225126784']));
    engine.execute(alternates({ alternateEntry05: entry('+3225126785') }, HG2));
    expect(available(engine)).not.toContain('+3225126785');
    engine.execute({ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId: HG2 });
    expect(available(engine)).toEqual(expect.arrayContaining(['+3225126780', '+3225126785']));
  });

  it('moves with a renamed hunt group', () => {
    const engine = engineWithServices();
    engine.execute(alternates({ alternateEntry01: entry('+3225126786') }));
    expect(
      engine.execute({ $type: 'UserModifyUserIdRequest', userId: HG, newUserId: 'renamed@sip.netaxis.be' }),
    ).toEqual(OK);
    expect(isAssigned(engine, 'renamed@sip.netaxis.be', ALT)).toBe(true);
    expect(available(engine)).not.toContain('+3225126786');
  });
});

describe('group numbers', () => {
  it('lists every number of the group, and those nobody holds (the group CLID number stays available)', () => {
    const engine = demoEngine();
    const all = engine.execute({
      $type: 'GroupDnGetListRequest',
      serviceProviderId: 'ApioSpTest',
      groupId: 'ApioGrpTest',
    });
    expect((all as { phoneNumber: string[] }).phoneNumber).toHaveLength(12);
    const free = available(engine);
    expect(free).toHaveLength(11);
    expect(free).toContain('+3225126700');
    expect(free).not.toContain('+3225126778'); // ApioUserTest1's
    expect([...free].sort()).toEqual(free);
    expect(
      refusal(engine, { $type: 'GroupDnGetAvailableListRequest', serviceProviderId: 'ApioSpTest', groupId: 'nope' })
        .code,
    ).toBe(4152);
  });
});

describe('world file: user services', () => {
  const demo = () => JSON.parse(readFileSync(DEMO_WORLD_FILE, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const messageOf = (data: unknown): string => {
    try {
      buildWorld(data);
      return 'loaded';
    } catch (error) {
      expect(error).toBeInstanceOf(WorldFormatError);
      return (error as Error).message;
    }
  };

  it('authorizes services per group and assigns them per user', () => {
    const data = demo();
    data.serviceProviders[0].groups[0].users[0].userServices = [CFA];
    const engine = BroadWorksEngine.fromWorldData(data);
    expect(isAssigned(engine, USER, CFA)).toBe(true);
    expect(isAssigned(engine, USER1, CFA)).toBe(false);
  });

  it('refuses an unknown service, one listed twice, and one the group does not authorize', () => {
    const data = demo();
    data.serviceProviders[0].groups[0].userServices = ['Call Waiting'];
    expect(messageOf(data)).toMatch(/groups\[0\]\.userServices\[0\]: unknown user service Call Waiting/);
    const twice = demo();
    twice.serviceProviders[0].groups[0].userServices = [CFA, CFA];
    expect(messageOf(twice)).toMatch(/userServices\[1\]: Call Forwarding Always is listed twice/);
    const unauthorized = demo();
    unauthorized.serviceProviders[0].groups[1].userServices = ['Alternate Numbers'];
    unauthorized.serviceProviders[0].groups[1].users[0].userServices = [CFA];
    expect(messageOf(unauthorized)).toMatch(/users\[0\]\.userServices\[0\]: .* not authorized for group ApioGrpTest2/);
  });
});
