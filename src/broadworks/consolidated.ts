import type { Action, ChangePlan } from '../domain/change-plan.js';
import type { Scope } from '../domain/model.js';
import type {
  GroupHuntGroupConsolidatedAddInstanceRequest,
  GroupHuntGroupConsolidatedModifyInstanceRequest,
} from '../ocip/commands.js';
import type { Step } from './all-or-nothing.js';
import { commandOf, toAddRequest, toModifyRequest } from './hunt-group.mapper.js';

/**
 * A plan's steps, with R25's one-command forms where they spare a command: a create of an
 * inactive hunt group (add, then deactivate) is one GroupHuntGroupConsolidatedAddInstanceRequest
 * with isActive, an update that changes settings and the activation one
 * GroupHuntGroupConsolidatedModifyInstanceRequest. One command is applied or refused whole, so the
 * fused step's undo is its parts' undos. Any other plan keeps its steps as they are.
 */
export function consolidatedSteps(scope: Scope, plan: ChangePlan, stepOf: (step: ChangePlan[number]) => Step): Step[] {
  const [first, second] = plan;
  const isActivation = (a: Action | undefined): a is Extract<Action, { kind: 'activate' }> => a?.kind === 'activate';
  if (plan.length === 2 && first.action.kind === 'add' && isActivation(second.action)) {
    const add = first.action;
    if (second.action.serviceUserId === add.serviceUserId) {
      const command: GroupHuntGroupConsolidatedAddInstanceRequest = {
        ...toAddRequest(scope, add.serviceUserId, add.fields),
        $type: 'GroupHuntGroupConsolidatedAddInstanceRequest',
        isActive: second.action.active,
      };
      return [{ command, undo: first.undo.map((a) => commandOf(scope, a)) }];
    }
  }
  if (
    plan.length === 2 &&
    first.action.kind === 'modify' &&
    isActivation(second.action) &&
    !first.irreversible &&
    second.action.serviceUserId === first.action.serviceUserId
  ) {
    const command: GroupHuntGroupConsolidatedModifyInstanceRequest = {
      ...toModifyRequest(first.action.serviceUserId, first.action.change),
      $type: 'GroupHuntGroupConsolidatedModifyInstanceRequest',
      isActive: second.action.active,
    };
    return [{ command, undo: [...first.undo, ...second.undo].map((a) => commandOf(scope, a)) }];
  }
  return plan.map(stepOf);
}
