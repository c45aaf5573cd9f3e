import { randomInt } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ConfigType } from '@nestjs/config';
import { ApiError } from '../errors.js';
import { apioConfig } from '../../config/namespaces.js';
import { idPartOf, IdRule, IdRuleError, MAX_USER_ID_LENGTH, type RuleValues } from './id-rule.js';
import { phoneParts } from './phone-parts.js';

/** How many fresh random parts a taken id is retried with before the create gives up with 409. */
export const MAX_ID_ATTEMPTS = 5;

/** What a rule is applied to: the URL's tenant and group, the group's domain and the profile. */
export interface IdContext {
  tenantId: string;
  groupId: string;
  /** The group's default domain (GroupGetRequest22V5). */
  domain: string;
  /** The group's calling line id number: the country of national numbers. */
  groupNumber?: string;
  name?: string;
  phoneNumber?: string;
}

const randomDigits = (n: number): string => Array.from({ length: n }, () => randomInt(10)).join('');

/** The hunt group service user id rules of AUTOMATIC_ID_RULES. */
@Injectable()
export class IdGenerationService {
  readonly rule: IdRule;
  readonly autoGenerate: boolean;
  readonly renameOnPhoneChange: boolean;

  /** The rule is parsed here, at boot: a rule that can never give a valid id stops the service. */
  constructor(@Inject(apioConfig.KEY) settings: ConfigType<typeof apioConfig>) {
    const rules = settings.AUTOMATIC_ID_RULES;
    try {
      this.rule = IdRule.parse(rules.SUID_HUNT_GROUP_RULE);
    } catch (e) {
      if (e instanceof IdRuleError)
        throw new Error(`AUTOMATIC_ID_RULES.SUID_HUNT_GROUP_RULE="${rules.SUID_HUNT_GROUP_RULE}": ${e.message}`);
      throw e;
    }
    this.autoGenerate = rules.SUID_HUNT_GROUP_AUTO_GENERATE;
    this.renameOnPhoneChange = rules.SERVICE_USERS_UPDATE_ID_PHONE_NUMBER && this.rule.usesPhoneNumber;
  }

  /** A new id from the rule; 400 when the rule needs a value the hunt group does not have. */
  generate(context: IdContext): string {
    const values = this.values(context);
    const missing = this.rule.missing(values);
    if (missing.length > 0) {
      const needsPhone = missing.some((m) => m !== 'name');
      throw ApiError.badRequest(
        'SERVICE_USER_ID_RULE_NEEDS_VALUE',
        `serviceUserId: the id rule ${this.rule.source} needs ${missing.map((m) => `{{${m}}}`).join(', ')}` +
          (needsPhone
            ? ': give serviceInstanceProfile.phoneNumber (a number BroadWorks can read) or a serviceUserId'
            : ''),
      );
    }
    return this.valid(this.rule.apply(values, randomDigits));
  }

  /**
   * The id a hunt group takes when its number changes, or undefined when it keeps its id: the
   * setting is off, the rule does not use the number, or the current id is not the one the rule
   * gave for the old number (it was chosen by hand). The random part of the id is kept.
   */
  renamedFor(
    currentId: string,
    oldNumber: string | undefined,
    newNumber: string | undefined,
    context: IdContext,
  ): string | undefined {
    if (!this.renameOnPhoneChange || !oldNumber || !newNumber || oldNumber === newNumber) return undefined;
    const random = this.rule.match(currentId, this.values({ ...context, phoneNumber: oldNumber }));
    if (!random) return undefined;
    const values = this.values({ ...context, phoneNumber: newNumber });
    if (this.rule.missing(values).length > 0) return undefined;
    return this.valid(this.rule.apply(values, randomDigits, random));
  }

  private values(context: IdContext): RuleValues {
    const phone = context.phoneNumber ? phoneParts(context.phoneNumber, context.groupNumber) : undefined;
    return {
      tenant_id: context.tenantId,
      group_id: context.groupId,
      domain: context.domain,
      name: context.name ? idPartOf(context.name) || undefined : undefined,
      ...phone,
    };
  }

  private valid(id: string): string {
    if (id.length > MAX_USER_ID_LENGTH || !/^[^\s@]+@[^\s@]+$/.test(id)) {
      throw ApiError.badRequest(
        'SERVICE_USER_ID_INVALID',
        `serviceUserId: the id rule gives "${id}", which is not a valid BroadWorks user id (user@domain, 1 to 161 characters)`,
      );
    }
    return id;
  }
}
