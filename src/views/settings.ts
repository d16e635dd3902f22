import type { KnownBlock, ModalView } from '@slack/types';
import { type Campaign, FIELD_LABELS, campaignReference, fieldText, lockedFields } from '../domain/brief.js';
import type { DigestSchedule } from '../domain/schedule.js';
import { MAX_GROUPS, type Quorum } from '../domain/quorum.js';
import { REMINDER_KINDS, REMINDER_LABELS, REMINDER_RECIPIENTS, type Timing } from '../domain/timing.js';
import { type Duration, formatDuration } from '../domain/durations.js';
import { context, header, input, modal, option, plain } from './blocks.js';
import { CAMPAIGN_FIELDS, STAGE_OPTIONS } from './campaign-form.js';
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

const WEEKDAY_OPTIONS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'].map((day, i) => option(String(i + 1), day));
const QUIET = option(QUIET_OPTION, 'On a quiet day, post "nothing needs you today"');

export interface DigestSettingsView extends DigestSchedule {
  overviewChannelId: string | null;
  quietDayMessage: boolean;
}

function digestBlocks(digest: DigestSettingsView): KnownBlock[] {
  const F = DIGEST_FIELDS;
  const days = WEEKDAY_OPTIONS.filter((option) => digest.days.includes(Number(option.value)));
  return [
    header('Daily digest'),
    input(F.time, 'Time', { type: 'timepicker', initial_time: digest.time }),
    input(
      F.timeZone,
      'Time zone',
      { type: 'plain_text_input', initial_value: digest.timeZone, max_length: 64 },
      { hint: 'An IANA time zone, e.g. Asia/Tokyo, Europe/Paris, America/New_York.' },
    ),
    input(F.days, 'Days', { type: 'checkboxes', options: WEEKDAY_OPTIONS, ...(days.length ? { initial_options: days } : {}) }),
    input(
      F.overviewChannelId,
      "Managers' overview channel",
      {
        type: 'conversations_select',
        filter: { include: ['public', 'private'], exclude_bot_users: true },
        ...(digest.overviewChannelId ? { initial_conversation: digest.overviewChannelId } : {}),
      },
      { optional: true },
    ),
    input(
      F.quietDayMessage,
      'Quiet days',
      { type: 'checkboxes', options: [QUIET], ...(digest.quietDayMessage ? { initial_options: [QUIET] } : {}) },
      { optional: true },
    ),
  ];
}

/** Workspace settings (admins only): who the admins are, and when digests are posted where. */
export function settingsModal(admins: string[], digest: DigestSettingsView): ModalView {
  return modal({
    callback_id: SETTINGS,
    title: 'Campaign Desk settings',
    submit: 'Save',
    blocks: [
      input(
        ADMINS_BLOCK,
        'Admins',
        { type: 'multi_users_select', initial_users: admins.slice(0, 100) },
        { hint: "Admins may do everything a campaign's PICs may, in every campaign, and change these settings." },
      ),
      context("A campaign's PICs, approvers and digest mute are in `/campaign settings <campaign>`."),
      ...digestBlocks(digest),
    ],
  });
}

export const CAMPAIGN_SETTINGS = 'campaign_settings';
/** Block IDs of the post-approval quorum in the campaign settings; `kind` matches the field name, for errors. */
export const QUORUM_FIELDS = {
  kind: 'quorum',
  count: 'quorum_count',
  groups: Array.from({ length: MAX_GROUPS }, (_, i) => ({ name: `quorum_group_${i + 1}`, members: `quorum_group_${i + 1}_members` })),
} as const;
const QUORUM_OPTIONS = [
  option('any', 'Any one approver'),
  option('count', 'A number of the approvers'),
  option('groups', 'Named groups, each approves (e.g. Client and Legal)'),
];

/** Who must approve a post: the choice, the number, and up to three named groups of approvers. */
function quorumInputs(quorum: Quorum): KnownBlock[] {
  const Q = QUORUM_FIELDS;
  const groups = quorum.kind === 'groups' ? quorum.groups : [];
  return [
    header('Post approval'),
    input(
      Q.kind,
      'Who must approve a draft post',
      { type: 'radio_buttons', options: QUORUM_OPTIONS, initial_option: QUORUM_OPTIONS.find((o) => o.value === quorum.kind) },
      { hint: 'Each approver decides once per revision; one "Needs work" sends the post back.' },
    ),
    input(
      Q.count,
      'How many approvers',
      {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        ...(quorum.kind === 'count' ? { initial_value: String(quorum.count) } : {}),
      },
      { optional: true, hint: 'For "A number of the approvers".' },
    ),
    ...Q.groups.flatMap((block, i) => [
      input(
        block.name,
        `Group ${i + 1} name`,
        { type: 'plain_text_input', max_length: 40, ...(groups[i] ? { initial_value: groups[i].name } : {}) },
        { optional: true, ...(i === 0 ? { hint: 'For "Named groups": each group needs one approval from its members, who must be approvers.' } : {}) },
      ),
      input(
        block.members,
        `Group ${i + 1} members`,
        { type: 'multi_users_select', ...(groups[i] ? { initial_users: groups[i].memberIds.slice(0, 100) } : {}) },
        { optional: true },
      ),
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
const REMINDER_OPTIONS = REMINDER_KINDS.map((kind) => ({ text: plain(REMINDER_LABELS[kind]), description: plain(REMINDER_RECIPIENTS[kind]), value: kind }));
const MUTE_REMINDERS = option('muted', 'Mute every reminder of this campaign');
const ON_DEADLINE = [option('approve', 'Approve it automatically'), option('expire', 'Expire the request (the submitter is told and may submit again)')];
const BUSINESS = option('business', "Count business time: the digest's days, 09:00–18:00 in its time zone");

/** Which reminders go out, and what a waiting approval does as time passes (src/domain/timing.ts). */
function timingInputs(timing: Timing): KnownBlock[] {
  const T = TIMING_FIELDS;
  const on = REMINDER_OPTIONS.filter((option) => timing.reminders[option.value]);
  const d = timing.deadlines;
  const duration = (block_id: string, label: string, value: Duration | null, hint?: string) =>
    input(
      block_id,
      label,
      {
        type: 'plain_text_input',
        max_length: 5,
        placeholder: plain('e.g. 30m, 4h, 3d; empty: never'),
        ...(value ? { initial_value: formatDuration(value) } : {}),
      },
      { optional: true, ...(hint ? { hint } : {}) },
    );
  return [
    header('Reminders and approval deadlines'),
    input(
      T.reminders,
      'Reminders by direct message, at 09:00 in each person’s time zone',
      { type: 'checkboxes', options: REMINDER_OPTIONS, ...(on.length ? { initial_options: on } : {}) },
      { optional: true },
    ),
    input(
      T.muted,
      'Mute',
      { type: 'checkboxes', options: [MUTE_REMINDERS], ...(timing.muted ? { initial_options: [MUTE_REMINDERS] } : {}) },
      { optional: true },
    ),
    duration(T.remindAfter, 'Remind the approvers after', d.remindAfter, 'Counted from when a revision is submitted.'),
    duration(T.escalateAfter, 'Escalate to the PICs after', d.escalateAfter),
    duration(T.decideAfter, 'Decide after', d.decideAfter, 'Then the post is approved or its request expires, as chosen below.'),
    input(T.onDeadline, 'At the decision deadline', {
      type: 'radio_buttons',
      options: ON_DEADLINE,
      initial_option: ON_DEADLINE.find((o) => o.value === d.onDeadline),
    }),
    input(
      T.businessTime,
      'Business time',
      { type: 'checkboxes', options: [BUSINESS], ...(d.businessTime ? { initial_options: [BUSINESS] } : {}) },
      { optional: true },
    ),
  ];
}

const MUTE = option('muted', "Mute this campaign's digest (the overview still lists it)");

/** A campaign's people and workflow options; private_metadata carries only its ID and version. */
export function campaignSettingsModal(campaign: Campaign): ModalView {
  const F = CAMPAIGN_FIELDS;
  const stagesLocked = lockedFields(campaign).optionalStages;
  const chosenStages = STAGE_OPTIONS.filter((option) => campaign.optionalStages[option.value as keyof Campaign['optionalStages']]);
  return modal({
    callback_id: CAMPAIGN_SETTINGS,
    private_metadata: metadataOf(campaignAtVersion, { campaignId: campaign.id, version: campaign.version }),
    title: `${campaignReference(campaign.id)} settings`,
    submit: 'Save',
    blocks: [
      input(F.salesPicId, 'Sales PIC', { type: 'users_select', initial_user: campaign.salesPicId }),
      input(F.influencerPicId, 'Influencer-management PIC', { type: 'users_select', initial_user: campaign.influencerPicId }),
      input(F.approverIds, 'Approvers', { type: 'multi_users_select', initial_users: campaign.approverIds.slice(0, 100) }),
      stagesLocked
        ? context(`*${FIELD_LABELS.optionalStages}:* ${fieldText(campaign, 'optionalStages')}\n:lock: ${stagesLocked}`, F.optionalStages)
        : input(
            F.optionalStages,
            'Optional stages',
            { type: 'checkboxes', options: STAGE_OPTIONS, ...(chosenStages.length ? { initial_options: chosenStages } : {}) },
            { optional: true },
          ),
      input(F.agreementWindowDays, 'Days to sign an agreement', {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '1',
        initial_value: String(campaign.agreementWindowDays),
      }),
      input(
        DIGEST_FIELDS.muted,
        'Daily digest',
        { type: 'checkboxes', options: [MUTE], ...(campaign.digestMuted ? { initial_options: [MUTE] } : {}) },
        { optional: true },
      ),
      ...quorumInputs(campaign.quorum),
      ...timingInputs(campaign.timing),
    ],
  });
}
