import {
  chmodSync,
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

/** Browsers a developer may have installed, tried last. */
const SYSTEM_CHROMIUMS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/**
 * A headless Chromium for the browser tests, with no set-up step beyond `npm ci`:
 * 1. `CHROMIUM_PATH`, when set (a developer's own browser);
 * 2. on Linux x64, the headless Chromium shipped inside the npm package `@sparticuz/chromium` (a
 *    devDependency; no install script, nothing downloaded): its brotli-compressed binary is
 *    unpacked once, about 3 s, into `node_modules/.cache/`, keyed by the package version;
 * 3. a system chromium (Debian's `/usr/bin/chromium`, …).
 *
 * Not the package's own `executablePath()`: it unpacks to the fixed `/tmp/chromium`, returns that
 * file as soon as it exists (half written by a concurrent run, or another version), and also
 * unpacks fonts and WebGL libraries the tests do not need.
 */
export async function findChromium(): Promise<string> {
  const given = process.env['CHROMIUM_PATH'];
  if (given) {
    if (!existsSync(given)) throw new Error(`CHROMIUM_PATH=${given} does not exist`);
    return given;
  }
  if (process.platform === 'linux' && process.arch === 'x64') {
    const packaged = await unpackPackagedChromium();
    if (packaged) return packaged;
  }
  const system = SYSTEM_CHROMIUMS.find((path) => existsSync(path));
  if (system) return system;
  throw new Error(
    'No Chromium for the browser tests: npm ci installs @sparticuz/chromium (Linux x64); elsewhere set CHROMIUM_PATH',
  );
}

/** The unpacked binary of @sparticuz/chromium, or undefined when the package is not installed. */
async function unpackPackagedChromium(): Promise<string | undefined> {
  let root: string;
  try {
    // The package's CommonJS entry is build/cjs/index.cjs; its root is two levels up.
    root = dirname(dirname(dirname(createRequire(import.meta.url).resolve('@sparticuz/chromium'))));
  } catch {
    return undefined;
  }
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const dir = join(root, '..', '..', '.cache', `sparticuz-chromium-${version}`);
  const binary = join(dir, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  // Unpacked under a name of its own, then renamed: a concurrent run never sees half a binary.
  const partial = `${binary}.${process.pid}.partial`;
  await pipeline(
    createReadStream(join(root, 'bin', 'chromium.br')),
    createBrotliDecompress(),
    createWriteStream(partial),
  );
  chmodSync(partial, 0o755);
  renameSync(partial, binary);
  return binary;
}
