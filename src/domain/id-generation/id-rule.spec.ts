import { describe, expect, it } from '@jest/globals';
import { idPartOf, IdRule, IdRuleError } from './id-rule.js';

const values = {
  tenant_id: 'ApioSpTest',
  group_id: 'ApioGrpTest',
  domain: 'sip.netaxis.be',
  name: 'Sales',
  phone_number_e164: '3225126780',
  country_code: '32',
  national_no_0: '25126780',
};
const fixed = (n: number) => '7'.repeat(n);

describe('IdRule', () => {
  it("applies APIO's default rule", () => {
    expect(IdRule.parse('{{group_id}}_hg{{RND_4}}@{{domain}}').apply(values, fixed)).toBe(
      'ApioGrpTest_hg7777@sip.netaxis.be',
    );
  });

  it('fills every placeholder', () => {
    const rule = IdRule.parse(
      '{{tenant_id}}.{{group_id}}.{{name}}.{{phone_number_e164}}.{{country_code}}.{{national_no_0}}.{{RND_2}}@{{domain}}',
    );
    expect(rule.apply(values, fixed)).toBe('ApioSpTest.ApioGrpTest.Sales.3225126780.32.25126780.77@sip.netaxis.be');
  });

  it('tolerates spaces inside the braces', () => {
    expect(IdRule.parse('{{ group_id }}@{{ domain }}').apply(values, fixed)).toBe('ApioGrpTest@sip.netaxis.be');
  });

  it('draws exactly N random digits each time', () => {
    const rule = IdRule.parse('hg{{RND_6}}@x.be');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = rule.apply(values, (n) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join(''));
      expect(id).toMatch(/^hg\d{6}@x\.be$/);
      seen.add(id);
    }
    expect(seen.size).toBeGreaterThan(150);
  });

  it('tells whether it uses the phone number or a random part', () => {
    expect(IdRule.parse('{{group_id}}_hg{{RND_4}}@{{domain}}').usesPhoneNumber).toBe(false);
    expect(IdRule.parse('hg{{national_no_0}}@{{domain}}').usesPhoneNumber).toBe(true);
    expect(IdRule.parse('hg{{national_no_0}}@{{domain}}').hasRandomPart).toBe(false);
    expect(IdRule.parse('hg{{RND_1}}@{{domain}}').hasRandomPart).toBe(true);
  });

  it('lists the values it lacks', () => {
    expect(IdRule.parse('hg{{phone_number_e164}}@{{domain}}').missing({ domain: 'd' })).toEqual(['phone_number_e164']);
  });

  it('matches an id it gave, returning its random digits, and rebuilds it with them', () => {
    const rule = IdRule.parse('{{group_id}}_{{national_no_0}}_{{RND_3}}@{{domain}}');
    const id = 'ApioGrpTest_25126780_042@sip.netaxis.be';
    expect(rule.match(id, values)).toEqual(['042']);
    expect(rule.match('ApioGrpTest_25126781_042@sip.netaxis.be', values)).toBeUndefined();
    expect(rule.match('handmade@sip.netaxis.be', values)).toBeUndefined();
    expect(rule.apply({ ...values, national_no_0: '25126789' }, fixed, ['042'])).toBe(
      'ApioGrpTest_25126789_042@sip.netaxis.be',
    );
  });

  it('matches values holding regular expression characters literally', () => {
    const rule = IdRule.parse('{{name}}@{{domain}}');
    expect(rule.match('a.b@sip.netaxis.be', { ...values, name: 'a.b' })).toEqual([]);
    expect(rule.match('axb@sip.netaxis.be', { ...values, name: 'a.b' })).toBeUndefined();
  });

  it.each([
    ['{{group}}@{{domain}}', /unknown placeholder \{\{group\}\}/],
    ['{{RND_0}}@x', /random digits must be 1 to 20/],
    ['{{RND_21}}@x', /random digits must be 1 to 20/],
    ['{{group_id}}', /exactly one "@"/],
    ['a@b@{{domain}}', /exactly one "@"/],
    ['@{{domain}}', /before "@" is always empty/],
    ['{{group_id}}@', /after "@" is always empty/],
    ['my hg@{{domain}}', /white space/],
    ['{{group_id}}@{{RND_4}}.be', /domain after "@"/],
    [`${'a'.repeat(160)}@{{domain}}`, /longer than 161/],
  ])('refuses %s', (rule, message) => {
    expect(() => IdRule.parse(rule)).toThrow(IdRuleError);
    expect(() => IdRule.parse(rule)).toThrow(message);
  });
});

describe('idPartOf', () => {
  it.each([
    ['Sales', 'Sales'],
    ['Ventes Été', 'Ventes_Ete'],
    ['  Front   desk ', 'Front_desk'],
    ['Zürich/Genève #1', 'ZurichGeneve_1'],
    ['a@b<c>&"d\'', 'abcd'],
    ['日本', ''],
  ])('%s → %s', (text, part) => {
    expect(idPartOf(text)).toBe(part);
  });
});
