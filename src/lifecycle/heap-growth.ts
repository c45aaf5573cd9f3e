import { setFlagsFromString } from 'node:v8';

/**
 * How far V8 lets the heap grow past what a full collection left alive before collecting again:
 * 40%, where V8 on its own allows up to 300% when the process runs fast. The service makes garbage
 * quickly (each OCI-P answer becomes objects that live for about one round trip), and some of it
 * outlives the young generation; with V8's default, an export of 10,000 hunt groups took the
 * process from 170 MB to 240 MB of RSS before a full collection. With 40% it peaks near 180 MB
 * (60% left it at 183 to 205 MB), and neither the export nor a bulk job is slower (README, "Scale
 * and paging"). A --heap-growing-percent given to node on its command line wins (V8 refuses it
 * in NODE_OPTIONS).
 */
export function limitHeapGrowth(percent = 40): void {
  if (process.execArgv.some((arg) => arg.startsWith('--heap-growing-percent'))) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
}
