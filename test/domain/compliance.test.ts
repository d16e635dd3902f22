import { describe, expect, it } from 'vitest';
import { type ComplianceBrief, complianceChecks, contains, failedChecks } from '../../src/domain/compliance.js';

const brief = (overrides: Partial<ComplianceBrief> = {}): ComplianceBrief => ({
  disclosureWords: [],
  requiredTags: [],
  trackingUrl: null,
  forbiddenWords: [],
  ...overrides,
});
const check = (caption: string, rule: string, overrides: Partial<ComplianceBrief> = {}, platform: Parameters<typeof complianceChecks>[2] = 'instagram') =>
  complianceChecks(caption, brief(overrides), platform).find((c) => c.rule === rule);

describe('disclosure', () => {
  it.each([
    { caption: 'Loving this serum #ad', passed: true, detail: '#ad' },
    { caption: '#AD loving this serum', passed: true, detail: '#ad' },
    { caption: 'Thanks to the brand #sponsored #pr', passed: true, detail: '#sponsored, #PR' },
    { caption: 'Off on an #adventure', passed: false, detail: 'none of #ad, #sponsored, #PR' },
    { caption: 'No tags at all', passed: false, detail: 'none of #ad, #sponsored, #PR' },
    { caption: '新しい美容液です#PR', passed: true, detail: '#PR' },
    { caption: '✨#ad✨ glow', passed: true, detail: '#ad' },
  ])('default words: "$caption" → $passed', ({ caption, passed, detail }) => {
    expect(check(caption, 'disclosure')).toEqual({ rule: 'disclosure', passed, detail });
  });

  it("the campaign's own words replace the defaults", () => {
    expect(check('Great stuff #ad', 'disclosure', { disclosureWords: ['#提供', 'Paid partnership'] })?.passed).toBe(false);
    expect(check('Great stuff #提供', 'disclosure', { disclosureWords: ['#提供', 'Paid partnership'] })).toMatchObject({ passed: true, detail: '#提供' });
    expect(check('paid partnership with Glow', 'disclosure', { disclosureWords: ['#提供', 'Paid partnership'] })).toMatchObject({ passed: true });
  });
});

describe('required hashtags and mentions', () => {
  it.each([
    { caption: 'Day 1 #GlowPlan with @glowbrand #ad', passed: true, detail: '#GlowPlan, @glowbrand' },
    { caption: 'Day 1 #glowplan with @GlowBrand', passed: true, detail: '#GlowPlan, @glowbrand' },
    { caption: 'Day 1 #GlowPlanner with @glowbrand_jp', passed: false, detail: 'missing #GlowPlan, @glowbrand' },
    { caption: 'Day 1 with @glowbrand', passed: false, detail: 'missing #GlowPlan' },
    { caption: '毎日使ってます#GlowPlan @glowbrand 🌙', passed: true, detail: '#GlowPlan, @glowbrand' },
  ])('"$caption" → $passed', ({ caption, passed, detail }) => {
    expect(check(caption, 'required_tags', { requiredTags: ['#GlowPlan', '@glowbrand'] })).toEqual({ rule: 'required_tags', passed, detail });
  });

  it('is not listed when the brief requires none', () => {
    expect(check('anything', 'required_tags')).toBeUndefined();
  });
});

describe('tracking link', () => {
  const trackingUrl = 'https://glow.example.com/serum?utm_source=instagram&utm_campaign=spring&ref=x';
  it.each([
    { caption: 'Shop: https://glow.example.com/serum?utm_source=instagram&utm_campaign=spring', passed: true, detail: 'with utm_source, utm_campaign' },
    { caption: 'Shop (https://glow.example.com/serum/?utm_campaign=spring&utm_source=instagram&x=1).', passed: true, detail: 'with utm_source, utm_campaign' },
    { caption: 'Shop: https://GLOW.example.com/serum?utm_source=instagram&utm_campaign=spring', passed: true, detail: 'with utm_source, utm_campaign' },
    { caption: 'Shop: https://glow.example.com/serum?utm_source=tiktok&utm_campaign=spring', passed: false, detail: 'link without utm_source=instagram' },
    { caption: 'Shop: https://glow.example.com/serum', passed: false, detail: 'link without utm_source=instagram, utm_campaign=spring' },
    { caption: 'Shop: https://other.example.com/serum?utm_source=instagram&utm_campaign=spring', passed: false, detail: 'no link to glow.example.com/serum' },
    { caption: 'リンクはプロフィールから', passed: false, detail: 'no link to glow.example.com/serum' },
  ])('"$caption" → $passed', ({ caption, passed, detail }) => {
    expect(check(caption, 'tracking_link', { trackingUrl })).toEqual({ rule: 'tracking_link', passed, detail });
  });

  it('a brief link without UTM parameters only needs the link; no link in the brief, no check', () => {
    expect(check('https://glow.example.com/', 'tracking_link', { trackingUrl: 'https://glow.example.com' })).toMatchObject({ passed: true, detail: 'present' });
    expect(check('https://glow.example.com/', 'tracking_link')).toBeUndefined();
  });
});

describe('length', () => {
  it.each([
    { platform: 'x' as const, caption: 'a'.repeat(280), passed: true, detail: '280 / 280 characters' },
    { platform: 'x' as const, caption: 'a'.repeat(281), passed: false, detail: '281 / 280 characters' },
    { platform: 'x' as const, caption: '👩🏽‍🔬'.repeat(280), passed: true, detail: '280 / 280 characters' },
    { platform: 'threads' as const, caption: 'あ'.repeat(501), passed: false, detail: '501 / 500 characters' },
    { platform: 'instagram' as const, caption: 'x'.repeat(2_201), passed: false, detail: '2,201 / 2,200 characters' },
  ])('$platform: $detail', ({ platform, caption, passed, detail }) => {
    expect(check(caption, 'length', {}, platform)).toEqual({ rule: 'length', passed, detail });
  });

  it('has no limit for "other"', () => {
    expect(check('x'.repeat(100_000), 'length', {}, 'other')).toBeUndefined();
  });
});

describe('forbidden words', () => {
  it.each([
    { caption: 'The best serum, guaranteed results', passed: false, detail: 'found guaranteed' },
    { caption: 'The best serum, results vary', passed: true, detail: 'none found' },
    { caption: 'Unguaranteed? no', passed: true, detail: 'none found' },
    { caption: '業界最安値の美容液', passed: false, detail: 'found 最安' },
    { caption: 'Cures acne 💊 and is GUARANTEED', passed: false, detail: 'found guaranteed, cures' },
  ])('"$caption" → $passed', ({ caption, passed, detail }) => {
    expect(check(caption, 'forbidden_words', { forbiddenWords: ['guaranteed', 'cures', '最安'] })).toEqual({ rule: 'forbidden_words', passed, detail });
  });
});

describe('all checks together', () => {
  it('come in a fixed order, and failedChecks picks the failed ones', () => {
    const checks = complianceChecks(
      'Cheapest serum ever https://glow.example.com',
      brief({ requiredTags: ['#GlowPlan'], trackingUrl: 'https://glow.example.com', forbiddenWords: ['cheapest'] }),
      'x',
    );
    expect(checks.map((c) => [c.rule, c.passed])).toEqual([
      ['disclosure', false],
      ['required_tags', false],
      ['tracking_link', true],
      ['length', true],
      ['forbidden_words', false],
    ]);
    expect(failedChecks(checks).map((c) => c.rule)).toEqual(['disclosure', 'required_tags', 'forbidden_words']);
  });

  it('contains() ignores blank words', () => {
    expect(contains('anything', '  ')).toBe(false);
  });
});
