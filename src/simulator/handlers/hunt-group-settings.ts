/** The hunt group settings (policy, forwarding, busy...) as they travel in add, get and modify. */
import type { HuntGroupSettings } from '../../ocip/commands.js';

/** Schema order of the settings in every hunt group command. */
export const SETTING_NAMES = [
  'policy',
  'huntAfterNoAnswer',
  'noAnswerNumberOfRings',
  'forwardAfterTimeout',
  'forwardTimeoutSeconds',
  'forwardToPhoneNumber',
  'allowCallWaitingForAgents',
  'useSystemHuntGroupCLIDSetting',
  'includeHuntGroupNameInCLID',
  'enableNotReachableForwarding',
  'notReachableForwardToPhoneNumber',
  'makeBusyWhenNotReachable',
  'allowMembersToControlGroupBusy',
  'enableGroupBusy',
  'applyGroupBusyWhenTerminatingToAgent',
  'networkClassOfService',
] as const satisfies readonly (keyof HuntGroupSettings)[];

/** Copies the settings out of a command (which carries other elements beside them). */
export function pickSettings(source: HuntGroupSettings): HuntGroupSettings {
  const settings: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) if (source[name] !== undefined) settings[name] = source[name];
  return settings as unknown as HuntGroupSettings;
}

/**
 * Applies a modify request's settings: `undefined` leaves a setting as it is, `null` (xsi:nil,
 * only where the schema allows it) clears it.
 */
export function modifySettings(
  current: HuntGroupSettings,
  changes: Partial<Record<keyof HuntGroupSettings, unknown>>,
): HuntGroupSettings {
  const next: Record<string, unknown> = { ...current };
  for (const name of SETTING_NAMES) {
    const change = changes[name];
    if (change === null) delete next[name];
    else if (change !== undefined) next[name] = change;
  }
  return next as unknown as HuntGroupSettings;
}
