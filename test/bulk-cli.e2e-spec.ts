import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runBulkCli } from '../src/cli/bulk-cli.js';
import { JobRunnerSettings } from '../src/domain/bulk/job-runner.js';
import { BASE, DRIVERS, startApp, type TestApp } from './support/harness.js';

const HEADER = 'action,serviceUserId,name,cliLastName,cliFirstName,agents,policy';
const row = (n: number, extra = '') =>
  `create,cli${n}@sip.netaxis.be,Cli ${n},Cli,N${n},ApioUserTest@sip.netaxis.be;ApioUserTest1@sip.netaxis.be,${extra || 'Regular'}`;

describe.each(DRIVERS)('npm run bulk against a running service on the %s gateway', (driver) => {
  let t: TestApp;
  let url: string;
  let dir: string;
  let out: string;
  let err: string;
  const io = {
    stdout: (s: string) => void (out += s),
    stderr: (s: string) => void (err += s),
    interactive: false,
    pollMs: 20,
  };
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  beforeEach(async () => {
    t = await startApp(driver, {
      overrides: [
        [JobRunnerSettings, { ...new JobRunnerSettings(), enabled: true, pollMs: 50, leaseMs: 2000, chunkItems: 15 }],
      ],
    });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'bulk-cli-'));
    out = '';
    err = '';
  });
  afterEach(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a CSV, shows progress, prints the report and exits 0 when every row succeeded', async () => {
    const csv = file('ok.csv', [HEADER, ...Array.from({ length: 40 }, (_, i) => row(i + 1))].join('\n'));
    const token = t.accessTokenOf('admin');
    const code = await runBulkCli(
      [csv, '--tenant', 'ApioSpTest', '--group', 'ApioGrpTest'],
      { baseUrl: url, token },
      io,
    );
    expect(code).toBe(0);
    expect(err).toMatch(/\[#+\] 100% 40\/40 \(0 failed\) done/);
    expect(out.split('\n').filter((l) => /^row /.test(l))).toHaveLength(40);
    expect(out).toMatch(/row +1 +done +cli1@sip\.netaxis\.be/);
    expect(out).toMatch(/: done, 40 done, 0 failed of 40/);
    expect((await t.http.get(BASE)).body.hunt_groups).toHaveLength(40);
  });

  it('exits 1 when rows failed, naming each failure; --url and --token win over the environment', async () => {
    await t.http
      .post(BASE)
      .send({
        serviceUserId: 'cli2@sip.netaxis.be',
        serviceInstanceProfile: { name: 'Taken', cliLastName: 'T', cliFirstName: 'T' },
      })
      .expect(201);
    const csv = file('some.csv', [HEADER, row(1), row(2), row(3)].join('\n'));
    const args = [csv, '--tenant', 'ApioSpTest', '--group', 'ApioGrpTest', '--url', url];
    const code = await runBulkCli(
      [...args, '--token', t.accessTokenOf('admin')],
      { baseUrl: 'http://nowhere.invalid', token: 'bad' },
      io,
    );
    expect(code).toBe(1);
    expect(out).toMatch(/row +2 +failed +cli2@sip\.netaxis\.be +CONFLICT: /);
    expect(out).toMatch(/: done, 2 done, 1 failed of 3/);
  });

  it('exits 2 when the upload is refused, naming each bad row; --partial runs the others', async () => {
    const csv = file('bad.csv', [HEADER, row(1), row(2, 'Sometimes'), row(3)].join('\n'));
    const args = [csv, '--tenant', 'ApioSpTest', '--group', 'ApioGrpTest'];
    const env = { baseUrl: url, token: t.accessTokenOf('admin') };
    expect(await runBulkCli(args, env, io)).toBe(2);
    expect(err).toMatch(/Refused \(400 INVALID_ROWS\)/);
    expect(err).toMatch(/row 2, policy: /);
    expect((await t.http.get(BASE)).body.hunt_groups).toEqual([]);
    out = '';
    expect(await runBulkCli([...args, '--partial'], env, io)).toBe(1);
    expect(out).toMatch(/: done, 2 done, 1 failed of 3/);
  });

  it('exits 2 with the usage, a missing file, or no token', async () => {
    expect(await runBulkCli(['x.csv'], {}, io)).toBe(2);
    expect(err).toMatch(/usage: npm run bulk/);
    expect(await runBulkCli([join(dir, 'none.csv'), '--tenant', 'T', '--group', 'G'], { baseUrl: url }, io)).toBe(2);
    const csv = file('one.csv', [HEADER, row(1)].join('\n'));
    expect(await runBulkCli([csv, '--tenant', 'ApioSpTest', '--group', 'ApioGrpTest'], { baseUrl: url }, io)).toBe(2);
    expect(err).toMatch(/Refused \(401 UNAUTHENTICATED\)/);
  });
});
