/**
 * Shared fixtures of the simulator's unit tests: the demo world, a valid hunt group to start from
 * and a way to run a command that must be refused and prove it changed nothing.
 * (No Jest import here, so the file also compiles in the production build.)
 */
import { fileURLToPath } from 'node:url';
import type { GroupHuntGroupAddInstanceRequest20, OciTable } from '../../ocip/commands.js';
import { OciErrorResponse } from '../../ocip/oci-errors.js';
import { BroadWorksEngine } from '../engine.js';

export const DEMO_WORLD_FILE = fileURLToPath(new URL('../../../env/demo-world.json', import.meta.url));

export const SP = 'ApioSpTest';
export const GROUP = 'ApioGrpTest';
export const HG = 'hg1@sip.netaxis.be';
export const USER = 'ApioUserTest@sip.netaxis.be';
export const USER1 = 'ApioUserTest1@sip.netaxis.be';
export const USER2 = 'ApioUserTest2@sip.netaxis.be';
export const OTHER_GROUP_USER = 'foouser@sip.netaxis.be';
export const FOO_AGENT = 'fooagent1@sip.netaxis.be';

export const demoEngine = (): BroadWorksEngine => BroadWorksEngine.fromFile(DEMO_WORLD_FILE);

/** A valid add of hunt group `hg1` in ApioGrpTest; override what a test is about. */
export function addCommand(
  overrides: Partial<GroupHuntGroupAddInstanceRequest20> = {},
): GroupHuntGroupAddInstanceRequest20 {
  return {
    $type: 'GroupHuntGroupAddInstanceRequest20',
    serviceProviderId: SP,
    groupId: GROUP,
    serviceUserId: HG,
    serviceInstanceProfile: { name: 'Sales', callingLineIdLastName: 'Sales', callingLineIdFirstName: 'Team' },
    policy: 'Regular',
    huntAfterNoAnswer: false,
    noAnswerNumberOfRings: 5,
    forwardAfterTimeout: false,
    forwardTimeoutSeconds: 0,
    agentUserId: [],
    allowCallWaitingForAgents: false,
    useSystemHuntGroupCLIDSetting: true,
    includeHuntGroupNameInCLID: true,
    enableNotReachableForwarding: false,
    makeBusyWhenNotReachable: false,
    allowMembersToControlGroupBusy: false,
    enableGroupBusy: false,
    applyGroupBusyWhenTerminatingToAgent: false,
    ...overrides,
  };
}

/** The demo world with hunt group `hg1` (agents USER then USER1) already added. */
export function engineWithHuntGroup(overrides: Partial<GroupHuntGroupAddInstanceRequest20> = {}): BroadWorksEngine {
  const engine = demoEngine();
  const outcome = engine.execute(addCommand({ agentUserId: [USER, USER1], ...overrides }));
  if (outcome instanceof OciErrorResponse) throw new Error(`fixture hunt group refused: ${outcome.summary}`);
  return engine;
}

export interface Refusal {
  code: number | undefined;
  summary: string;
  unchanged: boolean;
}

/** Runs a command expected to fail; compare the result with toEqual({ code, summary, unchanged: true }). */
export function refusal(engine: BroadWorksEngine, command: unknown): Refusal {
  const before = engine.snapshot();
  const outcome = engine.execute(command);
  const unchanged = engine.snapshot() === before;
  if (!(outcome instanceof OciErrorResponse))
    return { code: undefined, summary: `not an error: ${JSON.stringify(outcome)}`, unchanged };
  return { code: outcome.errorCode, summary: outcome.summary, unchanged };
}

/** Table rows as records keyed by heading, as clients read them. */
export function records(table: OciTable): Record<string, string>[] {
  return table.rows.map((row) => Object.fromEntries(table.headings.map((h, i) => [h, row[i] ?? ''])));
}
