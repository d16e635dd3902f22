import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { type Campaign, PLATFORMS, PLATFORM_LABELS, type Platform, campaignReference } from '../domain/brief.js';
import {
  CONTENT_KINDS,
  CONTENT_KIND_LABELS,
  type Deliverable,
  MAX_DELIVERABLE_NOTES,
  MAX_DELIVERABLE_QUANTITY,
  type Participant,
  STAGES,
  STAGE_LABELS,
  describeDeliverable,
  mayEditDeliverables,
} from '../domain/participation.js';
import { type InputElement, actions, context, input, modal, option, plain, section } from './blocks.js';
import { calendarDate } from './format.js';
import { truncate, userText } from './mrkdwn.js';
import { z } from 'zod';
import { metadataOf, storedInt } from './metadata.js';

export const EDIT_DELIVERABLES = 'participant_deliverables';
/** The participant select at the top of the deliverables modal (an actions block: choosing re-renders the modal). */
export const PICK_DELIVERABLES_PARTICIPANT = 'deliverables_pick';
/** The "Deliverables" button next to a participant in `show` and App Home: value "<participantId>:<version>". */
export const OPEN_DELIVERABLES = 'deliverables_open';
export const DELIVERABLE_FIELDS = ['platform', 'kind', 'quantity', 'due', 'notes'] as const;
export type DeliverableField = (typeof DELIVERABLE_FIELDS)[number];
/** 8 lines × 6 blocks stay well under a modal's 100 blocks. */
export const MAX_DELIVERABLE_LINES = 8;
const MAX_OPTIONS = 100;

export function deliverableBlockId(line: number, field: DeliverableField): string {
  return `d${line}_${field}`;
}

/** What the submit handler needs besides the inputs: whose deliverables, the version seen, how many lines. */
export const deliverablesMetadata = z.object({
  campaignId: storedInt.positive(),
  participantId: storedInt.positive().optional(),
  version: storedInt.optional(),
  lines: z.number().int().min(0).max(50).optional(),
});

function participantOption(p: Participant): PlainTextOption {
  const stage = STAGE_LABELS[p.stage];
  return option(String(p.id), `${truncate(p.influencerName, 75 - stage.length - 3)} · ${stage}`);
}

function lineBlocks(campaign: Campaign, line: number, deliverable: Deliverable | undefined): KnownBlock[] {
  const platforms = PLATFORMS.filter((p) => campaign.platforms.includes(p) || p === deliverable?.platform);
  const field = (name: DeliverableField, label: string, element: InputElement, hint?: string) =>
    input(deliverableBlockId(line, name), label, element, { optional: true, ...(hint ? { hint } : {}) });
  const platformOption = (p: Platform) => option(p, PLATFORM_LABELS[p]);
  return [
    context(`*Deliverable ${line + 1}*${deliverable ? '' : ' (new)'}`),
    field('platform', 'Platform', {
      type: 'static_select',
      options: platforms.map(platformOption),
      ...(deliverable ? { initial_option: platformOption(deliverable.platform) } : {}),
    }),
    field('kind', 'Kind of content', {
      type: 'static_select',
      options: CONTENT_KINDS.map((k) => option(k, CONTENT_KIND_LABELS[k])),
      ...(deliverable ? { initial_option: option(deliverable.kind, CONTENT_KIND_LABELS[deliverable.kind]) } : {}),
    }),
    field(
      'quantity',
      'How many',
      {
        type: 'number_input',
        is_decimal_allowed: false,
        min_value: '0',
        max_value: String(MAX_DELIVERABLE_QUANTITY),
        ...(deliverable ? { initial_value: String(deliverable.quantity) } : {}),
      },
      deliverable ? '0 removes this deliverable.' : undefined,
    ),
    field('due', 'Due date', { type: 'datepicker', ...(deliverable ? { initial_date: calendarDate(deliverable.dueDate) } : {}) }),
    field('notes', 'Notes', {
      type: 'plain_text_input',
      max_length: MAX_DELIVERABLE_NOTES,
      ...(deliverable?.notes ? { initial_value: deliverable.notes } : {}),
    }),
  ];
}

/**
 * `/campaign deliverables`: choose a participant, then edit its deliverable lines (its current
 * ones plus an empty one). Outside the Candidates phase the modal says why they cannot be edited.
 */
export function deliverablesModal(campaign: Campaign, participants: Participant[], chosen?: Participant): ModalView {
  const order = (a: Participant, b: Participant) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.influencerName.localeCompare(b.influencerName);
  const shown = [...participants].sort(order).slice(0, MAX_OPTIONS);
  const blocks: KnownBlock[] = [
    section(`What each participant of *${campaignReference(campaign.id)} ${userText(campaign.title, 200)}* must post.`),
    actions(
      [
        {
          type: 'static_select',
          placeholder: plain('Choose a participant'),
          options: shown.map(participantOption),
          ...(chosen ? { initial_option: participantOption(chosen) } : {}),
        },
      ],
      PICK_DELIVERABLES_PARTICIPANT,
    ),
  ];
  const metadata: z.input<typeof deliverablesMetadata> = { campaignId: campaign.id };
  const editable = chosen && mayEditDeliverables(chosen, campaign);
  if (chosen && editable && !editable.ok) {
    const current = chosen.deliverables.map((d) => `• ${userText(describeDeliverable(d), 600)}`).join('\n') || 'No deliverables yet.';
    blocks.push(section(`:no_entry: ${editable.reason}\n${current}`));
  } else if (chosen) {
    const lines = Math.min(MAX_DELIVERABLE_LINES, Math.max(2, chosen.deliverables.length + 1));
    for (let line = 0; line < lines; line += 1) blocks.push(...lineBlocks(campaign, line, chosen.deliverables[line]));
    blocks.push(context('Empty lines are ignored. Saving replaces the participant’s deliverables and records the change in the history.'));
    Object.assign(metadata, { participantId: chosen.id, version: chosen.version, lines });
  }
  const canSave = metadata.participantId !== undefined;
  return modal({
    callback_id: EDIT_DELIVERABLES,
    private_metadata: metadataOf(deliverablesMetadata, metadata),
    title: 'Deliverables',
    submit: canSave ? 'Save' : undefined,
    blocks,
  });
}
