import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildWorld, WorldFormatError } from './world-file.js';
import { DEMO_WORLD_FILE } from './testing/fixtures.js';
import { departmentKey } from './world.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const demo = (): Json => JSON.parse(readFileSync(DEMO_WORLD_FILE, 'utf8')) as Json;
const messageOf = (data: unknown): string => {
  try {
    buildWorld(data);
    return 'loaded';
  } catch (error) {
    expect(error).toBeInstanceOf(WorldFormatError);
    return (error as Error).message;
  }
};

describe('world file', () => {
  it('loads the demo world with its enterprise, groups, departments and users', () => {
    const world = buildWorld(demo());
    expect(world.serviceProviders.get('ApioSpTest')?.isEnterprise).toBe(true);
    expect(world.serviceProviders.get('foo')?.isEnterprise).toBe(false);
    expect(world.group('ApioSpTest', 'ApioGrpTest')?.callingLineIdPhoneNumber).toBe('+3225126700');
    expect(world.departmentFullPath(departmentKey('ApioSpTest', 'ApioGrpTest', 'test_department_initial'))).toBe(
      'test_department_parent_1 \\ test_department_initial',
    );
    expect(world.users.get('ApioUserTest1@sip.netaxis.be')).toMatchObject({
      phoneNumber: '+3225126778',
      extension: '5001',
      countryCode: '32',
    });
    expect(world.users.get('foouser@sip.netaxis.be')?.groupId).toBe('ApioGrpTest2');
    expect(world.huntGroups.size).toBe(0);
  });

  it('refuses what is not an object or lacks required fields, with the path', () => {
    expect(messageOf([])).toBe('Invalid world: world: must be an object');
    const data = demo();
    delete data.serviceProviders[0].groups[0].timeZone;
    expect(messageOf(data)).toBe('Invalid world: world.serviceProviders[0].groups[0].timeZone: is required');
  });

  it('refuses unknown fields (typos)', () => {
    const data = demo();
    data.serviceProviders[0].groups[0].users[0].lastname = 'x';
    expect(messageOf(data)).toBe(
      'Invalid world: world.serviceProviders[0].groups[0].users[0].lastname: is not a field of this format',
    );
  });

  it('refuses a user id defined twice, even in another service provider', () => {
    const data = demo();
    data.serviceProviders[1].groups[0].users[0].userId = 'ApioUserTest@sip.netaxis.be';
    expect(messageOf(data)).toMatch(/users\[0\]\.userId: user ApioUserTest@sip.netaxis.be is defined twice/);
  });

  it('refuses a user id without a domain of its group', () => {
    const data = demo();
    data.serviceProviders[0].groups[0].users[0].userId = 'bob@elsewhere.com';
    expect(messageOf(data)).toMatch(/bob@elsewhere.com must end in @ and a domain of group ApioGrpTest/);
  });

  it('refuses a phone number not assigned to the group or used twice', () => {
    const data = demo();
    data.serviceProviders[0].groups[0].users[0].phoneNumber = '+3299999999';
    expect(messageOf(data)).toMatch(/\+3299999999 is not assigned to group ApioGrpTest/);
    const twice = demo();
    twice.serviceProviders[0].groups[0].users[0].phoneNumber = '+3225126778';
    expect(messageOf(twice)).toMatch(/\+3225126778 is used twice/);
    const assignedTwice = demo();
    assignedTwice.serviceProviders[1].groups[0].phoneNumbers.push('+3225126780');
    expect(messageOf(assignedTwice)).toMatch(/phone number \+3225126780 is assigned twice/);
  });

  it('refuses an extension used twice in a group', () => {
    const data = demo();
    data.serviceProviders[0].groups[0].users[1].extension = '4000';
    expect(messageOf(data)).toMatch(/4000 is used twice in ApioGrpTest/);
  });

  it('refuses unknown departments and parents, enterprise departments outside enterprises, and cycles', () => {
    const data = demo();
    data.serviceProviders[0].groups[0].users[0].department = { name: 'nope' };
    expect(messageOf(data)).toMatch(/group department nope of ApioGrpTest does not exist/);
    const parent = demo();
    parent.serviceProviders[0].groups[0].departments[0].parent = { name: 'ghost', enterprise: true };
    expect(messageOf(parent)).toMatch(/parent enterprise department ghost does not exist/);
    const plain = demo();
    plain.serviceProviders[1].departments = [{ name: 'd' }];
    expect(messageOf(plain)).toMatch(/only an enterprise has enterprise departments/);
    const cycle = demo();
    cycle.serviceProviders[0].departments = [
      { name: 'a', parent: 'b' },
      { name: 'b', parent: 'a' },
    ];
    expect(messageOf(cycle)).toMatch(/parents form a cycle/);
  });

  it('refuses an unknown time zone, a bad country code and too many users', () => {
    const tz = demo();
    tz.serviceProviders[0].groups[0].timeZone = 'Mars/Olympus';
    expect(messageOf(tz)).toMatch(/unknown time zone Mars\/Olympus/);
    const cc = demo();
    cc.serviceProviders[0].groups[0].countryCode = '+32';
    expect(messageOf(cc)).toMatch(/countryCode: must be 1 to 3 digits/);
    const limit = demo();
    limit.serviceProviders[0].groups[0].userLimit = 2;
    expect(messageOf(limit)).toMatch(/more users than the userLimit 2/);
  });
});
