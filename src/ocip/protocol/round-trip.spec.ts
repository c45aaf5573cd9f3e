/**
 * Write → read round trips for every command and response the registries know, with realistic
 * values, plus a generated "everything present" value per type so that no element is left untested.
 */
import { describe, expect, it } from '@jest/globals';
import { REQUEST_TYPES, RESPONSE_TYPES } from '../schema.js';
import type { ComplexType, ElementType } from '../schema-types.js';
import { isAbstract, isComplex, isList, isTable } from '../schema-types.js';
import { FrameReader } from './framing.js';
import { readInfoOf } from './read-info.js';
import { encodeDocument } from './xml-escape.js';
import { readDocument } from './xml-reader.js';
import { writeDocument, type OciDocumentCommand } from './xml-writer.js';

const groupDept = {
  $type: 'GroupDepartmentKey',
  serviceProviderId: 'acme-sp',
  groupId: 'sales',
  name: 'Ventes & Marketing',
};
const entDept = { $type: 'EnterpriseDepartmentKey', serviceProviderId: 'acme-ent', name: 'Support <Tier 2>' };
const settings = {
  policy: 'Weighted',
  huntAfterNoAnswer: true,
  noAnswerNumberOfRings: 5,
  forwardAfterTimeout: false,
  forwardTimeoutSeconds: 0,
  forwardToPhoneNumber: '+33142000000',
  allowCallWaitingForAgents: true,
  useSystemHuntGroupCLIDSetting: true,
  includeHuntGroupNameInCLID: false,
  enableNotReachableForwarding: true,
  notReachableForwardToPhoneNumber: 'voicemail@example.com',
  makeBusyWhenNotReachable: false,
  allowMembersToControlGroupBusy: true,
  enableGroupBusy: false,
  applyGroupBusyWhenTerminatingToAgent: true,
  networkClassOfService: 'Premium',
};
const agentTable = {
  headings: ['User Id', 'Last Name', 'First Name', 'Weight', 'Department', 'Department Type'],
  rows: [
    ['alice@example.com', 'Dupré', 'Alice', '60', 'Sales \\ EMEA', 'Group'],
    ['bob@example.com', "O'Brien", 'Bob', '40', '', ''],
  ],
};

/** Realistic values, one per registry entry; the test below fails if a type has none. */
const REALISTIC: Record<string, OciDocumentCommand> = {
  GroupHuntGroupAddInstanceRequest20: {
    $type: 'GroupHuntGroupAddInstanceRequest20',
    serviceProviderId: 'acme-sp',
    groupId: 'sales',
    serviceUserId: 'hg-sales@example.com',
    serviceInstanceProfile: {
      name: 'Sales hotline',
      callingLineIdLastName: 'Sales',
      callingLineIdFirstName: 'Hotline',
      phoneNumber: '+33142000001',
      extension: '1001',
      password: 'S3cret&<>',
      department: groupDept,
      language: 'English',
      timeZone: 'Europe/Paris',
      alias: ['sales@example.com', 'ventes@example.com'],
      callingLineIdPhoneNumber: '+33142000001',
    },
    ...settings,
    agentUserId: ['alice@example.com', 'bob@example.com'],
  },
  GroupHuntGroupGetInstanceRequest20: {
    $type: 'GroupHuntGroupGetInstanceRequest20',
    serviceUserId: 'hg-sales@example.com',
  },
  GroupHuntGroupGetInstanceResponse20: {
    $type: 'GroupHuntGroupGetInstanceResponse20',
    serviceInstanceProfile: {
      name: 'Sales hotline',
      callingLineIdLastName: 'Sales',
      callingLineIdFirstName: 'Hotline',
      phoneNumber: '+33142000001',
      countryCode: '33',
      nationalPrefix: '0',
      department: entDept,
      timeZone: 'Europe/Paris',
      timeZoneDisplayName: '(GMT+01:00) Europe/Paris',
      alias: ['sales@example.com'],
    },
    ...settings,
    agentUserTable: agentTable,
  },
  GroupHuntGroupModifyInstanceRequest: {
    $type: 'GroupHuntGroupModifyInstanceRequest',
    serviceUserId: 'hg-sales@example.com',
    serviceInstanceProfile: {
      name: 'Renamed',
      phoneNumber: null,
      extension: null,
      department: null,
      sipAliasList: { sipAlias: ['a@example.com'] },
    },
    policy: 'Circular',
    forwardToPhoneNumber: null,
    agentUserIdList: { userId: ['bob@example.com', 'alice@example.com'] },
    notReachableForwardToPhoneNumber: null,
    enableGroupBusy: true,
  },
  GroupHuntGroupDeleteInstanceRequest: {
    $type: 'GroupHuntGroupDeleteInstanceRequest',
    serviceUserId: 'hg-sales@example.com',
  },
  GroupHuntGroupConsolidatedAddInstanceRequest: {
    $type: 'GroupHuntGroupConsolidatedAddInstanceRequest',
    serviceProviderId: 'acme-sp',
    groupId: 'sales',
    serviceUserId: 'hg-support@example.com',
    addPhoneNumberToGroup: true,
    serviceInstanceProfile: { name: 'Support', callingLineIdLastName: 'Support', callingLineIdFirstName: 'Line' },
    ...settings,
    agentUserId: ['alice@example.com'],
    isActive: false,
  },
  GroupGetListInServiceProviderRequest: {
    $type: 'GroupGetListInServiceProviderRequest',
    serviceProviderId: 'acme-sp',
    responseSizeLimit: 1000,
  },
  GroupGetListInServiceProviderResponse: {
    $type: 'GroupGetListInServiceProviderResponse',
    groupTable: {
      headings: ['Group Id', 'Group Name', 'User Limit'],
      rows: [
        ['sales', 'Sales & Marketing', '100'],
        ['support', '', '25'],
      ],
    },
  },
  GroupHuntGroupConsolidatedDeleteInstanceRequest: {
    $type: 'GroupHuntGroupConsolidatedDeleteInstanceRequest',
    serviceUserId: 'hg-sales@example.com',
    unassignPhoneNumbers: 'Group',
  },
  GroupHuntGroupConsolidatedModifyInstanceRequest: {
    $type: 'GroupHuntGroupConsolidatedModifyInstanceRequest',
    serviceUserId: 'hg-sales@example.com',
    unassignPhoneNumbers: 'Service Provider',
    serviceInstanceProfile: { name: 'Renamed', phoneNumber: null },
    policy: 'Uniform',
    agentUserIdList: null,
    isActive: true,
  },
  GroupHuntGroupGetInstanceListRequest: {
    $type: 'GroupHuntGroupGetInstanceListRequest',
    serviceProviderId: 'acme-sp',
    groupId: 'sales',
    groupDepartmentName: 'Sales',
  },
  GroupHuntGroupGetInstanceListResponse: {
    $type: 'GroupHuntGroupGetInstanceListResponse',
    huntGroupTable: {
      headings: ['Service User Id', 'Name', 'Phone Number', 'Extension', 'Department', 'Is Active', 'Policy'],
      rows: [['hg-sales@example.com', 'Sales hotline', '+33142000001', '1001', '', 'true', 'Weighted']],
    },
  },
  GroupHuntGroupGetAvailableUserListRequest: {
    $type: 'GroupHuntGroupGetAvailableUserListRequest',
    serviceProviderId: 'acme-ent',
    groupId: 'sales',
    responseSizeLimit: 100,
    searchCriteriaUserLastName: [{ mode: 'Starts With', value: 'Du', isCaseInsensitive: true }],
    searchCriteriaExactUserDepartment: { departmentKey: entDept },
    searchCriteriaExactUserGroup: { serviceProviderId: 'acme-ent', groupId: 'support' },
    searchCriteriaDn: [
      { mode: 'Contains', value: '4200', isCaseInsensitive: false },
      { mode: 'Equal To', value: '+33142000002', isCaseInsensitive: false },
    ],
  },
  GroupHuntGroupGetAvailableUserListResponse: {
    $type: 'GroupHuntGroupGetAvailableUserListResponse',
    userTable: { headings: ['User Id', 'Last Name', 'First Name'], rows: [] },
  },
  GroupHuntGroupGetInstancePagedSortedListRequest: {
    $type: 'GroupHuntGroupGetInstancePagedSortedListRequest',
    serviceProviderId: 'acme-sp',
    groupId: 'sales',
    responsePagingControl: { responseStartIndex: 101, responsePageSize: 100 },
    sortOrder: [
      { sortByUserLastName: { isAscending: false, isCaseSensitive: false } },
      { sortByExtension: { isAscending: true, isCaseSensitive: true } },
    ],
    searchCriteriaUserLastName: [{ mode: 'Contains', value: 'R&D <east>', isCaseInsensitive: true }],
    searchCriteriaUserId: [
      { mode: 'Equal To', value: 'hg-a@example.com', isCaseInsensitive: false },
      { mode: 'Equal To', value: 'hg-b@example.com', isCaseInsensitive: false },
    ],
    searchCriteriaServiceStatus: { isActive: false },
    searchCriteriaModeOr: true,
  },
  GroupHuntGroupGetInstancePagedSortedListResponse: {
    $type: 'GroupHuntGroupGetInstancePagedSortedListResponse',
    huntGroupTable: {
      headings: ['Service User Id', 'Name', 'Phone Number', 'Is Phone Number Activated', 'Is Active', 'Policy'],
      rows: [['hg-sales@example.com', 'Sales hotline', '+33142000001', 'true', 'false', 'Circular']],
    },
  },
  GroupHuntGroupGetAvailableUserPagedSortedListRequest: {
    $type: 'GroupHuntGroupGetAvailableUserPagedSortedListRequest',
    serviceProviderId: 'acme-ent',
    groupId: 'sales',
    responsePagingControl: { responseStartIndex: 1, responsePageSize: 2000 },
    sortOrder: [{ sortByUserFirstName: { isAscending: true, isCaseSensitive: false } }],
    searchCriteriaDepartmentName: [{ mode: 'Starts With', value: 'Support', isCaseInsensitive: true }],
    searchCriteriaGroupId: [{ mode: 'Equal To', value: 'support', isCaseInsensitive: false }],
    searchCriteriaExactDnActivation: { activated: true },
  },
  GroupHuntGroupGetAvailableUserPagedSortedListResponse: {
    $type: 'GroupHuntGroupGetAvailableUserPagedSortedListResponse',
    userTable: { headings: ['User Id', 'Last Name', 'First Name', 'Group Id'], rows: [['a@x.com', 'A', 'B', 'g']] },
  },
  GroupHuntGroupModifyInstanceWeightedCallDistributionRequest: {
    $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
    serviceUserId: 'hg-sales@example.com',
    agentWeight: [
      { agentUserId: 'alice@example.com', weight: 60 },
      { agentUserId: 'bob@example.com', weight: 0 },
    ],
  },
  GroupHuntGroupModifyActiveInstanceListRequest: {
    $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
    serviceActivation: [{ serviceUserId: 'hg-sales@example.com', isActive: false }],
  },
  UserModifyUserIdRequest: {
    $type: 'UserModifyUserIdRequest',
    userId: 'hg-sales@example.com',
    newUserId: 'hg-ventes@example.com',
  },
  GroupGetRequest22V5: { $type: 'GroupGetRequest22V5', serviceProviderId: 'acme-sp', groupId: 'sales' },
  GroupGetResponse22V5: {
    $type: 'GroupGetResponse22V5',
    defaultDomain: 'example.com',
    userLimit: 500,
    userCount: 42,
    groupName: 'Sales',
    timeZone: 'Europe/Paris',
    timeZoneDisplayName: '(GMT+01:00) Europe/Paris',
    serviceProviderId: 'acme-sp',
    groupId: 'sales',
  },
  GroupDepartmentGetListRequest18: {
    $type: 'GroupDepartmentGetListRequest18',
    serviceProviderId: 'acme-sp',
    groupId: 'sales',
    includeEnterpriseDepartments: true,
  },
  GroupDepartmentGetListResponse18: {
    $type: 'GroupDepartmentGetListResponse18',
    departmentTable: {
      headings: [
        'Is Enterprise Department',
        'Department Name',
        'Full Path Name',
        'Calling Line Id Name',
        'Calling Line Id Phone Number',
      ],
      rows: [['false', 'EMEA', 'Sales \\ EMEA', '', '']],
    },
  },
  ServiceProviderGetRequest22V4: { $type: 'ServiceProviderGetRequest22V4', serviceProviderId: 'acme-ent' },
  ServiceProviderGetResponse22V4: {
    $type: 'ServiceProviderGetResponse22V4',
    isEnterprise: true,
    defaultDomain: 'example.com',
    serviceProviderName: 'Acme Enterprise',
    useServiceProviderLanguages: false,
    serviceProviderId: 'acme-ent',
  },
  VerifySessionIsValidRequest: { $type: 'VerifySessionIsValidRequest' },
  UserServiceAssignListRequest: {
    $type: 'UserServiceAssignListRequest',
    userId: 'hg-sales@example.com',
    serviceName: ['Call Forwarding Always', 'Alternate Numbers'],
  },
  UserServiceUnassignListRequest: {
    $type: 'UserServiceUnassignListRequest',
    userId: 'hg-sales@example.com',
    serviceName: ['Call Forwarding Always'],
  },
  UserServiceIsAssignedRequest: {
    $type: 'UserServiceIsAssignedRequest',
    userId: 'hg-sales@example.com',
    serviceName: 'Call Forwarding No Answer',
  },
  UserServiceIsAssignedResponse: { $type: 'UserServiceIsAssignedResponse', isAssigned: false },
  UserCallForwardingAlwaysGetRequest: { $type: 'UserCallForwardingAlwaysGetRequest', userId: 'hg-sales@example.com' },
  UserCallForwardingAlwaysGetResponse: {
    $type: 'UserCallForwardingAlwaysGetResponse',
    isActive: true,
    forwardToPhoneNumber: '+33142000099',
    isRingSplashActive: false,
  },
  UserCallForwardingAlwaysModifyRequest: {
    $type: 'UserCallForwardingAlwaysModifyRequest',
    userId: 'hg-sales@example.com',
    isActive: false,
    forwardToPhoneNumber: null,
    isRingSplashActive: true,
  },
  UserCallForwardingBusyGetRequest: { $type: 'UserCallForwardingBusyGetRequest', userId: 'hg-sales@example.com' },
  UserCallForwardingBusyGetResponse: { $type: 'UserCallForwardingBusyGetResponse', isActive: false },
  UserCallForwardingBusyModifyRequest: {
    $type: 'UserCallForwardingBusyModifyRequest',
    userId: 'hg-sales@example.com',
    isActive: true,
    forwardToPhoneNumber: "o'brien-desk@example.com",
  },
  UserCallForwardingNoAnswerGetRequest13mp16: {
    $type: 'UserCallForwardingNoAnswerGetRequest13mp16',
    userId: 'hg-sales@example.com',
  },
  UserCallForwardingNoAnswerGetResponse13mp16: {
    $type: 'UserCallForwardingNoAnswerGetResponse13mp16',
    isActive: true,
    forwardToPhoneNumber: '*55',
    numberOfRings: 0,
  },
  UserCallForwardingNoAnswerModifyRequest: {
    $type: 'UserCallForwardingNoAnswerModifyRequest',
    userId: 'hg-sales@example.com',
    numberOfRings: 6,
  },
  UserCallForwardingNotReachableGetRequest: {
    $type: 'UserCallForwardingNotReachableGetRequest',
    userId: 'hg-sales@example.com',
  },
  UserCallForwardingNotReachableGetResponse: {
    $type: 'UserCallForwardingNotReachableGetResponse',
    isActive: true,
    forwardToPhoneNumber: '+33142000098',
  },
  UserCallForwardingNotReachableModifyRequest: {
    $type: 'UserCallForwardingNotReachableModifyRequest',
    userId: 'hg-sales@example.com',
    isActive: true,
    forwardToPhoneNumber: '0142000098',
  },
  UserAlternateNumbersGetRequest21: { $type: 'UserAlternateNumbersGetRequest21', userId: 'hg-sales@example.com' },
  UserAlternateNumbersGetResponse21: {
    $type: 'UserAlternateNumbersGetResponse21',
    distinctiveRing: true,
    alternateEntry01: { phoneNumber: '+33142000002', ringPattern: 'Long-Long', description: 'Ventes & <support>' },
    alternateEntry04: { extension: '1004', ringPattern: 'Normal' },
  },
  UserAlternateNumbersModifyRequest: {
    $type: 'UserAlternateNumbersModifyRequest',
    userId: 'hg-sales@example.com',
    distinctiveRing: false,
    alternateEntry01: {
      phoneNumber: '+33142000003',
      extension: null,
      ringPattern: 'Short-Long-Short',
      description: null,
    },
    alternateEntry10: { phoneNumber: null, extension: null, ringPattern: null, description: null },
  },
  GroupDnGetListRequest: { $type: 'GroupDnGetListRequest', serviceProviderId: 'acme-sp', groupId: 'sales' },
  GroupDnGetListResponse: { $type: 'GroupDnGetListResponse', phoneNumber: ['+33142000001', '+33142000002'] },
  GroupDnGetAvailableListRequest: {
    $type: 'GroupDnGetAvailableListRequest',
    serviceProviderId: 'acme-sp',
    groupId: 'sales',
  },
  GroupDnGetAvailableListResponse: { $type: 'GroupDnGetAvailableListResponse', phoneNumber: ['+33142000002'] },
  AuthenticationRequest: { $type: 'AuthenticationRequest', userId: 'admin' },
  AuthenticationResponse: {
    $type: 'AuthenticationResponse',
    userId: 'admin',
    nonce: '1234567890123',
    passwordAlgorithm: 'MD5',
  },
  LoginRequest14sp4: {
    $type: 'LoginRequest14sp4',
    userId: 'admin',
    signedPassword: '77e4a6de3a1e00be05e121cf0ebee860',
  },
  LoginResponse14sp4: {
    $type: 'LoginResponse14sp4',
    loginType: 'Service Provider',
    locale: 'en_US',
    encoding: 'ISO-8859-1',
    serviceProviderId: 'acme-sp',
    isEnterprise: false,
    passwordExpiresDays: -1,
    userDomain: 'example.com',
  },
  LoginRequest22V5: { $type: 'LoginRequest22V5', userId: 'admin', password: 'pa"ss\'word' },
  LoginResponse22V5: {
    $type: 'LoginResponse22V5',
    loginType: 'System',
    locale: 'en_US',
    encoding: 'ISO-8859-1',
    isEnterprise: false,
    userDomain: 'example.com',
    tokenRevocationTime: 1718000000000,
  },
  LogoutRequest: { $type: 'LogoutRequest', userId: 'admin', reason: 'Client Logout' },
  SuccessResponse: { $type: 'SuccessResponse' },
  ErrorResponse: {
    $type: 'ErrorResponse',
    errorCode: 4008,
    summary: '[Error 4008] User not found: bob@example.com',
    summaryEnglish: '[Error 4008] User not found: bob@example.com',
    detail: 'OCI-P request rejected',
    level: 'Error',
  },
};

/** Fills every element of a type: optional ones present, lists with two items, tables with two rows. */
function fullValue(type: ComplexType, seed: string): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const spec of type.elements) {
    const one = (i: number): unknown => sample(spec.type, `${seed}.${spec.name}${i}`);
    value[spec.name] = isList(spec) ? [one(1), one(2)].slice(0, Math.min(2, spec.maxOccurs ?? 1)) : one(0);
  }
  return value;
}

function sample(type: ElementType, seed: string): unknown {
  if (isTable(type))
    return {
      headings: ['A', 'B é'],
      rows: [
        ['1', `${seed} €`],
        ['', 'x'],
      ],
    };
  if (isAbstract(type)) {
    const variant = type.variants[seed.length % type.variants.length];
    return { $type: variant.name, ...fullValue(variant, seed) };
  }
  if (isComplex(type)) return fullValue(type, seed);
  switch (type.base) {
    case 'int':
      return type.max ?? 7;
    case 'boolean':
      return seed.length % 2 === 0;
    case 'string':
      return type.enumeration?.[type.enumeration.length - 1] ?? `v ${seed} <&> 😀`;
  }
}

/** What the reader saw of a written value: no problem, and every element in xs:sequence order, at every level. */
function expectValid(value: unknown, type: ComplexType): void {
  const info = readInfoOf(value);
  expect(info?.problems).toEqual([]);
  const positions = info!.order.map((name) => type.elements.findIndex((e) => e.name === name));
  expect(positions).not.toContain(-1);
  expect(positions).toEqual([...positions].sort((a, b) => a - b));
  for (const spec of type.elements) {
    const present = (value as Record<string, unknown>)[spec.name];
    if (present === undefined || present === null) continue;
    for (const item of isList(spec) ? (present as unknown[]) : [present]) {
      const variant = isAbstract(spec.type)
        ? spec.type.variants.find((v) => v.name === (item as { $type?: unknown }).$type)
        : spec.type;
      if (variant && isComplex(variant)) expectValid(item, variant);
    }
  }
}

function roundTrip(command: OciDocumentCommand): unknown {
  const bytes = encodeDocument(writeDocument('8d1b6b1e-0f4f-4d5e-9f0e-0c3b1f0f2a11', [command]));
  const doc = readDocument(bytes);
  expect(doc.sessionId).toBe('8d1b6b1e-0f4f-4d5e-9f0e-0c3b1f0f2a11');
  expect(doc.protocol).toBe('OCI');
  expect(doc.problem).toBeUndefined();
  expect(doc.commands).toHaveLength(1);
  expectValid(doc.commands[0], REQUEST_TYPES[command.$type] ?? RESPONSE_TYPES[command.$type]);
  return doc.commands[0];
}

const ALL_TYPES = [...Object.keys(REQUEST_TYPES), ...Object.keys(RESPONSE_TYPES)];

describe('round trips', () => {
  it('has a realistic value for every type in REQUEST_TYPES and RESPONSE_TYPES', () => {
    expect(Object.keys(REALISTIC).sort()).toEqual([...ALL_TYPES].sort());
  });

  it.each(ALL_TYPES)('%s with realistic values', (name) => {
    const command = REALISTIC[name];
    expect(roundTrip(command)).toEqual(command);
  });

  it.each(ALL_TYPES)('%s with every element present', (name) => {
    const type = REQUEST_TYPES[name] ?? RESPONSE_TYPES[name];
    // The writer defaults ErrorResponse's level to Error, so give it a non-default one.
    const level = name === 'ErrorResponse' ? { level: 'Warning' } : {};
    const command = { $type: name, ...fullValue(type, name), ...level } as OciDocumentCommand;
    expect(roundTrip(command)).toEqual(command);
  });

  it('keeps 15 commands of one document in order, each with its echo', () => {
    const commands = ALL_TYPES.slice(0, 15).map((name, i) => ({ ...REALISTIC[name], echo: `e${i}` }));
    const doc = readDocument(encodeDocument(writeDocument('s', commands)));
    expect(doc.commands).toEqual(commands);
  });

  it('survives the wire: written, encoded, framed byte by byte and read back', () => {
    const a = REALISTIC['GroupHuntGroupGetInstanceResponse20'];
    const b = { ...REALISTIC['ErrorResponse'], summary: 'Déjà vu € 😀 ]]> &amp;' };
    const wire = Buffer.concat([
      encodeDocument(writeDocument('s1', [a])),
      Buffer.from('\n'),
      encodeDocument(writeDocument('s2', [b])),
      Buffer.from('\n'),
    ]);
    const reader = new FrameReader();
    const frames: Buffer[] = [];
    for (const byte of wire) frames.push(...reader.push(Buffer.from([byte])));
    expect(frames.map((f) => readDocument(f))).toEqual([
      { protocol: 'OCI', sessionId: 's1', commands: [a] },
      { protocol: 'OCI', sessionId: 's2', commands: [b] },
    ]);
  });
});
