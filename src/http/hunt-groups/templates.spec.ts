import { describe, expect, it } from '@jest/globals';
import { plainToInstance } from 'class-transformer';
import { ApiError } from '../../domain/errors.js';
import { ApioSettings } from '../../config/apio-settings.js';
import { CreateHuntGroupDto } from './dto/hunt-group-body.dto.js';
import { HuntGroupTemplates } from './templates.js';

const withTemplates = (hunt_groups: Record<string, Record<string, unknown>>) => {
  const settings = new ApioSettings();
  settings.TEMPLATES.hunt_groups = hunt_groups;
  return new HuntGroupTemplates(settings);
};
const body = (plain: Record<string, unknown>) => plainToInstance(CreateHuntGroupDto, plain);

describe('HuntGroupTemplates', () => {
  it('fills only what the body leaves out, object by object, with tenant and group filled in', () => {
    const templates = withTemplates({
      basic: {
        policy: 'Circular',
        noAnswerNumberOfRings: 3,
        serviceInstanceProfile: { language: 'French', cliLastName: '{{group_id}}' },
        serviceUserId: '{{tenant_id}}-hg@x.be',
      },
    });
    const merged = templates.apply(
      body({ policy: 'Regular', serviceInstanceProfile: { name: 'Sales', language: 'English' } }),
      'basic',
      'T1',
      'G1',
    );
    expect(merged.policy).toBe('Regular');
    expect(merged.noAnswerNumberOfRings).toBe(3);
    expect(merged.serviceInstanceProfile).toMatchObject({ name: 'Sales', language: 'English', cliLastName: 'G1' });
    expect(merged.serviceUserId).toBe('T1-hg@x.be');
  });

  it('refuses an unknown template, or an inherited property name, with a 400', () => {
    const templates = withTemplates({ basic: {} });
    for (const name of ['nope', 'constructor', '__proto__']) {
      try {
        templates.apply(body({}), name, 'T', 'G');
        throw new Error('expected a refusal');
      } catch (e) {
        expect(e).toBeInstanceOf(ApiError);
        expect((e as ApiError).code).toBe('UNKNOWN_TEMPLATE');
      }
    }
  });

  it('refuses a template whose filled-in values break a bound', () => {
    const templates = withTemplates({ long: { serviceInstanceProfile: { cliLastName: '{{group_id}}{{group_id}}' } } });
    expect(() => templates.apply(body({}), 'long', 'T', 'G'.repeat(30))).toThrow(/cliLastName/);
  });

  it('stops the boot on a template that can never be valid, naming it and the field', () => {
    expect(() => withTemplates({ bad: { policy: 'Random' } }).onModuleInit()).toThrow(
      /^TEMPLATES\.hunt_groups\.bad is invalid: policy/,
    );
  });
});
