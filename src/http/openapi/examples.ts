/**
 * The seed's examples (apio-hunt-groups.txt), adapted to the demo world: tenant ApioSpTest, group
 * ApioGrpTest, domain sip.netaxis.be. test/openapi-examples.e2e-spec.ts replays them in order on
 * the demo and checks every answer below is what the service really says.
 */

const DEPARTMENT = {
  tenantId: 'ApioSpTest',
  groupId: 'ApioGrpTest',
  departmentName: 'test_department_initial',
  fullPathName: 'test_department_parent_1 \\ test_department_initial',
};

const AGENT_TEST = {
  userId: 'ApioUserTest@sip.netaxis.be',
  lastName: 'Test',
  firstName: 'Test',
  weight: 60,
  phoneNumber: '',
  extension: '4000',
  department: DEPARTMENT,
  emailAddress: 'test_mail@test.netaxis.be',
};

const AGENT_TEST1 = {
  userId: 'ApioUserTest1@sip.netaxis.be',
  lastName: 'Test1',
  firstName: 'Test1',
  weight: 40,
  phoneNumber: '+3225126778',
  extension: '5001',
  emailAddress: '',
};

const AGENT_TEST2 = {
  userId: 'ApioUserTest2@sip.netaxis.be',
  lastName: 'Test2',
  firstName: 'Test2',
  weight: 0,
  phoneNumber: '',
  extension: '5002',
  emailAddress: '',
};

export const EXAMPLE_HUNT_GROUP_ID = 'APIOTestHuntGroup@sip.netaxis.be';

/** POST: the seed's request; the user part alone takes the group's default domain. */
export const CREATE_REQUEST = {
  serviceUserId: 'APIOTestHuntGroup',
  serviceInstanceProfile: {
    name: 'APIO Test Hunt Group',
    cliLastName: 'Last Test',
    cliFirstName: 'First Test',
    department: { tenantId: 'ApioSpTest', groupId: 'ApioGrpTest', departmentName: 'test_department_initial' },
    language: 'English',
    timeZone: 'Europe/Brussels',
    timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
  },
  policy: 'Regular',
  agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'],
  active: true,
  templateName: 'basic',
};

/** GET of the hunt group once the weights below are set. */
export const HUNT_GROUP_ANSWER = {
  serviceUserId: EXAMPLE_HUNT_GROUP_ID,
  serviceInstanceProfile: {
    name: 'APIO Test Hunt Group',
    cliLastName: 'Last Test',
    cliFirstName: 'First Test',
    language: 'English',
    phoneNumber: '',
    extension: '',
    department: DEPARTMENT,
    publicUserIdentity: '',
    timeZone: 'Europe/Brussels',
    timeZoneDisplayName: '(GMT+01:00) Europe/Brussels',
    hiraganaLastName: '',
    hiraganaFirstName: '',
    aliases: [] as string[],
    callingLineIdPhoneNumber: '',
  },
  policy: 'Regular',
  huntAfterNoAnswer: false,
  allowMembersToControlGroupBusy: false,
  notReachableForwardToPhoneNumber: '',
  enableNotReachableForwarding: false,
  makeBusyWhenNotReachable: false,
  agents: [AGENT_TEST, AGENT_TEST1],
  useSystemHuntGroupCLIDSetting: true,
  noAnswerNumberOfRings: 5,
  enableGroupBusy: false,
  forwardToPhoneNumber: '',
  forwardTimeoutSeconds: 0,
  forwardAfterTimeout: false,
  allowCallWaitingForAgents: false,
  applyGroupBusyWhenTerminatingToAgent: false,
  includeHuntGroupNameInCLID: true,
  active: true,
};

/** POST answers the new hunt group as GET does: no weights yet. */
export const CREATE_ANSWER = {
  ...HUNT_GROUP_ANSWER,
  agents: HUNT_GROUP_ANSWER.agents.map((agent) => ({ ...agent, weight: 0 })),
};

export const LIST_ANSWER = {
  hunt_groups: [
    {
      serviceUserId: EXAMPLE_HUNT_GROUP_ID,
      name: 'APIO Test Hunt Group',
      phoneNumber: '',
      extension: '',
      department: DEPARTMENT,
      active: true,
      policy: 'Regular',
    },
  ],
};

/** PUT: the seed's request; `queueLength` (not a hunt group setting) is ignored. */
export const UPDATE_REQUEST = {
  serviceInstanceProfile: { language: 'French' },
  queueLength: 10,
  agents: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest2@sip.netaxis.be'],
};

export const UPDATE_ANSWER = {
  ...HUNT_GROUP_ANSWER,
  serviceInstanceProfile: { ...HUNT_GROUP_ANSWER.serviceInstanceProfile, language: 'French' },
  agents: [AGENT_TEST, AGENT_TEST2],
};

/** PUT ?dryRun=true with the update example, on the hunt group as the weights example left it. */
export const UPDATE_DRY_RUN_ANSWER = {
  dryRun: true,
  result: UPDATE_ANSWER,
  changes: [
    { field: 'serviceInstanceProfile.language', from: 'English', to: 'French' },
    { field: 'agents', from: [AGENT_TEST, { ...AGENT_TEST1, weight: 40 }], to: UPDATE_ANSWER.agents },
  ],
  commands: [
    {
      type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'APIOTestHuntGroup@sip.netaxis.be',
      serviceInstanceProfile: { language: 'French' },
      agentUserIdList: { userId: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest2@sip.netaxis.be'] },
    },
  ],
};

export const WEIGHTS_REQUEST = {
  agents: [
    { userId: 'ApioUserTest@sip.netaxis.be', weight: 60 },
    { userId: 'ApioUserTest1@sip.netaxis.be', weight: 40 },
  ],
};

export const WEIGHTS_ANSWER = { agents: [AGENT_TEST, AGENT_TEST1] };

/** An available user is an agent's row without the weight. */
function userOf<T extends { weight: number }>(agent: T): Omit<T, 'weight'> {
  const user: Partial<T> = { ...agent };
  delete user.weight;
  return user as Omit<T, 'weight'>;
}
const [USER_TEST, USER_TEST1, USER_TEST2] = [userOf(AGENT_TEST), userOf(AGENT_TEST1), userOf(AGENT_TEST2)];
const FOO_USER = {
  userId: 'foouser@sip.netaxis.be',
  lastName: 'Test',
  firstName: 'Test',
  phoneNumber: '',
  extension: '4004',
  emailAddress: 'test_foomail@test.netaxis.be',
};

/** Every user of the enterprise ApioSpTest (before any is an agent): foouser is of group ApioGrpTest2. */
export const AVAILABLE_USERS_ANSWER = { available_users: [USER_TEST, FOO_USER, USER_TEST1, USER_TEST2] };

export const SAME_GROUP_ONLY_REQUEST = { sameGroupOnly: true };

export const SAME_GROUP_ONLY_ANSWER = { available_users: [USER_TEST, USER_TEST1, USER_TEST2] };

// --- A hunt group's own services (replayed by test/hunt-group-services-examples.e2e-spec.ts, after the create above) ---

export const FORWARDING_ALWAYS_REQUEST = {
  isActive: true,
  forwardToPhoneNumber: '+3225551234',
  isRingSplashActive: true,
};
export const FORWARDING_ALWAYS_ANSWER = {
  isActive: true,
  forwardToPhoneNumber: '+3225551234',
  isRingSplashActive: true,
};

export const FORWARDING_BUSY_REQUEST = { isActive: true, forwardToPhoneNumber: 'reception@sip.netaxis.be' };
export const FORWARDING_BUSY_ANSWER = { isActive: true, forwardToPhoneNumber: 'reception@sip.netaxis.be' };

export const FORWARDING_NO_ANSWER_REQUEST = { isActive: true, forwardToPhoneNumber: '+3225126700', numberOfRings: 4 };
export const FORWARDING_NO_ANSWER_ANSWER = { isActive: true, forwardToPhoneNumber: '+3225126700', numberOfRings: 4 };

export const FORWARDING_NOT_REACHABLE_REQUEST = { isActive: true, forwardToPhoneNumber: '+3225551299' };
export const FORWARDING_NOT_REACHABLE_ANSWER = { isActive: true, forwardToPhoneNumber: '+3225551299' };

export const ALTERNATE_NUMBERS_REQUEST = {
  distinctiveRing: true,
  alternateNumbers: [
    { phoneNumber: '+3225126781', ringPattern: 'Long-Long', description: 'Sales line' },
    { extension: '4301' },
  ],
};
export const ALTERNATE_NUMBERS_ANSWER = {
  distinctiveRing: true,
  alternateNumbers: [
    { phoneNumber: '+3225126781', extension: '', ringPattern: 'Long-Long', description: 'Sales line' },
    { phoneNumber: '', extension: '4301', ringPattern: 'Normal', description: '' },
  ],
};

/** The free numbers of ApioGrpTest once the alternate numbers above are set (+3225126778 is ApioUserTest1's). */
export const AVAILABLE_NUMBERS_ANSWER = {
  numbers: [
    '+3225126700',
    '+3225126780',
    '+3225126782',
    '+3225126783',
    '+3225126784',
    '+3225126785',
    '+3225126786',
    '+3225126787',
    '+3225126788',
    '+3225126789',
  ],
};
