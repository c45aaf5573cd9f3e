/** Builds TcpOciGateways for the tests: small pool, short timeouts, fast backoff, logs recorded. */
import { TcpOciGateway, type TcpGatewayOptions } from '../../../src/broadworks/oci/tcp/index.js';

export interface RecordedLogs {
  log: string[];
  warn: string[];
  error: string[];
}

export function testGateway(
  port: number,
  overrides: Partial<TcpGatewayOptions> = {},
): { gateway: TcpOciGateway; logs: RecordedLogs } {
  const logs: RecordedLogs = { log: [], warn: [], error: [] };
  const gateway = new TcpOciGateway({
    host: '127.0.0.1',
    port,
    userId: 'admin',
    password: 'admin',
    poolSize: 1,
    queueLimit: 20,
    connectTimeoutMs: 1000,
    requestTimeoutMs: 3000,
    reconnectBaseMs: 20,
    reconnectMaxMs: 200,
    shutdownTimeoutMs: 1000,
    logger: { log: (m) => logs.log.push(m), warn: (m) => logs.warn.push(m), error: (m) => logs.error.push(m) },
    ...overrides,
  });
  return { gateway, logs };
}

/** Waits until `condition` holds, polling; fails after `timeoutMs`. */
export async function eventually(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const DEMO_WORLD = 'env/demo-world.json';
export const GROUP = { serviceProviderId: 'ApioSpTest', groupId: 'ApioGrpTest' } as const;
