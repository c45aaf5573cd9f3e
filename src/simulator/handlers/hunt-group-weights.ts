/** GroupHuntGroupModifyInstanceWeightedCallDistributionRequest: sets agents' weights; agents left out get 0. */
import type { GroupHuntGroupModifyInstanceWeightedCallDistributionRequest } from '../../ocip/commands.js';
import { ociError } from '../errors.js';
import { SUCCESS, type Handler } from './handler.js';

export const modifyAgentWeights: Handler<GroupHuntGroupModifyInstanceWeightedCallDistributionRequest> = (
  world,
  command,
) => {
  const huntGroup = world.huntGroups.get(command.serviceUserId);
  if (!huntGroup) return ociError('userNotFound', command.serviceUserId);
  const agents = new Set(huntGroup.agents.map((a) => a.userId));
  const weights = new Map<string, number>();
  for (const { agentUserId, weight } of command.agentWeight ?? []) {
    if (!agents.has(agentUserId)) return ociError('notAnAgent', agentUserId);
    if (weights.has(agentUserId)) return ociError('duplicateAgent', agentUserId);
    weights.set(agentUserId, weight);
  }
  huntGroup.agents = huntGroup.agents.map(({ userId }) => ({ userId, weight: weights.get(userId) ?? 0 }));
  return SUCCESS;
};
