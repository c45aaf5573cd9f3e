/**
 * `npm run bulk -- <file.csv|file.json> --tenant T --group G [--url URL] [--token TOKEN] [--partial]`:
 * uploads a bulk file to a running service, shows the job's progress on stderr while it runs,
 * prints the per-row report on stdout, and exits 0 when every row succeeded, 1 when rows failed
 * (or the job was cancelled), 2 when the upload was refused (each bad row named on stderr) or the
 * service could not be used. The URL and token default to HUNT_GROUP_API_URL and HUNT_GROUP_API_TOKEN.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { bulkCliEnvironment, type BulkCliEnvironment } from '../config/bulk-cli-settings.js';

const USAGE = `usage: npm run bulk -- <file.csv|file.json> --tenant T --group G [--url URL] [--token TOKEN] [--partial]
  --url      the service (default: HUNT_GROUP_API_URL, else http://localhost:3000)
  --token    a bearer token (default: HUNT_GROUP_API_TOKEN)
  --partial  run the valid rows even when some are refused (they are reported as failed)`;

interface JobItem {
  row: number;
  status: string;
  serviceUserId: string | null;
  error: { code: string; message: string; details?: unknown } | null;
}
interface Job {
  id: string;
  state: string;
  total: number;
  done: number;
  failed: number;
  items: JobItem[];
}

export interface BulkCliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether stderr is a terminal: the progress bar redraws one line there, and prints a line a step elsewhere. */
  interactive: boolean;
  /** Time between two looks at the job. */
  pollMs?: number;
}

const FINISHED = new Set(['done', 'failed', 'cancelled']);

/** Runs the command; answers the exit code. */
export async function runBulkCli(argv: string[], env: BulkCliEnvironment, io: BulkCliIo): Promise<number> {
  let options: { file: string; tenant: string; group: string; url: string; token?: string; partial: boolean };
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        tenant: { type: 'string' },
        group: { type: 'string' },
        url: { type: 'string' },
        token: { type: 'string' },
        partial: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1 || !values.tenant || !values.group)
      throw new Error('a file, --tenant and --group are required');
    options = {
      file: positionals[0],
      tenant: values.tenant,
      group: values.group,
      url: (values.url ?? env.baseUrl ?? 'http://localhost:3000').replace(/\/+$/, ''),
      token: values.token ?? env.token,
      partial: values.partial ?? false,
    };
  } catch (e) {
    io.stderr(`${e instanceof Error ? e.message : String(e)}\n${USAGE}\n`);
    return 2;
  }

  const headers: Record<string, string> = options.token ? { Authorization: `Bearer ${options.token}` } : {};
  const body = await readFile(options.file, 'utf8').catch((e: unknown) => e as Error);
  if (body instanceof Error) {
    io.stderr(`Cannot read ${options.file}: ${body.message}\n`);
    return 2;
  }
  const type = extname(options.file).toLowerCase() === '.json' ? 'application/json' : 'text/csv';
  const path = `/api/v1/tenants/${encodeURIComponent(options.tenant)}/groups/${encodeURIComponent(options.group)}/services/hunt_groups/bulk`;
  const upload = await call(`${options.url}${path}${options.partial ? '?partial=true' : ''}`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': `${type}; charset=utf-8` },
    body,
  });
  if ('failure' in upload) return fail(io, upload.failure);
  if (upload.status !== 202) return refused(io, upload.status, upload.body);
  const location = upload.location ?? `/api/v1/jobs/${(upload.body as Job).id}`;

  let job = upload.body as Job;
  const progress = new ProgressBar(io);
  while (!FINISHED.has(job.state)) {
    progress.show(job);
    await new Promise((r) => setTimeout(r, io.pollMs ?? 500));
    const next = await call(`${options.url}${location}`, { headers });
    if ('failure' in next) return fail(io, next.failure);
    if (next.status !== 200) return refused(io, next.status, next.body);
    job = next.body as Job;
  }
  progress.show(job);
  progress.end();
  io.stdout(report(job));
  return job.state === 'done' && job.failed === 0 ? 0 : 1;
}

/** One line per row, then the totals. */
function report(job: Job): string {
  const width = Math.max(...job.items.map((i) => i.status.length), 6);
  const lines = job.items.map((i) => {
    const what = i.error ? `${i.error.code}: ${i.error.message}${problemsOf(i.error.details)}` : '';
    return `row ${String(i.row).padStart(5)}  ${i.status.padEnd(width)}  ${i.serviceUserId ?? '-'}${what ? `  ${what}` : ''}`;
  });
  return `${lines.join('\n')}\njob ${job.id}: ${job.state}, ${job.done} done, ${job.failed} failed of ${job.total}\n`;
}

const problemsOf = (details: unknown): string =>
  Array.isArray(details)
    ? ` (${details
        .map((d: { field?: string; reasons?: string[] }) => `${d.field}: ${(d.reasons ?? []).join(', ')}`)
        .join('; ')})`
    : '';

function refused(io: BulkCliIo, status: number, body: unknown): number {
  const answer = (body ?? {}) as { error?: string; code?: string; details?: unknown };
  io.stderr(`Refused (${status} ${answer.code ?? ''}): ${answer.error ?? JSON.stringify(body)}\n`);
  if (Array.isArray(answer.details)) {
    for (const d of answer.details as { row?: number; field?: string; reasons?: string[] }[]) {
      io.stderr(`  ${d.row !== undefined ? `row ${d.row}, ` : ''}${d.field}: ${(d.reasons ?? []).join(', ')}\n`);
    }
  }
  return 2;
}

function fail(io: BulkCliIo, message: string): number {
  io.stderr(`${message}\n`);
  return 2;
}

async function call(
  url: string,
  init: RequestInit,
): Promise<{ status: number; body: unknown; location?: string } | { failure: string }> {
  try {
    const res = await fetch(url, init);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: shown as it came.
    }
    return { status: res.status, body, location: res.headers.get('location') ?? undefined };
  } catch (e) {
    return { failure: `Cannot reach ${url}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** `[#########-----------]  45% 450/1000 (3 failed) running`, redrawn in place on a terminal. */
class ProgressBar {
  private last = '';
  constructor(private readonly io: BulkCliIo) {}

  show(job: Job): void {
    const ran = job.done + job.failed;
    const share = job.total > 0 ? ran / job.total : 1;
    const filled = Math.round(share * 30);
    const line = `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ${ran}/${job.total} (${job.failed} failed) ${job.state}`;
    if (line === this.last) return;
    this.last = line;
    this.io.stderr(this.io.interactive ? `\r${line}` : `${line}\n`);
  }

  end(): void {
    if (this.io.interactive) this.io.stderr('\n');
  }
}

// Run only as the entry point (node dist/cli/bulk-cli.js), not when a test imports it.
if (process.argv[1]?.endsWith('bulk-cli.js')) {
  const code = await runBulkCli(process.argv.slice(2), bulkCliEnvironment(), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    interactive: process.stderr.isTTY === true,
  });
  process.exitCode = code;
}
