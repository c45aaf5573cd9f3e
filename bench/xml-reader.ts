/**
 * `npm run bench:xml`: the cost of writing and reading one OCI-P document, the answer to a GET one
 * (instance with two agents + the group's list), since parsing is most of what a TCP round trip costs.
 */
import {
  encodeDocument,
  readDocument,
  writeDocument,
  type OciDocumentCommand,
} from '../src/broadworks/oci/protocol/index.js';
import { BroadWorksEngine } from '../src/simulator/engine.js';
import { addCommand, USER, USER1 } from '../src/simulator/testing/fixtures.js';
import type { OciRequest } from '../src/broadworks/oci/commands.js';

// The simulator's own fixture: hunt group hg1 with two agents, added to the demo world.
const engine = BroadWorksEngine.fromFile('env/demo-world.json');
engine.execute(addCommand({ agentUserId: [USER, USER1] }));
const commands: OciRequest[] = [
  { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: 'hg1@sip.netaxis.be' },
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
