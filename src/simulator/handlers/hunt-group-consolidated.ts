/**
 * R25's consolidated hunt group commands. Add and modify carry the activation too, all or nothing
 * (a refused add or modify leaves the activation undone); delete can give the numbers back.
 */
import type {
  GroupHuntGroupConsolidatedAddInstanceRequest,
  GroupHuntGroupConsolidatedDeleteInstanceRequest,
  GroupHuntGroupConsolidatedModifyInstanceRequest,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import type { Handler } from './handler.js';
import { addHuntGroup } from './hunt-group-add.js';
import { deleteHuntGroup } from './hunt-group-delete.js';
import { modifyHuntGroup } from './hunt-group-modify.js';

export const consolidatedAddHuntGroup: Handler<GroupHuntGroupConsolidatedAddInstanceRequest> = (world, command) => {
  const { isActive, addPhoneNumberToGroup: _add, ...add } = command;
  const outcome = addHuntGroup(world, { ...add, $type: 'GroupHuntGroupAddInstanceRequest20' });
  if (!(outcome instanceof OciErrorResponse)) world.huntGroups.get(command.serviceUserId)!.isActive = isActive;
  return outcome;
};

export const consolidatedModifyHuntGroup: Handler<GroupHuntGroupConsolidatedModifyInstanceRequest> = (
  world,
  command,
) => {
  const { isActive, unassignPhoneNumbers: _unassign, addPhoneNumberToGroup: _add, ...modify } = command;
  const outcome = modifyHuntGroup(world, { ...modify, $type: 'GroupHuntGroupModifyInstanceRequest' });
  if (!(outcome instanceof OciErrorResponse) && isActive !== undefined)
    world.huntGroups.get(command.serviceUserId)!.isActive = isActive;
  return outcome;
};

/**
 * The delete, and with unassignPhoneNumbers the hunt group's primary and alternate numbers taken
 * from its group. The simulated world has no service provider pool of numbers, so `Service
 * Provider` takes them from the group as `Group` does.
 */
export const consolidatedDeleteHuntGroup: Handler<GroupHuntGroupConsolidatedDeleteInstanceRequest> = (
  world,
  command,
) => {
  const huntGroup = world.huntGroups.get(command.serviceUserId);
  const numbers = huntGroup
    ? [
        huntGroup.profile.phoneNumber,
        ...(huntGroup.services?.['Alternate Numbers']?.slots ?? []).map((slot) => slot?.phoneNumber),
      ].filter((n): n is string => n !== undefined)
    : [];
  const outcome = deleteHuntGroup(world, {
    $type: 'GroupHuntGroupDeleteInstanceRequest',
    serviceUserId: command.serviceUserId,
  });
  if (outcome instanceof OciErrorResponse || !huntGroup || command.unassignPhoneNumbers === undefined) return outcome;
  const group = world.group(huntGroup.serviceProviderId, huntGroup.groupId);
  if (group) group.phoneNumbers = group.phoneNumbers.filter((n) => !numbers.includes(n));
  return outcome;
};
