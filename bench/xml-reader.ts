/**
 * `npm run bench:xml`: the cost of writing and reading one OCI-P document, the answer to a GET one
 * (instance with two agents + the group's list), since parsing is most of what a TCP round trip costs.
 */
import { encodeDocument, readDocument, writeDocument, type OciDocumentCommand } from '../src/oci/protocol/index.js';
import { BroadWorksEngine } from '../src/simulator/engine.js';
import type { OciRequest } from '../src/oci/commands.js';

const engine = BroadWorksEngine.fromFile('env/demo-world.json');
engine.execute({
  $type: 'GroupHuntGroupAddInstanceRequest20',
  serviceProviderId: 'ApioSpTest',
  groupId: 'ApioGrpTest',
  serviceUserId: 'xml@sip.netaxis.be',
  agentUserId: ['ApioUserTest@sip.netaxis.be', 'ApioUserTest1@sip.netaxis.be'],
  serviceInstanceProfile: { name: 'n', callingLineIdLastName: 'l', callingLineIdFirstName: 'f' },
  policy: 'Regular',
  huntAfterNoAnswer: false,
  noAnswerNumberOfRings: 5,
  forwardAfterTimeout: false,
  forwardTimeoutSeconds: 0,
  allowCallWaitingForAgents: false,
  useSystemHuntGroupCLIDSetting: true,
  includeHuntGroupNameInCLID: true,
  enableNotReachableForwarding: false,
  makeBusyWhenNotReachable: false,
  allowMembersToControlGroupBusy: false,
  enableGroupBusy: false,
  applyGroupBusyWhenTerminatingToAgent: false,
});
const commands: OciRequest[] = [
  { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'xml@sip.netaxis.be' },
  { $type: 'GroupHuntGroupGetInstanceListRequest', serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' },
];
const answers = commands.map((c) => engine.execute(c) as unknown as OciDocumentCommand);
const request = commands as unknown as OciDocumentCommand[];

function time(label: string, run: () => unknown, n = 5000): void {
  for (let i = 0; i < 500; i++) run();
  const started = performance.now();
  for (let i = 0; i < n; i++) run();
  console.log(`${label.padEnd(24)} ${(((performance.now() - started) / n) * 1000).toFixed(0).padStart(6)} µs`);
}

const requestBytes = encodeDocument(writeDocument('s', request));
const answerBytes = encodeDocument(writeDocument('s', answers));
console.log(`request ${requestBytes.length} bytes, answer ${answerBytes.length} bytes`);
time('write request', () => encodeDocument(writeDocument('s', request)));
time('read request', () => readDocument(requestBytes));
time('write answer', () => encodeDocument(writeDocument('s', answers)));
time('read answer', () => readDocument(answerBytes));
