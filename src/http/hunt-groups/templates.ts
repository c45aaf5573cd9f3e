import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ApiError } from '../../domain/errors.js';
import type { Scope } from '../../domain/model.js';
import { fieldProblems } from '../validation.js';
import { apioConfig } from '../../config/namespaces.js';
import { CreateHuntGroupDto } from './dto/hunt-group-body.dto.js';

type Plain = Record<string, unknown>;
const isPlainObject = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Hunt group templates: named default values from the settings file. A template fills only what
 * the body leaves out, and may use {{tenant_id}} and {{group_id}}.
 */
@Injectable()
export class HuntGroupTemplates implements OnModuleInit {
  constructor(@Inject(apioConfig.KEY) private readonly settings: ConfigType<typeof apioConfig>) {}

  private get templates(): Record<string, Plain> {
    return this.settings.TEMPLATES.hunt_groups ?? {};
  }

  /** A template that could never give a valid hunt group stops the boot, naming the template and field. */
  onModuleInit(): void {
    for (const [name, template] of Object.entries(this.templates)) {
      const problems = validate(fill(template, 'tenant', 'group'));
      if (problems) throw new Error(`TEMPLATES.hunt_groups.${name} is invalid: ${problems}`);
    }
  }

  /** The body with its template's defaults under it (validated again as a whole), or the body when it names none. */
  resolve(body: CreateHuntGroupDto, { tenantId, groupId }: Scope): CreateHuntGroupDto {
    return body.templateName === undefined ? body : this.apply(body, body.templateName, tenantId, groupId);
  }

  /** The body with the template's defaults under it, validated again as a whole. */
  apply(body: CreateHuntGroupDto, templateName: string, tenantId: string, groupId: string): CreateHuntGroupDto {
    const template = Object.hasOwn(this.templates, templateName) ? this.templates[templateName] : undefined;
    if (!template) {
      const known = Object.keys(this.templates);
      throw ApiError.badRequest(
        'UNKNOWN_TEMPLATE',
        `templateName: no hunt group template is called "${templateName}" (known: ${known.join(', ') || 'none'})`,
      );
    }
    const merged = mergeUnder(body as unknown as Plain, fill(template, tenantId, groupId));
    const problems = validate(merged);
    if (problems)
      throw ApiError.badRequest(
        'TEMPLATE_INVALID',
        `Template "${templateName}" gives invalid values here: ${problems}`,
      );
    return plainToInstance(CreateHuntGroupDto, merged);
  }
}

function validate(candidate: Plain): string | undefined {
  const errors = validateSync(plainToInstance(CreateHuntGroupDto, candidate), { whitelist: true });
  if (errors.length === 0) return undefined;
  return fieldProblems(errors)
    .map((p) => `${p.field}: ${p.reasons.join(', ')}`)
    .join('; ');
}

/** Replaces {{tenant_id}} and {{group_id}} in every string of the template. */
function fill(value: unknown, tenantId: string, groupId: string): Plain {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replaceAll('{{tenant_id}}', tenantId).replaceAll('{{group_id}}', groupId);
    if (Array.isArray(v)) return v.map(walk);
    if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as Plain;
}

/** The body wins; the template fills what the body leaves out, object by object. */
function mergeUnder(body: Plain, defaults: Plain): Plain {
  const merged: Plain = { ...defaults };
  for (const [key, value] of Object.entries(body)) {
    if (value === undefined) continue;
    merged[key] = isPlainObject(value) && isPlainObject(defaults[key]) ? mergeUnder(value, defaults[key]) : value;
  }
  return merged;
}
