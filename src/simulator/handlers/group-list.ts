/** GroupGetListInServiceProviderRequest: the groups of a service provider or enterprise, by id. */
import type {
  GroupGetListInServiceProviderRequest,
  GroupGetListInServiceProviderResponse,
} from '../../ocip/commands.js';
import { compareText } from '../canonical-json.js';
import { ociError } from '../errors.js';
import type { Handler } from './handler.js';

export const listGroupsOfServiceProvider: Handler<GroupGetListInServiceProviderRequest> = (world, command) => {
  if (!world.serviceProviders.has(command.serviceProviderId))
    return ociError('serviceProviderNotFound', command.serviceProviderId);
  const groups = [...world.groups.values()]
    .filter((g) => g.serviceProviderId === command.serviceProviderId)
    .sort((a, b) => compareText(a.id, b.id))
    .slice(0, command.responseSizeLimit ?? Infinity);
  const response: GroupGetListInServiceProviderResponse = {
    $type: 'GroupGetListInServiceProviderResponse',
    groupTable: {
      headings: ['Group Id', 'Group Name', 'User Limit'],
      rows: groups.map((g) => [g.id, g.name ?? '', String(g.userLimit)]),
    },
  };
  return response;
};
