/**
 * APIO's service user id rules, e.g. `{{group_id}}_hg{{RND_4}}@{{domain}}`: parsed and checked once
 * at boot, then applied to each new hunt group.
 */

export const PHONE_PLACEHOLDERS = ['phone_number_e164', 'country_code', 'national_no_0'] as const;
const VALUE_PLACEHOLDERS = ['tenant_id', 'group_id', 'domain', 'name', ...PHONE_PLACEHOLDERS] as const;
export type ValuePlaceholder = (typeof VALUE_PLACEHOLDERS)[number];

/** The longest random part a rule may ask for. */
const MAX_RANDOM_DIGITS = 20;
/** BroadWorks' UserId: a token of 1..161 characters. */
export const MAX_USER_ID_LENGTH = 161;

type Part = { literal: string } | { value: ValuePlaceholder } | { random: number };

export type RuleValues = Partial<Record<ValuePlaceholder, string>>;

export class IdRuleError extends Error {}

export class IdRule {
  private constructor(
    readonly source: string,
    private readonly parts: readonly Part[],
  ) {}

  /** Parses a rule; throws IdRuleError saying why a rule can never give a valid user id. */
  static parse(source: string): IdRule {
    const parts: Part[] = [];
    const pattern = /\{\{([^{}]*)\}\}/g;
    let last = 0;
    for (const match of source.matchAll(pattern)) {
      if (match.index > last) parts.push({ literal: source.slice(last, match.index) });
      parts.push(placeholder(match[1].trim()));
      last = match.index + match[0].length;
    }
    if (last < source.length) parts.push({ literal: source.slice(last) });
    const rule = new IdRule(source, parts);
    rule.check();
    return rule;
  }

  /** Whether the rule needs the hunt group's phone number. */
  get usesPhoneNumber(): boolean {
    return this.parts.some((p) => 'value' in p && (PHONE_PLACEHOLDERS as readonly string[]).includes(p.value));
  }

  /** Whether a taken id can be retried with other random digits. */
  get hasRandomPart(): boolean {
    return this.parts.some((p) => 'random' in p);
  }

  /** The values the rule needs and that `values` lacks. */
  missing(values: RuleValues): ValuePlaceholder[] {
    return this.parts.flatMap((p) => ('value' in p && !values[p.value] ? [p.value] : []));
  }

  /**
   * The id for these values. Random parts take `randomDigits(n)`, or, when given, the digits of
   * `keepRandom` (to rebuild an id that keeps its random part while another value changes).
   */
  apply(values: RuleValues, randomDigits: (n: number) => string, keepRandom?: readonly string[]): string {
    let randomIndex = 0;
    return this.parts
      .map((p) => {
        if ('literal' in p) return p.literal;
        if ('value' in p) return values[p.value] ?? '';
        const kept = keepRandom?.[randomIndex++];
        return kept ?? randomDigits(p.random);
      })
      .join('');
  }

  /**
   * Whether `id` is what the rule gives for these values (random parts: any digits of the right
   * count); if so, the random digits it used.
   */
  match(id: string, values: RuleValues): string[] | undefined {
    const regex = this.parts
      .map((p) => {
        if ('literal' in p) return escapeRegExp(p.literal);
        if ('value' in p) return escapeRegExp(values[p.value] ?? '');
        return `(\\d{${p.random}})`;
      })
      .join('');
    const m = new RegExp(`^${regex}$`).exec(id);
    return m ? m.slice(1) : undefined;
  }

  private check(): void {
    const text = this.parts.map((p) => ('literal' in p ? p.literal : 'x')).join('');
    if (/\s/.test(text)) throw new IdRuleError('a user id cannot hold white space');
    const ats = this.parts
      .filter((p) => 'literal' in p)
      .reduce((n, p) => n + ('literal' in p ? p.literal.split('@').length - 1 : 0), 0);
    if (ats !== 1)
      throw new IdRuleError(`a user id is user@domain: the rule must hold exactly one "@" (it holds ${ats})`);
    const atPart = this.parts.findIndex((p) => 'literal' in p && p.literal.includes('@'));
    const before = this.parts
      .slice(0, atPart + 1)
      .map((p) => ('literal' in p ? p.literal.split('@')[0] : 'x'))
      .join('');
    const after = this.parts
      .slice(atPart)
      .map((p, i) => ('literal' in p ? (i === 0 ? p.literal.split('@')[1] : p.literal) : 'x'))
      .join('');
    if (before === '') throw new IdRuleError('the user part before "@" is always empty');
    if (after === '') throw new IdRuleError('the domain after "@" is always empty');
    if (this.parts.slice(atPart).some((p) => 'random' in p || ('value' in p && p.value === 'name'))) {
      throw new IdRuleError(
        'the domain after "@" may only hold literals and {{domain}}, {{tenant_id}}, {{group_id}} or phone placeholders, not {{name}} or {{RND_N}}',
      );
    }
    const fixedLength = this.parts.reduce(
      (n, p) => n + ('literal' in p ? p.literal.length : 'random' in p ? p.random : 1),
      0,
    );
    if (fixedLength > MAX_USER_ID_LENGTH)
      throw new IdRuleError(`every id would be longer than ${MAX_USER_ID_LENGTH} characters`);
  }
}

function placeholder(name: string): Part {
  const random = /^RND_(\d+)$/.exec(name);
  if (random) {
    const digits = Number(random[1]);
    if (digits < 1 || digits > MAX_RANDOM_DIGITS)
      throw new IdRuleError(`{{${name}}}: the number of random digits must be 1 to ${MAX_RANDOM_DIGITS}`);
    return { random: digits };
  }
  if ((VALUE_PLACEHOLDERS as readonly string[]).includes(name)) return { value: name as ValuePlaceholder };
  throw new IdRuleError(
    `unknown placeholder {{${name}}} (known: ${[...VALUE_PLACEHOLDERS, 'RND_N'].map((p) => `{{${p}}}`).join(', ')})`,
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A profile name as a user id part: accents dropped (é → e), white space runs become "_", and
 * anything but letters, digits, ".", "_" and "-" is removed. "Ventes Été" → "Ventes_Ete".
 */
export function idPartOf(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .replace(/\s+/g, '_')
    .replace(/[^A-Za-z0-9._-]/g, '');
}
