import { describe, expect, it } from '@jest/globals';
import { readDocument } from '../ocip/protocol/index.js';
import {
  GroupHuntGroupAddInstanceRequest20,
  GroupHuntGroupDeleteInstanceRequest,
  GroupHuntGroupGetAvailableUserListRequest,
  GroupHuntGroupModifyInstanceRequest,
  GroupHuntGroupModifyActiveInstanceListRequest,
} from '../ocip/schema.js';
import type { ComplexType } from '../ocip/schema-types.js';
import { checkCommand, collapseToken } from './schema-check.js';
import { addCommand } from './testing/fixtures.js';

const add = (overrides: Record<string, unknown>): Record<string, unknown> => ({ ...addCommand(), ...overrides });
const profile = (overrides: Record<string, unknown>): Record<string, unknown> => ({
  ...addCommand().serviceInstanceProfile,
  ...overrides,
});
const problemOf = (command: unknown, type: ComplexType = GroupHuntGroupAddInstanceRequest20): string => {
  const result = checkCommand(command, type);
  return result.ok ? 'ok' : `${result.path}: ${result.reason}`;
};

describe('checkCommand', () => {
  it('accepts a valid command and returns a cleaned copy', () => {
    const result = checkCommand(
      { ...addCommand(), networkClassOfService: undefined },
      GroupHuntGroupAddInstanceRequest20,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.$type).toBe('GroupHuntGroupAddInstanceRequest20');
    expect('networkClassOfService' in result.value).toBe(false);
  });

  it('collapses token white space as XML and BroadWorks do', () => {
    expect(collapseToken('  a \n\t b  ')).toBe('a b');
    const result = checkCommand(
      add({ serviceInstanceProfile: profile({ name: '  Sales   Team ' }) }),
      GroupHuntGroupAddInstanceRequest20,
    );
    expect(result.ok && (result.value.serviceInstanceProfile as Record<string, unknown>).name).toBe('Sales Team');
  });

  it('refuses a missing required element, naming its path', () => {
    const command = add({});
    delete command.policy;
    expect(problemOf(command)).toBe('policy: is required but missing');
    const noName = add({ serviceInstanceProfile: profile({ name: undefined }) });
    expect(problemOf(noName)).toBe('serviceInstanceProfile/name: is required but missing');
  });

  it('refuses a value outside the enumeration', () => {
    expect(problemOf(add({ policy: 'Random' }))).toBe(
      "policy: must be one of 'Circular', 'Regular', 'Simultaneous', 'Uniform', 'Weighted', not 'Random'",
    );
  });

  it('refuses ints out of range and accepts the bounds', () => {
    expect(problemOf(add({ noAnswerNumberOfRings: 21 }))).toBe('noAnswerNumberOfRings: must be in 1..20, not 21');
    expect(problemOf(add({ noAnswerNumberOfRings: 0 }))).toBe('noAnswerNumberOfRings: must be in 1..20, not 0');
    expect(problemOf(add({ noAnswerNumberOfRings: 20, forwardTimeoutSeconds: 7200 }))).toBe('ok');
    expect(problemOf(add({ forwardTimeoutSeconds: 7201 }))).toBe('forwardTimeoutSeconds: must be in 0..7200, not 7201');
  });

  it('refuses a string where an int is due (what the lenient XML reader leaves) and a fraction', () => {
    expect(problemOf(add({ noAnswerNumberOfRings: 'five' }))).toBe(
      "noAnswerNumberOfRings: must be an integer, not the text 'five'",
    );
    expect(problemOf(add({ noAnswerNumberOfRings: '5' }))).toMatch(/must be an integer/);
    expect(problemOf(add({ noAnswerNumberOfRings: 2.5 }))).toMatch(/must be an integer/);
  });

  it('refuses a string where a boolean is due', () => {
    expect(problemOf(add({ enableGroupBusy: 'true' }))).toBe(
      "enableGroupBusy: must be a boolean (true or false), not the text 'true'",
    );
  });

  it('refuses empty or white-space-only text for minLength 1, and too long text', () => {
    expect(problemOf(add({ serviceUserId: '   ' }))).toBe('serviceUserId: must not be empty or only white space');
    expect(problemOf(add({ serviceUserId: '' }))).toBe('serviceUserId: must not be empty or only white space');
    expect(problemOf(add({ serviceInstanceProfile: profile({ name: 'x'.repeat(31) }) }))).toBe(
      'serviceInstanceProfile/name: must be at most 30 characters, not 31',
    );
    expect(problemOf(add({ serviceInstanceProfile: profile({ extension: '1' }) }))).toBe(
      'serviceInstanceProfile/extension: must be at least 2 characters',
    );
  });

  it('measures length after collapsing white space', () => {
    expect(problemOf(add({ serviceInstanceProfile: profile({ name: `  ${'x'.repeat(30)}  ` }) }))).toBe('ok');
  });

  it('refuses nil on a non-nillable element and accepts it on a nillable one', () => {
    expect(problemOf(add({ policy: null }))).toBe('policy: may not be nil');
    const modify = {
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'a@b',
      forwardToPhoneNumber: null,
      agentUserIdList: null,
    };
    expect(problemOf(modify, GroupHuntGroupModifyInstanceRequest)).toBe('ok');
    expect(problemOf({ ...modify, networkClassOfService: null }, GroupHuntGroupModifyInstanceRequest)).toBe(
      'networkClassOfService: may not be nil',
    );
    expect(problemOf({ ...modify, serviceInstanceProfile: { name: null } }, GroupHuntGroupModifyInstanceRequest)).toBe(
      'serviceInstanceProfile/name: may not be nil',
    );
  });

  it('refuses an unexpected element, even nested', () => {
    expect(problemOf(add({ queueLength: 10 }))).toBe(
      'queueLength: unexpected element in GroupHuntGroupAddInstanceRequest20',
    );
    expect(problemOf(add({ serviceInstanceProfile: profile({ color: 'red' }) }))).toBe(
      'serviceInstanceProfile/color: unexpected element in ServiceInstanceAddProfile',
    );
    expect(problemOf(add({ constructor: 'x' }))).toMatch(/^constructor: unexpected element/);
  });

  it('requires $type on an abstract type to be one of its variants', () => {
    const department = { serviceProviderId: 'sp', groupId: 'g', name: 'd' };
    expect(problemOf(add({ serviceInstanceProfile: profile({ department }) }))).toBe(
      'serviceInstanceProfile/department: xsi:type must be one of GroupDepartmentKey, EnterpriseDepartmentKey (abstract type DepartmentKey), not none',
    );
    expect(
      problemOf(add({ serviceInstanceProfile: profile({ department: { ...department, $type: 'DepartmentKey' } }) })),
    ).toMatch(/xsi:type must be one of .* not DepartmentKey$/);
    expect(
      problemOf(
        add({ serviceInstanceProfile: profile({ department: { ...department, $type: 'GroupDepartmentKey' } }) }),
      ),
    ).toBe('ok');
    // The variant's own elements are checked: an enterprise key has no groupId.
    expect(
      problemOf(
        add({ serviceInstanceProfile: profile({ department: { ...department, $type: 'EnterpriseDepartmentKey' } }) }),
      ),
    ).toBe('serviceInstanceProfile/department/groupId: unexpected element in EnterpriseDepartmentKey');
  });

  it('refuses a wrong xsi:type on a concrete complex element', () => {
    expect(problemOf(add({ serviceInstanceProfile: profile({ $type: 'ServiceInstanceModifyProfile' }) }))).toBe(
      'serviceInstanceProfile: xsi:type must be ServiceInstanceAddProfile, not ServiceInstanceModifyProfile',
    );
  });

  it('checks list bounds and each item', () => {
    expect(problemOf(add({ serviceInstanceProfile: profile({ alias: ['a@x', 'b@x', 'c@x', 'd@x'] }) }))).toBe(
      'serviceInstanceProfile/alias: may occur at most 3 times, not 4',
    );
    expect(problemOf(add({ agentUserId: ['a@x', 7] }))).toBe('agentUserId[1]: must be text, not 7');
    expect(problemOf(add({ agentUserId: ['a@x', null] }))).toBe('agentUserId[1]: may not be nil');
    const modify = {
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'a@b',
      agentUserIdList: { userId: [] },
    };
    expect(problemOf(modify, GroupHuntGroupModifyInstanceRequest)).toBe(
      'agentUserIdList/userId: must occur at least 1 time(s), not 0',
    );
  });

  it('refuses a repeated single element and a list item of the wrong shape', () => {
    expect(problemOf(add({ policy: ['Regular', 'Circular'] }))).toBe('policy: may occur only once');
    const activation = { $type: 'GroupHuntGroupModifyActiveInstanceListRequest', serviceActivation: ['x'] };
    expect(problemOf(activation, GroupHuntGroupModifyActiveInstanceListRequest)).toBe(
      'serviceActivation[0]: must be a complex element of type ServiceActivation',
    );
  });

  it('checks search criteria nested in lists', () => {
    const base = { $type: 'GroupHuntGroupGetAvailableUserListRequest', serviceProviderId: 'sp', groupId: 'g' };
    const criteria = { mode: 'Starts With', value: 'T', isCaseInsensitive: true };
    expect(
      problemOf({ ...base, searchCriteriaUserLastName: [criteria] }, GroupHuntGroupGetAvailableUserListRequest),
    ).toBe('ok');
    expect(
      problemOf(
        { ...base, searchCriteriaUserLastName: [{ ...criteria, mode: 'Ends With' }] },
        GroupHuntGroupGetAvailableUserListRequest,
      ),
    ).toMatch(/^searchCriteriaUserLastName\[0\]\/mode: must be one of/);
    expect(problemOf({ ...base, responseSizeLimit: 0 }, GroupHuntGroupGetAvailableUserListRequest)).toBe(
      'responseSizeLimit: must be in 1..2147483647, not 0',
    );
  });

  it('accepts an empty element read as "" for an all-optional complex type', () => {
    const modify = { $type: 'GroupHuntGroupModifyInstanceRequest', serviceUserId: 'a@b', serviceInstanceProfile: '' };
    expect(problemOf(modify, GroupHuntGroupModifyInstanceRequest)).toBe('ok');
  });

  it('refuses a command that is not an object', () => {
    expect(problemOf('text')).toBe(
      'GroupHuntGroupAddInstanceRequest20: must be a complex element of type GroupHuntGroupAddInstanceRequest20',
    );
    expect(problemOf([addCommand()])).toMatch(/must be a complex element/);
  });
});

describe('checkCommand on a command read from XML', () => {
  const read = (type: string, body: string): Record<string, unknown> =>
    readDocument(
      `<BroadsoftDocument protocol="OCI" xmlns="C" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<sessionId xmlns="">s</sessionId><command xsi:type="${type}" xmlns="">${body}</command></BroadsoftDocument>`,
    ).commands[0];
  const modifyProblem = (body: string): string => {
    const result = checkCommand(read('GroupHuntGroupModifyInstanceRequest', body), GroupHuntGroupModifyInstanceRequest);
    return result.ok ? 'ok' : `${result.kind} ${result.path}: ${result.reason}`;
  };

  it('refuses elements out of xs:sequence order, at every level, and accepts them in order', () => {
    expect(
      modifyProblem('<serviceUserId>u</serviceUserId><policy>Regular</policy><enableGroupBusy>true</enableGroupBusy>'),
    ).toBe('ok');
    expect(
      modifyProblem('<serviceUserId>u</serviceUserId><enableGroupBusy>true</enableGroupBusy><policy>Regular</policy>'),
    ).toBe('content policy: out of order: GroupHuntGroupModifyInstanceRequest has it before enableGroupBusy');
    expect(
      modifyProblem(
        '<serviceUserId>u</serviceUserId><agentUserIdList><userId>a</userId></agentUserIdList><serviceInstanceProfile/>',
      ),
    ).toBe(
      'content serviceInstanceProfile: out of order: GroupHuntGroupModifyInstanceRequest has it before agentUserIdList',
    );
    expect(
      modifyProblem(
        '<serviceUserId>u</serviceUserId><serviceInstanceProfile><department xsi:type="EnterpriseDepartmentKey"><name>n</name><serviceProviderId>s</serviceProviderId></department></serviceInstanceProfile>',
      ),
    ).toBe(
      'content serviceInstanceProfile/department/serviceProviderId: out of order: EnterpriseDepartmentKey has it before name',
    );
  });

  it('reports what the reader found at its path, and an element masked by an attribute of the same name', () => {
    expect(
      modifyProblem('<serviceUserId>u</serviceUserId><forwardToPhoneNumber xsi:nil="true">1</forwardToPhoneNumber>'),
    ).toBe('content forwardToPhoneNumber: is nil (xsi:nil="true") and must be empty');
    expect(
      modifyProblem(
        '<serviceUserId>u</serviceUserId><serviceInstanceProfile><sipAliasList><sipAlias a="1">x@y</sipAlias></sipAliasList></serviceInstanceProfile>',
      ),
    ).toBe('content serviceInstanceProfile/sipAliasList/sipAlias[0]: unexpected attribute a');
    const masked = read('GroupHuntGroupDeleteInstanceRequest', '<serviceUserId>u</serviceUserId><echo>1</echo>');
    delete masked.echo;
    const result = checkCommand(masked, GroupHuntGroupDeleteInstanceRequest);
    expect(result.ok ? 'ok' : result.reason).toBe('unexpected element in GroupHuntGroupDeleteInstanceRequest');
  });

  it('says a value is wrong as a value, not as content', () => {
    expect(modifyProblem('<serviceUserId>u</serviceUserId><noAnswerNumberOfRings>99</noAnswerNumberOfRings>')).toBe(
      'value noAnswerNumberOfRings: must be in 1..20, not 99',
    );
  });
});
