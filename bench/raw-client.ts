/**
 * Baseline (e): the same OCI-P exchanges a REST call makes, straight through the project's TCP
 * gateway (pool of the same size), without NestJS or HTTP: what OCI-P alone costs.
 */
import { TcpOciGateway } from '../src/broadworks/oci/tcp/index.js';
import type { OciRequest } from '../src/ocip/commands.js';
import { toAddRequest } from '../src/broadworks/hunt-group.mapper.js';
import { rowsRequest } from '../src/broadworks/hunt-group-pages.mapper.js';

const T = 'ApioSpTest';
const G = 'ApioGrpTest';

/** The documents of each REST call, in order (see README, "The API in short"). */
export const EXCHANGES: Record<string, (n: number, fixture: string) => OciRequest[][]> = {
  'GET one': (_n, id) => [[{ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: id }, row(id)]],
  'GET list': () => [
    [
      list(),
      {
        $type: 'GroupDepartmentGetListRequest18',
        serviceProviderId: T,
        groupId: G,
        includeEnterpriseDepartments: true,
      },
    ],
  ],
  PUT: (n, id) => [
    [{ $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: id }, row(id)],
    [
      { $type: 'GroupHuntGroupModifyInstanceRequest', serviceUserId: id, noAnswerNumberOfRings: 1 + (n % 20) },
      { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: id },
      row(id),
    ],
  ],
  'POST+DELETE': (n) => {
    const id = `raw${process.pid}x${n}@sip.netaxis.be`;
    return [
      [add(id), { $type: 'GroupHuntGroupGetInstanceRequest20', serviceUserId: id }, row(id)],
      [row(id)],
      [{ $type: 'GroupHuntGroupDeleteInstanceRequest', serviceUserId: id }],
    ];
  },
};

function list(): OciRequest {
  return { $type: 'GroupHuntGroupGetInstanceListRequest', serviceProviderId: T, groupId: G };
}

/** A hunt group's row of the list, found by its id (how the service proves it is the group's). */
function row(id: string): OciRequest {
  return rowsRequest({ tenantId: T, groupId: G }, [id]);
}

/** The add a POST of the benchmark's body sends: the same mapper and defaults as the service. */
function add(serviceUserId: string): OciRequest {
  const fields = { serviceInstanceProfile: { name: 'Bench', cliLastName: 'Bench', cliFirstName: 'Mark' } };
  return toAddRequest({ tenantId: T, groupId: G }, serviceUserId, fields);
}

export interface RawResult {
  callsPerSecond: number;
  p50: number;
  p99: number;
}

/**
 * `concurrency` workers in a closed loop for `seconds`, each doing one REST call's exchanges at a
 * time. POST+DELETE counts as two calls, as it is two REST calls.
 */
export async function runRaw(
  port: number,
  poolSize: number,
  route: string,
  concurrency: number,
  seconds: number,
  fixture: string,
): Promise<RawResult> {
  const gateway = await simulatorGateway(port, poolSize, 30000);
  let latencies: number[] = [];
  let n = 0;
  let deadline = Date.now() + 1000;
  const callsPerExchange = route === 'POST+DELETE' ? 2 : 1;
  const worker = async () => {
    while (Date.now() < deadline) {
      const documents = EXCHANGES[route](n++, fixture);
      const started = performance.now();
      for (const document of documents) await gateway.send(...document);
      const each = (performance.now() - started) / callsPerExchange;
      for (let i = 0; i < callsPerExchange; i++) latencies.push(each);
    }
  };
  // One second of warm-up (JIT), not counted, as for the REST runs.
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies = [];
  deadline = Date.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  await gateway.onModuleDestroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return { callsPerSecond: latencies.length / elapsed, p50: at(0.5), p99: at(0.99) };
}

/** A gateway of the bench's own to the OCI-P simulator on `port`, logged in as its administrator, silent. */
export async function simulatorGateway(
  port: number,
  poolSize: number,
  requestTimeoutMs: number,
): Promise<TcpOciGateway> {
  const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const gateway = new TcpOciGateway({
    host: '127.0.0.1',
    port,
    userId: 'admin',
    password: 'admin',
    poolSize,
    queueLimit: 100000,
    connectTimeoutMs: 5000,
    requestTimeoutMs,
    reconnectBaseMs: 100,
    reconnectMaxMs: 1000,
    logger: silent,
  });
  await gateway.onModuleInit();
  return gateway;
}
