/** UserModifyUserIdRequest: renames a real or virtual user everywhere it is referred to. */
import type { UserModifyUserIdRequest } from '../../ocip/commands.js';
import { ociError } from '../errors.js';
import { SUCCESS, type Handler } from './handler.js';
import { checkNewUserId } from './rules.js';

export const modifyUserId: Handler<UserModifyUserIdRequest> = (world, { userId, newUserId }) => {
  const user = world.users.get(userId);
  const huntGroup = world.huntGroups.get(userId);
  const owner = user ?? huntGroup;
  if (!owner) return ociError('userNotFound', userId);
  // Renaming to the current id changes nothing, so there is nothing to refuse.
  if (newUserId === userId) return SUCCESS;
  const group = world.group(owner.serviceProviderId, owner.groupId);
  if (!group) return ociError('groupNotFound', owner.groupId);
  const problem = checkNewUserId(world, group, newUserId);
  if (problem) return problem;

  if (user) {
    world.users.delete(userId);
    world.users.set(newUserId, { ...user, userId: newUserId });
    for (const h of world.huntGroups.values()) {
      h.agents = h.agents.map((a) => (a.userId === userId ? { ...a, userId: newUserId } : a));
    }
  }
  if (huntGroup) {
    world.huntGroups.delete(userId);
    world.huntGroups.set(newUserId, { ...huntGroup, serviceUserId: newUserId });
  }
  return SUCCESS;
};
