/**
 * UserServiceAssignListRequest, UserServiceUnassignListRequest and UserServiceIsAssignedRequest, for
 * real and virtual users alike. A service can be assigned only when the user's group authorizes it;
 * the whole list is checked first, so a refused assignment changes nothing (BroadWorks may also
 * answer a partial success with a Warning; the simulator refuses the list whole). Assigning an
 * assigned service, or unassigning one that is not, changes nothing and succeeds.
 */
import type {
  UserServiceAssignListRequest,
  UserServiceIsAssignedRequest,
  UserServiceIsAssignedResponse,
  UserServiceUnassignListRequest,
} from '../../ocip/commands.js';
import { ociError } from '../errors.js';
import { defaultSettings, isAssigned, setService } from '../user-services.js';
import { SUCCESS, type Handler } from './handler.js';

/** Service packs are not modelled: the simulator's groups authorize none, so naming one is refused. */
const noServicePacks = (packs: readonly string[] | undefined) =>
  packs && packs.length > 0 ? ociError('serviceAssignmentFailed', packs[0], '(service packs)') : undefined;

export const assignUserServices: Handler<UserServiceAssignListRequest> = (world, command) => {
  const subscriber = world.userOrVirtualUser(command.userId);
  if (!subscriber) return ociError('userNotFound', command.userId);
  const group = world.group(subscriber.serviceProviderId, subscriber.groupId);
  if (!group) return ociError('groupNotFound', subscriber.groupId);
  const services = command.serviceName ?? [];
  const refused = services.find((s) => !group.authorizedUserServices.includes(s));
  if (refused) return ociError('serviceAssignmentFailed', refused, group.id);
  const packs = noServicePacks(command.servicePackName);
  if (packs) return packs;
  for (const service of services)
    if (!isAssigned(subscriber, service)) setService(subscriber, service, defaultSettings(service));
  return SUCCESS;
};

export const unassignUserServices: Handler<UserServiceUnassignListRequest> = (world, command) => {
  const subscriber = world.userOrVirtualUser(command.userId);
  if (!subscriber) return ociError('userNotFound', command.userId);
  const packs = noServicePacks(command.servicePackName);
  if (packs) return packs;
  // Unassigning drops the settings, and so frees the alternate numbers the service held.
  for (const service of command.serviceName ?? []) setService(subscriber, service, undefined);
  return SUCCESS;
};

export const isUserServiceAssigned: Handler<UserServiceIsAssignedRequest> = (world, command) => {
  const subscriber = world.userOrVirtualUser(command.userId);
  if (!subscriber) return ociError('userNotFound', command.userId);
  // The schema's xs:choice: exactly one of serviceName and servicePackName.
  if ((command.serviceName === undefined) === (command.servicePackName === undefined)) {
    return ociError('invalidContent', 'serviceName', 'exactly one of serviceName and servicePackName is required');
  }
  const answer: UserServiceIsAssignedResponse = {
    $type: 'UserServiceIsAssignedResponse',
    isAssigned: command.serviceName !== undefined && isAssigned(subscriber, command.serviceName),
  };
  return answer;
};
