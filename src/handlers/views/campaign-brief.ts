import { z } from 'zod';
import { type CampaignBrief, PLATFORMS, briefErrors } from '../../domain/brief.js';
import { CAMPAIGN_FIELDS as F, CURRENCIES, MAX_LENGTH } from '../../views/campaign-form.js';
import { currencyDigits } from '../../views/format.js';
import { DIGEST_FIELDS, QUIET_OPTION, QUORUM_FIELDS, TIMING_FIELDS } from '../../views/settings.js';
import { REMINDER_KINDS, type Timing, deadlineErrors } from '../../domain/timing.js';
import { type Duration, parseDuration } from '../../domain/durations.js';
import type { Quorum } from '../../domain/quorum.js';
import { type StateValues, fieldErrors, isoDay, read, toMinorUnits } from './form.js';

const required = (label: string, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is at most ${max} characters.`);
const userId = (label: string) => z.string({ error: `Choose the ${label}.` }).regex(/^[UW][A-Z0-9]+$/, `Choose the ${label}.`);
const day = (label: string) =>
  z
    .string({ error: `Choose the ${label}.` })
    .transform((value, ctx) => isoDay(value) ?? (ctx.addIssue({ code: 'custom', message: `Choose the ${label}.` }), z.NEVER));

/** A comma-separated list (Japanese 、 too), each entry once, trimmed. */
const list = (label: string) =>
  z
    .string()
    .max(MAX_LENGTH.medium, `${label} are at most ${MAX_LENGTH.medium} characters.`)
    .optional()
    .transform((value) => [
      ...new Set(
        (value ?? '')
          .split(/[,、\n]/)
          .map((word) => word.trim())
          .filter(Boolean),
      ),
    ]);
const TAG = /^[#@]\S+$/u;
const tags = z
  .string()
  .max(MAX_LENGTH.medium, `Required tags are at most ${MAX_LENGTH.medium} characters.`)
  .optional()
  .transform((value, ctx) => {
    const all = [...new Set((value ?? '').split(/[\s,、]+/).filter(Boolean))];
    const wrong = all.find((tag) => !TAG.test(tag));
    if (wrong) return (ctx.addIssue({ code: 'custom', message: `Each tag starts with # or @ (e.g. #GlowPlan, @glowlabs): “${wrong}” does not.` }), z.NEVER);
    return all;
  });

const shape = z.object({
  title: required('The title', MAX_LENGTH.short),
  advertiser: required('The advertiser', MAX_LENGTH.short),
  dealReferences: z
    .string()
    .max(MAX_LENGTH.short, `Deal references are at most ${MAX_LENGTH.short} characters.`)
    .optional()
    .transform((value) =>
      (value ?? '')
        .split(',')
        .map((ref) => ref.trim())
        .filter(Boolean),
    ),
  salesPicId: userId('sales PIC'),
  influencerPicId: userId('influencer-management PIC'),
  country: required('The country', 60),
  category: required('The category', MAX_LENGTH.short),
  objective: required('The objective', MAX_LENGTH.medium),
  platforms: z.array(z.enum(PLATFORMS), { error: 'Choose at least one platform.' }).min(1, 'Choose at least one platform.'),
  targetInfluencers: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return null;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) return (ctx.addIssue({ code: 'custom', message: 'Target a whole number of influencers, at least 1.' }), z.NEVER);
      return n;
    }),
  postRequirements: required('The post requirements', MAX_LENGTH.long),
  budget: z.string({ error: 'Enter the budget.' }),
  currency: z.enum(CURRENCIES, { error: 'Choose a currency.' }),
  margin: z.string({ error: 'Enter the agency margin.' }).transform((value, ctx) => {
    const pct = Number(value);
    if (!/^\d+(\.\d{1,2})?$/.test(value.trim()) || pct > 100)
      return (ctx.addIssue({ code: 'custom', message: 'Enter a margin between 0 and 100 %, at most two decimals.' }), z.NEVER);
    return Math.round(pct * 100);
  }),
  trackingUrl: z
    .url({ protocol: /^https?$/, error: 'Enter a full http(s) link, e.g. https://example.com/?utm_source=…' })
    .max(2000, 'The tracking URL is too long.')
    .optional()
    .transform((value) => value ?? null),
  disclosureWords: list('Disclosure words'),
  requiredTags: tags,
  forbiddenWords: list('Forbidden words'),
  startDate: day('start date'),
  endDate: day('end date'),
  recruitmentCloseDate: z
    .string()
    .optional()
    .transform((value) => isoDay(value) ?? null),
  channelId: z.string({ error: 'Choose the campaign channel.' }).regex(/^[CG][A-Z0-9]+$/, 'Choose a channel (not a direct message).'),
  approverIds: z.array(userId('approvers'), { error: 'Choose at least one approver.' }).min(1, 'Choose at least one approver.'),
  optionalStages: z.array(z.string()).transform((chosen) => ({
    invited: chosen.includes('invited'),
    applications: chosen.includes('applications'),
    deliverables: chosen.includes('deliverables'),
  })),
  agreementWindowDays: z.string({ error: 'Enter the days to sign.' }).transform((value, ctx) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > 90) return (ctx.addIssue({ code: 'custom', message: 'Give between 1 and 90 days to sign.' }), z.NEVER);
    return n;
  }),
});

type Field = keyof typeof F;
const BLOCK_OF: Record<string, string> = { ...F, budget: F.budgetMinor, margin: F.marginBasisPoints };

/** The fields typed as text, and those picked as dates: each read the same way. */
const TEXT_FIELDS = [
  'title',
  'advertiser',
  'dealReferences',
  'country',
  'category',
  'objective',
  'targetInfluencers',
  'postRequirements',
  'trackingUrl',
  'disclosureWords',
  'requiredTags',
  'forbiddenWords',
  'agreementWindowDays',
] as const;
const DATE_FIELDS = ['startDate', 'endDate', 'recruitmentCloseDate'] as const;

/** What the campaign modal (or its settings part) holds, as text and choices, keyed by the schema's fields. */
function rawBrief(values: StateValues): Record<string, unknown> {
  return {
    ...Object.fromEntries(TEXT_FIELDS.map((field) => [field, read(values, F[field]).value ?? undefined])),
    ...Object.fromEntries(DATE_FIELDS.map((field) => [field, read(values, F[field]).selected_date ?? undefined])),
    salesPicId: read(values, F.salesPicId).selected_user ?? undefined,
    influencerPicId: read(values, F.influencerPicId).selected_user ?? undefined,
    platforms: read(values, F.platforms).selected_options?.map((o) => o.value),
    budget: read(values, F.budgetMinor).value ?? undefined,
    currency: read(values, F.currency).selected_option?.value,
    margin: read(values, F.marginBasisPoints).value ?? undefined,
    channelId: read(values, F.channelId).selected_conversation ?? read(values, F.channelId).selected_channel ?? undefined,
    approverIds: read(values, F.approverIds).selected_users ?? undefined,
    optionalStages: read(values, F.optionalStages).selected_options?.map((o) => o.value) ?? [],
  };
}

/**
 * Reads the campaign modal into a brief, or every fault at once: each field's own error and the
 * brief's cross-field rules (dates out of order, …) on the fields that could be read, keyed by
 * block ID. `fixed` holds the locked fields, which the edit form shows but does not ask for.
 */
export function parseCampaignBrief(
  values: StateValues,
  fixed: Partial<CampaignBrief> = {},
): { ok: true; brief: CampaignBrief } | { ok: false; errors: Record<string, string> } {
  const raw = rawBrief(values);
  const errors: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape.shape as Record<string, z.ZodType>)) {
    if (key in fixed) continue;
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success) fields[key] = parsed.data;
    else errors[BLOCK_OF[key]!] = parsed.error.issues[0]!.message;
  }
  const { budget, margin, ...rest } = fields;
  const brief: Partial<CampaignBrief> = { ...rest, ...(typeof margin === 'number' ? { marginBasisPoints: margin } : {}), ...fixed };
  if (typeof budget === 'string') {
    const digits = currencyDigits(brief.currency ?? 'USD');
    const budgetMinor = toMinorUnits(budget, digits);
    if (budgetMinor === undefined) errors[F.budgetMinor] = `Enter an amount of zero or more with at most ${digits} decimals.`;
    else brief.budgetMinor = budgetMinor;
  }
  for (const [block, message] of Object.entries(briefErrorsByBlock(briefErrors(brief)))) errors[block] ??= message;
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, brief: brief as CampaignBrief };
}

/** Domain errors (dates out of order, …) keyed by brief field → the modal's block IDs. */
export function briefErrorsByBlock(errors: Partial<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).map(([field, message]) => [F[field as Field] ?? field, message ?? '']));
}

const settingsShape = shape.pick({ salesPicId: true, influencerPicId: true, approverIds: true, optionalStages: true, agreementWindowDays: true });

/** Reads the campaign settings modal (people and workflow options) into brief changes. */
export function parseCampaignSettings(values: StateValues) {
  const parsed = settingsShape.safeParse(rawBrief(values));
  if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error, (path) => BLOCK_OF[String(path[0])]) };
  const digestMuted = (read(values, DIGEST_FIELDS.muted).selected_options ?? []).length > 0;
  const quorum = parseQuorum(values);
  if (!quorum.ok) return { ok: false as const, errors: quorum.errors };
  const timing = values[TIMING_FIELDS.onDeadline] ? parseTiming(values) : undefined;
  if (timing && !timing.ok) return { ok: false as const, errors: timing.errors };
  // Once the stages are locked the form shows them read-only: no input, nothing to change.
  const { optionalStages, ...rest } = parsed.data;
  return {
    ok: true as const,
    changes: {
      ...rest,
      ...(values[F.optionalStages] ? { optionalStages } : {}),
      digestMuted,
      ...(values[QUORUM_FIELDS.kind] ? { quorum: quorum.quorum } : {}),
      ...(timing?.ok ? { timing: timing.timing } : {}),
    },
  };
}

/** The reminders and deadlines of the settings form: each duration as written (`30m`, `4h`, `3d`), each step after the one before. */
function parseTiming(values: StateValues): { ok: true; timing: Timing } | { ok: false; errors: Record<string, string> } {
  const T = TIMING_FIELDS;
  const errors: Record<string, string> = {};
  const duration = (block: string): Duration | null => {
    const text = (read(values, block).value ?? '').trim();
    if (!text) return null;
    const parsed = parseDuration(text);
    if (!parsed) errors[block] = 'Write a duration such as 30m, 4h or 3d (up to 90d), or leave it empty.';
    return parsed ?? null;
  };
  const chosen = new Set((read(values, T.reminders).selected_options ?? []).map((o) => o.value));
  const deadlines = {
    remindAfter: duration(T.remindAfter),
    escalateAfter: duration(T.escalateAfter),
    decideAfter: duration(T.decideAfter),
    onDeadline: read(values, T.onDeadline).selected_option?.value === 'approve' ? ('approve' as const) : ('expire' as const),
    businessTime: (read(values, T.businessTime).selected_options ?? []).length > 0,
  };
  if (Object.keys(errors).length === 0) for (const [field, message] of Object.entries(deadlineErrors(deadlines))) errors[T[field as keyof typeof T]] = message;
  if (Object.keys(errors).length) return { ok: false, errors };
  const reminders = Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, chosen.has(kind)])) as Timing['reminders'];
  return { ok: true, timing: { reminders, muted: (read(values, T.muted).selected_options ?? []).length > 0, deadlines } };
}

/** The post-approval quorum of the settings form, as typed; its rules (src/domain/quorum.ts quorumErrors) are the use case's check. */
function parseQuorum(values: StateValues): { ok: true; quorum: Quorum } | { ok: false; errors: Record<string, string> } {
  const Q = QUORUM_FIELDS;
  const kind = read(values, Q.kind).selected_option?.value ?? 'any';
  if (kind === 'count') {
    const count = Number(read(values, Q.count).value ?? NaN);
    return Number.isInteger(count)
      ? { ok: true, quorum: { kind: 'count', count } }
      : { ok: false, errors: { [Q.count]: 'Say how many approvers must approve.' } };
  }
  if (kind !== 'groups') return { ok: true, quorum: { kind: 'any' } };
  const errors: Record<string, string> = {};
  const groups = Q.groups.flatMap((block) => {
    const name = (read(values, block.name).value ?? '').trim();
    const memberIds = read(values, block.members).selected_users ?? [];
    if (name && memberIds.length === 0) errors[block.members] = `Choose the members of ${name}.`;
    if (!name && memberIds.length) errors[block.name] = 'Name this group.';
    return name && memberIds.length ? [{ name, memberIds }] : [];
  });
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, quorum: { kind: 'groups', groups } };
}

/** The digest part of the settings modal; the time zone and days are checked by the use case. */
export function parseDigestSettings(values: StateValues) {
  return {
    time: read(values, DIGEST_FIELDS.time).selected_time ?? '09:00',
    timeZone: (read(values, DIGEST_FIELDS.timeZone).value ?? '').trim(),
    days: (read(values, DIGEST_FIELDS.days).selected_options ?? []).map((option) => Number(option.value)),
    overviewChannelId: read(values, DIGEST_FIELDS.overviewChannelId).selected_conversation ?? null,
    quietDayMessage: (read(values, DIGEST_FIELDS.quietDayMessage).selected_options ?? []).some((option) => option.value === QUIET_OPTION),
  };
}
