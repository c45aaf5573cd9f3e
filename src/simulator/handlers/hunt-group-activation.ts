/** GroupHuntGroupModifyActiveInstanceListRequest: (de)activates hunt groups, all of them or none. */
import type { GroupHuntGroupModifyActiveInstanceListRequest } from '../../ocip/commands.js';
import { ociError } from '../errors.js';
import { SUCCESS, type Handler } from './handler.js';

export const modifyActiveHuntGroups: Handler<GroupHuntGroupModifyActiveInstanceListRequest> = (world, command) => {
  const activations = command.serviceActivation ?? [];
  const seen = new Set<string>();
  for (const { serviceUserId } of activations) {
    if (!world.huntGroups.has(serviceUserId)) return ociError('userNotFound', serviceUserId);
    // Listing a hunt group twice would make the outcome depend on order: refuse it.
    if (seen.has(serviceUserId)) return ociError('duplicateServiceUser', serviceUserId);
    seen.add(serviceUserId);
  }
  for (const { serviceUserId, isActive } of activations) world.huntGroups.get(serviceUserId)!.isActive = isActive;
  return SUCCESS;
};
