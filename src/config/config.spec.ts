import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { IdGenerationService } from '../domain/id-generation/id-generation.service.js';
import { loadApioSettings } from './apio-settings.js';
import { parseTrustProxy, validateEnvironment } from './environment.js';

const settingsFile = (content: string): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.json');
  writeFileSync(file, content);
  return file;
};

describe('environment', () => {
  it('gives the defaults: memory driver on the demo world, port 3000', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      PORT: 3000,
      OCI_DRIVER: 'memory',
      SIMULATOR_WORLD_FILE: 'env/demo-world.json',
      OCI_PORT: 2208,
      OCI_TLS: false,
    });
  });

  it('converts well-formed numbers and booleans', () => {
    expect(validateEnvironment({ PORT: '8080', OCI_TLS: 'true', OCI_POOL_SIZE: '8' })).toMatchObject({
      PORT: 8080,
      OCI_TLS: true,
      OCI_POOL_SIZE: 8,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ OCI_DRIVER: 'soap' }, 'OCI_DRIVER'],
    [{ OCI_TLS: 'yes' }, 'OCI_TLS'],
    [{ OCI_POOL_SIZE: '0' }, 'OCI_POOL_SIZE'],
    [{ OCI_DRIVER: 'tcp' }, 'OCI_HOST'],
    [{ OCI_DRIVER: 'tcp', OCI_HOST: 'bw', OCI_USER: 'u' }, 'OCI_PASSWORD'],
  ])('stops the boot on %j, naming %s', (env, setting) => {
    expect(() => validateEnvironment(env)).toThrow(new RegExp(`^Invalid configuration:[\\s\\S]*\\b${setting}=`));
  });
});

describe('store and proxy settings', () => {
  it('defaults to the embedded store in data/, schema public, no trusted proxy', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({ DATA_DIR: 'data', DATABASE_SCHEMA: 'public', DATABASE_POOL_SIZE: 10 });
    expect(env.DATABASE_URL).toBeUndefined();
    expect(parseTrustProxy(env.TRUST_PROXY)).toBe(false);
  });

  it.each([
    ['false', false],
    ['1', 1],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.10,::1', ['10.0.0.0/8', '192.168.1.10', '::1']],
  ])('reads TRUST_PROXY=%s', (value, parsed) => {
    expect(parseTrustProxy(validateEnvironment({ TRUST_PROXY: value }).TRUST_PROXY)).toEqual(parsed);
  });

  it.each([
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY="true": .*true \(any sender may set the client address\) is refused/],
    [{ TRUST_PROXY: '0' }, /TRUST_PROXY="0"/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /not an address or subnet: 10.0.0.0\/33/],
    [{ TRUST_PROXY: 'proxy.example' }, /not an address or subnet: proxy.example/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL=\(hidden\): DATABASE_URL must be a postgres/],
    [{ DATABASE_SCHEMA: 'Public; drop' }, /DATABASE_SCHEMA="Public; drop"/],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '0' }, /DATABASE_STATEMENT_TIMEOUT_MS/],
  ])('stops the boot on %j', (env, message) => {
    expect(() => validateEnvironment(env)).toThrow(message);
  });

  it('never shows the database password in a boot error', () => {
    expect(() => validateEnvironment({ DATABASE_URL: 'postgres://u:s3cret@h/db', PORT: 'x' })).toThrow(/PORT/);
    expect(() => validateEnvironment({ DATABASE_URL: 'postgres://u:s3cret@h/db', PORT: 'x' })).not.toThrow(/s3cret/);
  });
});

describe('APIO settings file', () => {
  it('reads the shipped file', () => {
    const settings = loadApioSettings('env/settings.json');
    expect(settings.AUTOMATIC_ID_RULES.SUID_HUNT_GROUP_RULE).toBe('{{group_id}}_hg{{RND_4}}@{{domain}}');
    expect(Object.keys(settings.TEMPLATES.hunt_groups)).toContain('basic');
  });

  it("takes APIO's defaults for what the file leaves out", () => {
    const settings = loadApioSettings(settingsFile('{}'));
    expect(settings.AUTOMATIC_ID_RULES).toMatchObject({
      SUID_HUNT_GROUP_AUTO_GENERATE: false,
      SERVICE_USERS_UPDATE_ID_PHONE_NUMBER: false,
    });
    expect(settings.GROUP_NUMBERS_USE_CC_CLI).toBe(false);
  });

  it.each([
    ['{"GROUP_NUMBERS_USE_CC_CLI": "yes"}', /GROUP_NUMBERS_USE_CC_CLI/],
    [
      '{"AUTOMATIC_ID_RULES": {"SUID_HUNT_GROUP_AUTO_GENERATE": 1}}',
      /AUTOMATIC_ID_RULES\.SUID_HUNT_GROUP_AUTO_GENERATE/,
    ],
    ['{"TEMPLATES": {"hunt_groups": {"basic": 3}}}', /TEMPLATES\.hunt_groups\.basic/],
    ['[1]', /must hold a JSON object/],
    ['{not json', /cannot be read as JSON/],
  ])('stops the boot on %s', (content, message) => {
    expect(() => loadApioSettings(settingsFile(content))).toThrow(message);
  });

  it('stops the boot on an id rule that can never give a valid id, naming the setting', () => {
    const settings = loadApioSettings(
      settingsFile('{"AUTOMATIC_ID_RULES": {"SUID_HUNT_GROUP_RULE": "{{grp}}@{{domain}}"}}'),
    );
    expect(() => new IdGenerationService(settings)).toThrow(
      /^AUTOMATIC_ID_RULES\.SUID_HUNT_GROUP_RULE="\{\{grp\}\}@\{\{domain\}\}": unknown placeholder/,
    );
  });
});
