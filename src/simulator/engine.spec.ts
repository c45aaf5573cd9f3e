import { describe, expect, it } from '@jest/globals';
import { OciErrorResponse } from '../ocip/oci-errors.js';
import { BroadWorksEngine } from './engine.js';
import { WorldFormatError } from './world-file.js';
import { addCommand, demoEngine, HG, refusal } from './testing/fixtures.js';

describe('BroadWorksEngine', () => {
  it('loads the demo world and answers a valid command', () => {
    const engine = demoEngine();
    expect(engine.execute({ $type: 'VerifySessionIsValidRequest' })).toEqual({ $type: 'SuccessResponse' });
  });

  it('answers an unknown command with 4000 and changes nothing', () => {
    expect(refusal(demoEngine(), { $type: 'UserDeleteRequest', userId: 'x@y' })).toEqual({
      code: 4000,
      summary: '[Error 4000] Unknown or unsupported request type: UserDeleteRequest',
      unchanged: true,
    });
  });

  it('does not mistake Object.prototype members for commands', () => {
    for (const $type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(refusal(demoEngine(), { $type }).code).toBe(4000);
    }
  });

  it('answers a command without xsi:type or that is no object with 4000, never throwing', () => {
    const engine = demoEngine();
    for (const command of [undefined, null, 42, 'GroupGetRequest22V5', [], {}, { $type: 7 }]) {
      const outcome = engine.execute(command);
      expect(outcome).toBeInstanceOf(OciErrorResponse);
      expect((outcome as OciErrorResponse).errorCode).toBe(4000);
    }
  });

  it('answers a login command, which the OCI-P server handles itself, as unknown', () => {
    expect(refusal(demoEngine(), { $type: 'LoginRequest22V5', userId: 'admin', password: 'admin' }).code).toBe(4000);
  });

  it('answers a schema failure with 4001 naming the element, and changes nothing', () => {
    expect(refusal(demoEngine(), { ...addCommand(), noAnswerNumberOfRings: 'abc' })).toEqual({
      code: 4001,
      summary: "[Error 4001] Invalid value for element 'noAnswerNumberOfRings': must be an integer, not the text 'abc'",
      unchanged: true,
    });
  });

  it('works on its own copy: the caller mutating its command afterwards changes nothing', () => {
    const engine = demoEngine();
    const command = addCommand({ agentUserId: ['ApioUserTest@sip.netaxis.be'] });
    expect(engine.execute(command)).toEqual({ $type: 'SuccessResponse' });
    const before = engine.snapshot();
    command.agentUserId!.push('ApioUserTest2@sip.netaxis.be');
    command.serviceInstanceProfile.name = 'changed';
    expect(engine.snapshot()).toBe(before);
  });

  it('gives equal snapshots for equal states, different ones after a change', () => {
    const a = demoEngine();
    const b = demoEngine();
    expect(a.snapshot()).toBe(b.snapshot());
    a.execute(addCommand());
    expect(a.snapshot()).not.toBe(b.snapshot());
    a.execute({ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId: HG });
    expect(a.snapshot()).toBe(b.snapshot());
  });

  it('builds from parsed world data and refuses bad data with WorldFormatError', () => {
    const engine = BroadWorksEngine.fromWorldData({ serviceProviders: [] });
    expect(engine.execute({ $type: 'ServiceProviderGetRequest22V4', serviceProviderId: 'x' })).toBeInstanceOf(
      OciErrorResponse,
    );
    expect(() => BroadWorksEngine.fromWorldData({ serviceProviders: 'none' })).toThrow(WorldFormatError);
    expect(() => BroadWorksEngine.fromFile('/nonexistent/world.json')).toThrow(/cannot be read/);
  });

  it('knows the administrators of the world for the OCI-P login', () => {
    expect(demoEngine().findAdministrator('admin')).toEqual({ userId: 'admin', password: 'admin' });
    expect(demoEngine().findAdministrator('nobody')).toBeUndefined();
  });

  it('refuses a __proto__ element parsed from untrusted JSON', () => {
    const command: unknown = JSON.parse(
      '{"$type":"GroupGetRequest22V5","serviceProviderId":"ApioSpTest","groupId":"ApioGrpTest","__proto__":{"x":1}}',
    );
    expect(refusal(demoEngine(), command)).toEqual({
      code: 4003,
      summary: "[Error 4003] Invalid content at element '__proto__': unexpected element in GroupGetRequest22V5",
      unchanged: true,
    });
  });

  it('survives garbage in every element of every command: an answer each time, and errors change nothing', () => {
    const garbage: unknown[] = [
      null,
      undefined,
      '',
      ' ',
      'x',
      -1,
      0,
      1e12,
      2.5,
      true,
      [],
      [null],
      {},
      { $type: 'GroupDepartmentKey' },
      'é\u0000<&>',
    ];
    const engine = demoEngine();
    const valid = [
      addCommand({ agentUserId: ['ApioUserTest@sip.netaxis.be'] }),
      {
        $type: 'GroupHuntGroupModifyInstanceRequest',
        serviceUserId: HG,
        policy: 'Circular',
        agentUserIdList: { userId: ['ApioUserTest2@sip.netaxis.be'] },
      },
      {
        $type: 'GroupHuntGroupGetAvailableUserListRequest',
        serviceProviderId: 'ApioSpTest',
        groupId: 'ApioGrpTest',
        responseSizeLimit: 3,
      },
      {
        $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
        serviceUserId: HG,
        agentWeight: [{ agentUserId: 'x@y', weight: 1 }],
      },
      { $type: 'UserModifyUserIdRequest', userId: HG, newUserId: 'z@sip.netaxis.be' },
    ] as Record<string, unknown>[];
    let answers = 0;
    for (const command of valid) {
      for (const key of Object.keys(command).filter((k) => k !== '$type')) {
        for (const bad of garbage) {
          const before = engine.snapshot();
          const outcome = engine.execute({ ...command, [key]: bad });
          expect(outcome).toBeDefined();
          if (outcome instanceof OciErrorResponse) {
            expect(engine.snapshot()).toBe(before);
            expect(outcome.errorCode).not.toBe(4999); // the simulator's own bug report
          }
          answers++;
        }
      }
    }
    expect(answers).toBeGreaterThan(200);
  });
});
