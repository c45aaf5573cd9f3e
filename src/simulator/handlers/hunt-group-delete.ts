/** GroupHuntGroupDeleteInstanceRequest: the number the hunt group used stays assigned to the group, free again. */
import type { GroupHuntGroupDeleteInstanceRequest } from '../../ocip/commands.js';
import { ociError } from '../errors.js';
import { SUCCESS, type Handler } from './handler.js';

export const deleteHuntGroup: Handler<GroupHuntGroupDeleteInstanceRequest> = (world, command) => {
  if (!world.huntGroups.delete(command.serviceUserId)) return ociError('userNotFound', command.serviceUserId);
  return SUCCESS;
};
