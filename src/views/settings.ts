import type { KnownBlock, ModalView } from '@slack/types';
import { type Campaign, FIELD_LABELS, campaignReference, fieldText, lockedFields } from '../domain/brief.js';
import type { DigestSchedule } from '../domain/schedule.js';
import { MAX_GROUPS, type Quorum } from '../domain/quorum.js';
import { REMINDER_KINDS, REMINDER_LABELS, REMINDER_RECIPIENTS, type Timing } from '../domain/timing.js';
import { type Duration, formatDuration } from '../domain/durations.js';
import { CAMPAIGN_FIELDS, STAGE_OPTIONS, VALUE } from './campaign-form.js';
import { campaignAtVersion, metadataOf } from './metadata.js';

export const SETTINGS = 'settings';
export const ADMINS_BLOCK = 'admins';
export const DIGEST_FIELDS = {
  time: 'digest_time',
  timeZone: 'digest_time_zone',
  days: 'digest_days',
  overviewChannelId: 'digest_overview',
  quietDayMessage: 'digest_quiet',
  muted: 'digest_muted',
} as const;
export const QUIET_OPTION = 'quiet';

const WEEKDAY_OPTIONS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((day, i) => ({
  text: { type: 'plain_text' as const, text: day },
  value: String(i + 1),
}));
const QUIET = { text: { type: 'plain_text' as const, text: 'On a quiet day, post "nothing needs you today"' }, value: QUIET_OPTION };

export interface DigestSettingsView extends DigestSchedule {
  overviewChannelId: string | null;
  quietDayMessage: boolean;
}

function digestBlocks(digest: DigestSettingsView): KnownBlock[] {
  const F = DIGEST_FIELDS;
  const days = WEEKDAY_OPTIONS.filter((option) => digest.days.includes(Number(option.value)));
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Daily digest' } },
    {
      type: 'input',
      block_id: F.time,
      label: { type: 'plain_text', text: 'Time' },
      element: { type: 'timepicker', action_id: VALUE, initial_time: digest.time },
    },
    {
      type: 'input',
      block_id: F.timeZone,
      label: { type: 'plain_text', text: 'Time zone' },
      hint: { type: 'plain_text', text: 'An IANA time zone, e.g. Asia/Tokyo, Europe/Paris, America/New_York.' },
      element: { type: 'plain_text_input', action_id: VALUE, initial_value: digest.timeZone, max_length: 64 },
    },
    {
      type: 'input',
      block_id: F.days,
      label: { type: 'plain_text', text: 'Days' },
      element: { type: 'checkboxes', action_id: VALUE, options: WEEKDAY_OPTIONS, ...(days.length ? { initial_options: days } : {}) },
    },
    {
      type: 'input',
      block_id: F.overviewChannelId,
      optional: true,
      label: { type: 'plain_text', text: "Managers' overview channel" },
      element: {
        type: 'conversations_select',
        action_id: VALUE,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(digest.overviewChannelId ? { initial_conversation: digest.overviewChannelId } : {}),
      },
    },
    {
      type: 'input',
      block_id: F.quietDayMessage,
      optional: true,
      label: { type: 'plain_text', text: 'Quiet days' },
      element: { type: 'checkboxes', action_id: VALUE, options: [QUIET], ...(digest.quietDayMessage ? { initial_options: [QUIET] } : {}) },
    },
  ] as KnownBlock[];
}

/** Workspace settings (admins only): who the admins are, and when digests are posted where. */
export function settingsModal(admins: string[], digest: DigestSettingsView): ModalView {
  return {
    type: 'modal',
    callback_id: SETTINGS,
    title: { type: 'plain_text', text: 'Campaign Desk settings' },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'input',
        block_id: ADMINS_BLOCK,
        label: { type: 'plain_text', text: 'Admins' },
        hint: { type: 'plain_text', text: "Admins may do everything a campaign's PICs may, in every campaign, and change these settings." },
        element: { type: 'multi_users_select', action_id: 'value', initial_users: admins.slice(0, 100) },
      },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: "A campaign's PICs, approvers and digest mute are in `/campaign settings <campaign>`." }],
      },
      ...digestBlocks(digest),
    ],
  };
}

export const CAMPAIGN_SETTINGS = 'campaign_settings';
/** Block IDs of the post-approval quorum in the campaign settings; `kind` matches the field name, for errors. */
export const QUORUM_FIELDS = {
  kind: 'quorum',
  count: 'quorum_count',
  groups: Array.from({ length: MAX_GROUPS }, (_, i) => ({ name: `quorum_group_${i + 1}`, members: `quorum_group_${i + 1}_members` })),
} as const;
const QUORUM_OPTIONS = [
  { text: { type: 'plain_text' as const, text: 'Any one approver' }, value: 'any' },
  { text: { type: 'plain_text' as const, text: 'A number of the approvers' }, value: 'count' },
  { text: { type: 'plain_text' as const, text: 'Named groups, each approves (e.g. Client and Legal)' }, value: 'groups' },
];

/** Who must approve a post: the choice, the number, and up to three named groups of approvers. */
function quorumInputs(quorum: Quorum): KnownBlock[] {
  const Q = QUORUM_FIELDS;
  const groups = quorum.kind === 'groups' ? quorum.groups : [];
  const optional = (block_id: string, label: string, element: Record<string, unknown>, hint?: string) =>
    ({
      type: 'input',
      block_id,
      optional: true,
      label: { type: 'plain_text', text: label },
      ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
      element: { action_id: VALUE, ...element },
    }) as KnownBlock;
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Post approval' } },
    {
      type: 'input',
      block_id: Q.kind,
      label: { type: 'plain_text', text: 'Who must approve a draft post' },
      hint: { type: 'plain_text', text: 'Each approver decides once per revision; one "Needs work" sends the post back.' },
      element: { type: 'radio_buttons', action_id: VALUE, options: QUORUM_OPTIONS, initial_option: QUORUM_OPTIONS.find((o) => o.value === quorum.kind) },
    } as KnownBlock,
    optional(
      Q.count,
      'How many approvers',
      { type: 'number_input', is_decimal_allowed: false, min_value: '1', ...(quorum.kind === 'count' ? { initial_value: String(quorum.count) } : {}) },
      'For "A number of the approvers".',
    ),
    ...Q.groups.flatMap((block, i) => [
      optional(
        block.name,
        `Group ${i + 1} name`,
        { type: 'plain_text_input', max_length: 40, ...(groups[i] ? { initial_value: groups[i].name } : {}) },
        i === 0 ? 'For "Named groups": each group needs one approval from its members, who must be approvers.' : undefined,
      ),
      optional(block.members, `Group ${i + 1} members`, {
        type: 'multi_users_select',
        ...(groups[i] ? { initial_users: groups[i].memberIds.slice(0, 100) } : {}),
      }),
    ]),
  ];
}
/** Block IDs of the reminders and approval deadlines in the campaign settings. */
export const TIMING_FIELDS = {
  reminders: 'timing_reminders',
  muted: 'timing_muted',
  remindAfter: 'deadline_remind',
  escalateAfter: 'deadline_escalate',
  decideAfter: 'deadline_decide',
  onDeadline: 'deadline_on',
  businessTime: 'deadline_business',
} as const;
const REMINDER_OPTIONS = REMINDER_KINDS.map((kind) => ({
  text: { type: 'plain_text' as const, text: REMINDER_LABELS[kind] },
  description: { type: 'plain_text' as const, text: REMINDER_RECIPIENTS[kind] },
  value: kind,
}));
const MUTE_REMINDERS = { text: { type: 'plain_text' as const, text: 'Mute every reminder of this campaign' }, value: 'muted' };
const ON_DEADLINE = [
  { text: { type: 'plain_text' as const, text: 'Approve it automatically' }, value: 'approve' },
  { text: { type: 'plain_text' as const, text: 'Expire the request (the submitter is told and may submit again)' }, value: 'expire' },
];
const BUSINESS = { text: { type: 'plain_text' as const, text: "Count business time: the digest's days, 09:00–18:00 in its time zone" }, value: 'business' };

/** Which reminders go out, and what a waiting approval does as time passes (src/domain/timing.ts). */
function timingInputs(timing: Timing): KnownBlock[] {
  const T = TIMING_FIELDS;
  const on = REMINDER_OPTIONS.filter((option) => timing.reminders[option.value]);
  const d = timing.deadlines;
  const duration = (block_id: string, label: string, value: Duration | null, hint?: string) =>
    ({
      type: 'input',
      block_id,
      optional: true,
      label: { type: 'plain_text', text: label },
      ...(hint ? { hint: { type: 'plain_text', text: hint } } : {}),
      element: {
        type: 'plain_text_input',
        action_id: VALUE,
        max_length: 5,
        placeholder: { type: 'plain_text', text: 'e.g. 30m, 4h, 3d; empty: never' },
        ...(value ? { initial_value: formatDuration(value) } : {}),
      },
    }) as KnownBlock;
  return [
    { type: 'header', text: { type: 'plain_text', text: 'Reminders and approval deadlines' } },
    {
      type: 'input',
      block_id: T.reminders,
      optional: true,
      label: { type: 'plain_text', text: 'Reminders by direct message, at 09:00 in each person’s time zone' },
      element: { type: 'checkboxes', action_id: VALUE, options: REMINDER_OPTIONS, ...(on.length ? { initial_options: on } : {}) },
    } as KnownBlock,
    {
      type: 'input',
      block_id: T.muted,
      optional: true,
      label: { type: 'plain_text', text: 'Mute' },
      element: { type: 'checkboxes', action_id: VALUE, options: [MUTE_REMINDERS], ...(timing.muted ? { initial_options: [MUTE_REMINDERS] } : {}) },
    } as KnownBlock,
    duration(T.remindAfter, 'Remind the approvers after', d.remindAfter, 'Counted from when a revision is submitted.'),
    duration(T.escalateAfter, 'Escalate to the PICs after', d.escalateAfter),
    duration(T.decideAfter, 'Decide after', d.decideAfter, 'Then the post is approved or its request expires, as chosen below.'),
    {
      type: 'input',
      block_id: T.onDeadline,
      label: { type: 'plain_text', text: 'At the decision deadline' },
      element: { type: 'radio_buttons', action_id: VALUE, options: ON_DEADLINE, initial_option: ON_DEADLINE.find((o) => o.value === d.onDeadline) },
    } as KnownBlock,
    {
      type: 'input',
      block_id: T.businessTime,
      optional: true,
      label: { type: 'plain_text', text: 'Business time' },
      element: { type: 'checkboxes', action_id: VALUE, options: [BUSINESS], ...(d.businessTime ? { initial_options: [BUSINESS] } : {}) },
    } as KnownBlock,
  ];
}

const MUTE = { text: { type: 'plain_text' as const, text: "Mute this campaign's digest (the overview still lists it)" }, value: 'muted' };

/** A campaign's people and workflow options; private_metadata carries only its ID and version. */
export function campaignSettingsModal(campaign: Campaign): ModalView {
  const F = CAMPAIGN_FIELDS;
  const stagesLocked = lockedFields(campaign).optionalStages;
  const chosenStages = STAGE_OPTIONS.filter((option) => campaign.optionalStages[option.value as keyof Campaign['optionalStages']]);
  const input = (block_id: string, label: string, element: Record<string, unknown>) =>
    ({ type: 'input', block_id, label: { type: 'plain_text', text: label }, element: { action_id: VALUE, ...element } }) as KnownBlock;
  return {
    type: 'modal',
    callback_id: CAMPAIGN_SETTINGS,
    private_metadata: metadataOf(campaignAtVersion, { campaignId: campaign.id, version: campaign.version }),
    title: { type: 'plain_text', text: `${campaignReference(campaign.id)} settings` },
    submit: { type: 'plain_text', text: 'Save' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      input(F.salesPicId, 'Sales PIC', { type: 'users_select', initial_user: campaign.salesPicId }),
      input(F.influencerPicId, 'Influencer-management PIC', { type: 'users_select', initial_user: campaign.influencerPicId }),
      input(F.approverIds, 'Approvers', { type: 'multi_users_select', initial_users: campaign.approverIds.slice(0, 100) }),
      stagesLocked
        ? ({
            type: 'context',
            block_id: F.optionalStages,
            elements: [{ type: 'mrkdwn', text: `*${FIELD_LABELS.optionalStages}:* ${fieldText(campaign, 'optionalStages')}\n:lock: ${stagesLocked}` }],
          } as KnownBlock)
        : ({
            ...input(F.optionalStages, 'Optional stages', {
              type: 'checkboxes',
              options: STAGE_OPTIONS,
              ...(chosenStages.length ? { initial_options: chosenStages } : {}),
            }),
            optional: true,
          } as KnownBlock),
      input(F.agreementWindowDays, 'Days to sign an agreement', {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        initial_value: String(campaign.agreementWindowDays),
      }),
      {
        type: 'input',
        block_id: DIGEST_FIELDS.muted,
        optional: true,
        label: { type: 'plain_text', text: 'Daily digest' },
        element: { type: 'checkboxes', action_id: VALUE, options: [MUTE], ...(campaign.digestMuted ? { initial_options: [MUTE] } : {}) },
      } as KnownBlock,
      ...quorumInputs(campaign.quorum),
      ...timingInputs(campaign.timing),
    ],
  };
}
