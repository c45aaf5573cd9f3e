import { describe, expect, it } from '@jest/globals';
import { CLEARABLE_PROFILE_FIELDS, CLEARABLE_SETTINGS } from '../domain/model.js';
import { commandOf, toModifyRequest } from './hunt-group.mapper.js';
import { GroupHuntGroupModifyInstanceRequest, ServiceInstanceModifyProfile } from '../ocip/schema.js';

const nillable = (type: { elements: readonly { name: string; nillable?: boolean }[] }): string[] =>
  type.elements.filter((e) => e.nillable).map((e) => e.name);

/** The elements a modify may clear, named as the domain names them. */
const OCI_NAME_OF: Record<string, string> = { aliases: 'sipAliasList', agents: 'agentUserIdList' };
const ociName = (field: string): string => OCI_NAME_OF[field] ?? field;

describe('the domain’s clearable fields', () => {
  it('are exactly the nillable elements of the R25 modify (so the undo plan knows what it can take back)', () => {
    expect([...CLEARABLE_PROFILE_FIELDS].map(ociName).sort()).toEqual(nillable(ServiceInstanceModifyProfile).sort());
    expect([...CLEARABLE_SETTINGS].map(ociName).sort()).toEqual(nillable(GroupHuntGroupModifyInstanceRequest).sort());
  });
});

describe('toModifyRequest', () => {
  it('leaves out what the change does not carry and clears with null what it empties', () => {
    expect(
      toModifyRequest('hg@x', {
        policy: 'Circular',
        forwardToPhoneNumber: '',
        agents: [],
        serviceInstanceProfile: { extension: null, aliases: [], department: null, name: 'N' },
      }),
    ).toEqual({
      $type: 'GroupHuntGroupModifyInstanceRequest',
      serviceUserId: 'hg@x',
      policy: 'Circular',
      forwardToPhoneNumber: null,
      agentUserIdList: null,
      serviceInstanceProfile: expect.objectContaining({
        name: 'N',
        extension: null,
        sipAliasList: null,
        department: null,
        phoneNumber: undefined,
      }),
      notReachableForwardToPhoneNumber: undefined,
      networkClassOfService: undefined,
    });
  });
});

describe('commandOf', () => {
  const scope = { tenantId: 'T', groupId: 'G' };
  it('maps each planned action to its command', () => {
    expect(commandOf(scope, { kind: 'activate', serviceUserId: 'a@x', active: false })).toEqual({
      $type: 'GroupHuntGroupModifyActiveInstanceListRequest',
      serviceActivation: [{ serviceUserId: 'a@x', isActive: false }],
    });
    expect(commandOf(scope, { kind: 'rename', from: 'a@x', to: 'b@x' })).toEqual({
      $type: 'UserModifyUserIdRequest',
      userId: 'a@x',
      newUserId: 'b@x',
    });
    expect(
      commandOf(scope, { kind: 'set-weights', serviceUserId: 'a@x', weights: [{ userId: 'u', weight: 5 }] }),
    ).toEqual({
      $type: 'GroupHuntGroupModifyInstanceWeightedCallDistributionRequest',
      serviceUserId: 'a@x',
      agentWeight: [{ agentUserId: 'u', weight: 5 }],
    });
    expect(commandOf(scope, { kind: 'delete', serviceUserId: 'a@x' })).toEqual({
      $type: 'GroupHuntGroupDeleteInstanceRequest',
      serviceUserId: 'a@x',
    });
    expect(commandOf(scope, { kind: 'add', serviceUserId: 'a@x', fields: {} })).toMatchObject({
      $type: 'GroupHuntGroupAddInstanceRequest20',
      serviceProviderId: 'T',
      groupId: 'G',
      serviceUserId: 'a@x',
      policy: 'Regular',
      noAnswerNumberOfRings: 5,
      includeHuntGroupNameInCLID: true,
    });
  });
});
