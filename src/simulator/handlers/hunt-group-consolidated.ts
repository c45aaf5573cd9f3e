/**
 * GroupHuntGroupConsolidatedAddInstanceRequest and …ConsolidatedModifyInstanceRequest: the add or
 * the modify and the activation in one command, all or nothing (a refused add or modify leaves
 * the activation undone too).
 */
import type {
  GroupHuntGroupConsolidatedAddInstanceRequest,
  GroupHuntGroupConsolidatedModifyInstanceRequest,
} from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import type { Handler } from './handler.js';
import { addHuntGroup } from './hunt-group-add.js';
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
