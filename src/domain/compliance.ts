// Compliance checks on a draft post's caption, from the brief and the account's platform: computed
// before anyone approves, so a caption without its #ad or its tracking link does not slip through.
import type { Platform } from './brief.js';

export const CHECK_RULES = ['disclosure', 'required_tags', 'tracking_link', 'length', 'forbidden_words'] as const;
export type CheckRule = (typeof CHECK_RULES)[number];

export const CHECK_LABELS: Record<CheckRule, string> = {
  disclosure: 'Disclosure',
  required_tags: 'Required tags',
  tracking_link: 'Tracking link',
  length: 'Length',
  forbidden_words: 'Forbidden words',
};

export interface ComplianceCheck {
  rule: CheckRule;
  passed: boolean;
  /** What was found or is missing, in words: "#ad", "missing #GlowPlan, @brand", "2,301 / 2,200 characters". */
  detail: string;
}

/** What the checks read from the brief. */
export interface ComplianceBrief {
  /** Words that disclose the partnership; empty means DEFAULT_DISCLOSURES. */
  disclosureWords: string[];
  /** Hashtags and @mentions every caption must carry. */
  requiredTags: string[];
  trackingUrl: string | null;
  forbiddenWords: string[];
}

export const DEFAULT_DISCLOSURES = ['#ad', '#sponsored', '#PR'];

/** Caption limits in characters (what a reader counts: an emoji is one), as each platform publishes them. */
export const CAPTION_LIMITS: Record<Platform, number | null> = {
  instagram: 2_200,
  tiktok: 4_000,
  youtube: 5_000,
  x: 280,
  facebook: 63_206,
  threads: 500,
  other: null,
};

const CHARACTERS = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const count = (n: number) => n.toLocaleString('en-US');

/** Every check that applies, in CHECK_RULES order: no tracking link in the brief, no length limit for "other". */
export function complianceChecks(caption: string, brief: ComplianceBrief, platform: Platform): ComplianceCheck[] {
  const checks: ComplianceCheck[] = [];
  const disclosures = brief.disclosureWords.length ? brief.disclosureWords : DEFAULT_DISCLOSURES;
  const disclosed = disclosures.filter((word) => contains(caption, word));
  checks.push({ rule: 'disclosure', passed: disclosed.length > 0, detail: disclosed.length ? disclosed.join(', ') : `none of ${disclosures.join(', ')}` });
  if (brief.requiredTags.length) {
    const missing = brief.requiredTags.filter((tag) => !contains(caption, tag));
    checks.push({
      rule: 'required_tags',
      passed: missing.length === 0,
      detail: missing.length ? `missing ${missing.join(', ')}` : brief.requiredTags.join(', '),
    });
  }
  if (brief.trackingUrl) checks.push(trackingLinkCheck(caption, brief.trackingUrl));
  const limit = CAPTION_LIMITS[platform];
  if (limit !== null) {
    const length = [...CHARACTERS.segment(caption)].length;
    checks.push({ rule: 'length', passed: length <= limit, detail: `${count(length)} / ${count(limit)} characters` });
  }
  if (brief.forbiddenWords.length) {
    const found = brief.forbiddenWords.filter((word) => contains(caption, word));
    checks.push({ rule: 'forbidden_words', passed: found.length === 0, detail: found.length ? `found ${found.join(', ')}` : 'none found' });
  }
  return checks;
}

export const failedChecks = (checks: readonly ComplianceCheck[]) => checks.filter((check) => !check.passed);

// A letter, digit or underscore right next to a match makes it part of another word: #ad is not in
// #adventure. Scripts written without spaces (Japanese, Chinese, Thai…) have no such edge.
const WORD_CHARACTER = /[\p{L}\p{N}_]/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Does `text` contain `word` (any case) as a word of its own? */
export function contains(text: string, word: string): boolean {
  const needle = word.trim().toLocaleLowerCase();
  if (!needle) return false;
  const haystack = text.toLocaleLowerCase();
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack.slice(0, at).at(-1) ?? '';
    const after = haystack.slice(at + needle.length).at(0) ?? '';
    const edge = (side: string, inner: string) => !WORD_CHARACTER.test(side) || UNSPACED.test(side) || UNSPACED.test(inner);
    if (edge(before, needle.at(0)!) && edge(after, needle.at(-1)!)) return true;
  }
  return false;
}

const LINK = /https?:\/\/[^\s<>"]+/giu;

/** The caption links to the brief's URL (same host and path) with every one of its UTM parameters and values. */
function trackingLinkCheck(caption: string, trackingUrl: string): ComplianceCheck {
  const wanted = new URL(trackingUrl);
  const utm = [...wanted.searchParams].filter(([key]) => key.toLowerCase().startsWith('utm_'));
  const links = (caption.match(LINK) ?? []).map((raw) => raw.replace(/[.,;:!?)\]]+$/u, '')).flatMap((raw) => (URL.canParse(raw) ? [new URL(raw)] : []));
  const samePlace = links.filter((url) => url.host.toLowerCase() === wanted.host.toLowerCase() && trimSlash(url.pathname) === trimSlash(wanted.pathname));
  if (samePlace.length === 0) return { rule: 'tracking_link', passed: false, detail: `no link to ${wanted.host}${trimSlash(wanted.pathname)}` };
  const complete = samePlace.find((url) => utm.every(([key, value]) => url.searchParams.get(key) === value));
  if (complete) return { rule: 'tracking_link', passed: true, detail: utm.length ? `with ${utm.map(([key]) => key).join(', ')}` : 'present' };
  const missing = utm.filter(([key, value]) => samePlace[0]!.searchParams.get(key) !== value).map(([key, value]) => `${key}=${value}`);
  return { rule: 'tracking_link', passed: false, detail: `link without ${missing.join(', ')}` };
}

const trimSlash = (path: string) => path.replace(/\/+$/, '');
