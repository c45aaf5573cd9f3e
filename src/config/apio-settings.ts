import { readFileSync } from 'node:fs';
import { plainToInstance, Type } from 'class-transformer';
import {
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  MinLength,
  ValidateNested,
  validateSync,
  type ValidationError,
} from 'class-validator';

/** APIO's AUTOMATIC_ID_RULES block, with APIO's defaults. */
export class AutomaticIdRules {
  @IsBoolean()
  SUID_HUNT_GROUP_AUTO_GENERATE = false;

  @IsString()
  @MinLength(1)
  SUID_HUNT_GROUP_RULE = '{{group_id}}_hg{{RND_4}}@{{domain}}';

  @IsBoolean()
  SERVICE_USERS_UPDATE_ID_PHONE_NUMBER = false;
}

/** Named default values per endpoint; `hunt_groups` is the one this service uses. */
export class Templates {
  @IsOptional()
  @IsObject()
  hunt_groups: Record<string, Record<string, unknown>> = {};
}

/** The APIO settings file (JSON), read once at boot. */
export class ApioSettings {
  @ValidateNested()
  @Type(() => AutomaticIdRules)
  AUTOMATIC_ID_RULES: AutomaticIdRules = new AutomaticIdRules();

  @IsBoolean()
  GROUP_NUMBERS_USE_CC_CLI = false;

  @ValidateNested()
  @Type(() => Templates)
  TEMPLATES: Templates = new Templates();
}

function describe(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = `${prefix}${e.property}`;
    const own = e.constraints
      ? [`  ${path}=${JSON.stringify(e.value)}: ${Object.values(e.constraints).join('; ')}`]
      : [];
    return [...own, ...describe(e.children ?? [], `${path}.`)];
  });
}

/** Reads and validates the settings file; a missing key takes APIO's default, a bad one stops the boot. */
export function loadApioSettings(file: string): ApioSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`APIO_SETTINGS_FILE=${file}: cannot be read as JSON: ${(e as Error).message}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new Error(`APIO_SETTINGS_FILE=${file}: must hold a JSON object`);
  }
  const settings = plainToInstance(ApioSettings, raw, { exposeDefaultValues: true });
  const errors = validateSync(settings);
  if (errors.length > 0) throw new Error(`Invalid settings in ${file}:\n${describe(errors).join('\n')}`);
  for (const [name, template] of Object.entries(settings.TEMPLATES.hunt_groups ?? {})) {
    if (typeof template !== 'object' || template === null || Array.isArray(template)) {
      throw new Error(
        `Invalid settings in ${file}:\n  TEMPLATES.hunt_groups.${name}: must be an object of default values`,
      );
    }
  }
  return settings;
}
