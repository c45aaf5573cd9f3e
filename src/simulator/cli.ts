/**
 * `npm run simulator`: serves a simulated BroadWorks over OCI-P.
 *
 *   node dist/simulator/cli.js [--host 127.0.0.1] [--port 2208] [--world env/demo-world.json]
 *        [--user admin --password admin] [--tls-key key.pem --tls-cert cert.pem] [--latency-ms 0]
 *        [--plain-password-needs-tls]
 *
 * Without --user/--password, the world file's administrators may log in. --port 0 picks a free port.
 * --plain-password-needs-tls refuses a login with the password in clear on plain TCP (BroadWorks accepts it).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BroadWorksEngine } from './engine.js';
import { startOciSimulator } from './server.js';

const USAGE =
  'usage: simulator [--host H] [--port P] [--world FILE] [--user U --password P] [--tls-key FILE --tls-cert FILE] [--latency-ms N] [--plain-password-needs-tls]';

function parse() {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      world: { type: 'string', default: 'env/demo-world.json' },
      user: { type: 'string' },
      password: { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'latency-ms': { type: 'string', default: '0' },
      'plain-password-needs-tls': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const tlsFiles = [values['tls-key'], values['tls-cert']];
  if (tlsFiles.filter(Boolean).length === 1) throw new Error('--tls-key and --tls-cert go together');
  if ((values.user === undefined) !== (values.password === undefined))
    throw new Error('--user and --password go together');
  const number = (name: string, text: string, max: number): number => {
    const n = Number(text);
    if (!/^\d+$/.test(text) || n > max) throw new Error(`--${name} must be an integer from 0 to ${max}, not ${text}`);
    return n;
  };
  const secure = values['tls-key'] !== undefined;
  return {
    host: values.host,
    port: number('port', values.port ?? (secure ? '2209' : '2208'), 65535),
    world: values.world,
    credentials: values.user !== undefined ? [{ userId: values.user, password: values.password! }] : undefined,
    tls: secure ? { key: readFileSync(values['tls-key']!), cert: readFileSync(values['tls-cert']!) } : undefined,
    latencyMs: number('latency-ms', values['latency-ms'], 600000),
    plainPasswordNeedsTls: values['plain-password-needs-tls'],
  };
}

async function main(): Promise<void> {
  const options = parse();
  const engine = BroadWorksEngine.fromFile(options.world);
  const simulator = await startOciSimulator({ ...options, engine });
  const logins = options.credentials
    ? options.credentials.map((c) => c.userId).join(', ')
    : `the administrators of ${options.world}`;
  console.log(
    `OCI-P simulator listening on ${simulator.host}:${simulator.port} (${options.tls ? 'TLS' : 'plain TCP'}), world ${options.world}, ` +
      `logins: ${logins}${options.latencyMs > 0 ? `, latency ${options.latencyMs} ms` : ''}`,
  );
  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`simulator: ${error instanceof Error ? error.message : String(error)}`);
  console.error(USAGE);
  process.exit(1);
});
