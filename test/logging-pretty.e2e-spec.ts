import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { logConfig, type LogConfig } from '../src/config/namespaces.js';
import { LOG_STREAM } from '../src/logging/logging.module.js';
import { BASE, startApp, type TestApp } from './support/harness.js';

/** A file of its own: the logging settings of a test file's first application stay (see logging.e2e-spec.ts). */
describe('logs with LOG_FORMAT=pretty', () => {
  let t: TestApp;
  let text = '';
  const capture = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += String(chunk);
      done();
    },
  });

  beforeAll(async () => {
    t = await startApp('memory', {
      overrides: [
        [logConfig.KEY, { level: 'info', format: 'pretty' } satisfies LogConfig],
        [LOG_STREAM, capture],
      ],
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('are one readable line per record, not JSON', async () => {
    await t.http.get(`${BASE}/`).set('X-Request-Id', 'pretty-1').expect(200);
    const line = text.split('\n').find((l) => l.includes('pretty-1') && l.includes('GET /api/v1/tenants/:tenantId'));
    expect(line).toBeDefined();
    expect(line).toMatch(/INFO/);
    expect(line).toMatch(/^\[?\d\d:\d\d:\d\d/);
    expect(() => JSON.parse(line!) as unknown).toThrow();
  });
});
