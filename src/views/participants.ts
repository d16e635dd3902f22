import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { type TransitionKind, UNDO_WINDOW_TEXT, stageMoveKind } from '../domain/transitions.js';
import { type Campaign, campaignReference } from '../domain/brief.js';
import type { Refusal } from '../domain/decision.js';
import { profitOf } from '../domain/metrics.js';
import { type Participant, STAGES, STAGE_LABELS, type Stage, nextStages } from '../domain/participation.js';
import { context, input, modal, option, plain, section } from './blocks.js';
import { PROFIT_FORMULA, count, currencyDigits, majorUnits, money } from './format.js';
import { clampMrkdwn, truncate, userText } from './mrkdwn.js';
import { refusalText } from './refusals.js';
import { z } from 'zod';
import { metadataOf, participantVersions, storedInt } from './metadata.js';

export const MOVE_PARTICIPANT = 'participant_move';
export const MOVE_FIELDS = { participant: 'move_participant', stage: 'move_stage' } as const;
export const EDIT_COSTS = 'participant_costs';
export const COST_FIELDS = ['budget', 'influencer_cost', 'shipping_cost'] as const;
export type CostField = (typeof COST_FIELDS)[number];
/** 20 participants × (name + 3 inputs) and the intro stay under a modal's 100 blocks. */
export const MAX_COST_ROWS = 20;
const MAX_OPTIONS = 100;

const COST_LABELS: Record<CostField, string> = { budget: 'Budget', influencer_cost: 'Influencer cost', shipping_cost: 'Shipping cost' };

export function costBlockId(participantId: number, field: CostField): string {
  return `p${participantId}_${field}`;
}

const byStage = (a: Participant, b: Participant) => STAGES.indexOf(a.stage) - STAGES.indexOf(b.stage) || a.influencerName.localeCompare(b.influencerName);

function participantOption(p: Participant): PlainTextOption {
  const stage = STAGE_LABELS[p.stage];
  return option(String(p.id), `${truncate(p.influencerName, 75 - stage.length - 3)} · ${stage}`);
}

/** Why a participant has nowhere to go; the domain gives the same reasons when a move is forced. */
function noMoveReason(stage: Stage): string {
  if (stage === 'declined') return 'A declined participant does not move; a PIC can send the agreement again (`/campaign resend`) until collaboration starts.';
  if (stage === 'not_selected') return 'Not selected is final: collaboration started without this influencer.';
  if (stage === 'signed') return 'A signed participant becomes Collaborating when collaboration starts.';
  return `${STAGE_LABELS[stage]} is an end stage: there is nowhere to move this participant.`;
}

/** `chosen`: participant ID → the version the mover saw (none until participants are chosen). */
export const moveMetadata = z.object({
  campaignId: storedInt.positive(),
  chosen: participantVersions.default({}).transform((chosen) => new Map(Object.entries(chosen).map(([p, v]) => [Number(p), v]))),
});

/**
 * Move in two steps inside one view: choose participants (the select dispatches an action),
 * then the view is updated to offer only the stages the pipeline allows from where they all are.
 */
export function moveModal(campaign: Campaign, participants: Participant[], chosen: Participant[] = []): ModalView {
  const shown = [...participants].sort(byStage).slice(0, MAX_OPTIONS);
  const groups = [...new Set(shown.map((p) => p.stage))].map((stage) => ({
    label: plain(STAGE_LABELS[stage]),
    options: shown.filter((p) => p.stage === stage).map(participantOption),
  }));
  const initial = chosen.filter((c) => shown.some((p) => p.id === c.id)).map(participantOption);
  const blocks: KnownBlock[] = [
    section(`Move participants of *${campaignReference(campaign.id)} ${userText(campaign.title, 200)}* to another stage.`),
    input(
      MOVE_FIELDS.participant,
      'Participants',
      {
        type: 'multi_static_select',
        placeholder: plain('Choose participants'),
        option_groups: groups,
        ...(initial.length ? { initial_options: initial } : {}),
      },
      { dispatch_action: true },
    ),
  ];
  if (participants.length > shown.length) {
    blocks.push(context(`+${participants.length - shown.length} not shown.`));
  }
  if (chosen.length) blocks.push(stageChoice(campaign, chosen));
  const metadata: z.input<typeof moveMetadata> = chosen.length
    ? { campaignId: campaign.id, chosen: Object.fromEntries(chosen.map((p) => [p.id, p.version])) }
    : { campaignId: campaign.id };
  return modal({
    callback_id: MOVE_PARTICIPANT,
    private_metadata: metadataOf(moveMetadata, metadata),
    title: 'Move participants',
    submit: 'Move',
    blocks,
  });
}

/** The stages every chosen participant may move to, or why there are none. */
function stageChoice(campaign: Campaign, chosen: Participant[]): KnownBlock {
  const targets = chosen.map((p) => nextStages(p.stage, campaign)).reduce((common, next) => common.filter((stage) => next.includes(stage)));
  if (targets.length === 0) {
    const reason =
      chosen.length === 1
        ? noMoveReason(chosen[0]!.stage)
        : 'These participants have no stage in common to move to: choose participants who are in the same stage.';
    return section(`:no_entry: ${reason}`);
  }
  return input(
    MOVE_FIELDS.stage,
    chosen.length === 1 ? `Move from ${STAGE_LABELS[chosen[0]!.stage]} to` : `Move ${chosen.length} participants to`,
    { type: 'static_select', options: targets.map((stage) => option(stage, `${STAGE_LABELS[stage]}${moveKindSuffix(chosen, stage)}`)) },
    { hint: `Undo: the confirmation offers it for ${UNDO_WINDOW_TEXT}. Admin can reopen: an applicant's decision, with a reason (\`/campaign reopen\`).` },
  );
}

const KIND_SUFFIX: Record<TransitionKind, string> = { reversible: ' · Undo', reopenable: ' · admin can reopen', irreversible: ' · irreversible' };

/** The kind of moving every chosen participant to `to`, when they all agree (src/domain/transitions.ts). */
function moveKindSuffix(chosen: Participant[], to: Stage): string {
  const kinds = new Set(chosen.map((p) => stageMoveKind(p.stage, to)));
  return kinds.size === 1 ? KIND_SUFFIX[[...kinds][0]!] : '';
}

/** `versions`: participant ID → the version each row showed. */
export const costsMetadata = z.object({
  campaignId: storedInt.positive(),
  versions: participantVersions.transform((versions) => new Map(Object.entries(versions).map(([p, v]) => [Number(p), v]))),
});

export function costsModal(campaign: Campaign, participants: Participant[]): ModalView {
  const shown = participants.slice(0, MAX_COST_ROWS);
  const digits = currencyDigits(campaign.currency);
  const influencerCosts = participants.reduce((sum, p) => sum + p.influencerCostMinor, 0);
  const amounts = (p: Participant): Record<CostField, number> => ({
    budget: p.budgetMinor,
    influencer_cost: p.influencerCostMinor,
    shipping_cost: p.shippingCostMinor,
  });
  const blocks: KnownBlock[] = [
    section(`Budgets and costs in *${campaignReference(campaign.id)} ${userText(campaign.title, 200)}*, in ${campaign.currency}.`),
    context(
      `Campaign profit now: *${money(profitOf(campaign.budgetMinor, influencerCosts), campaign.currency)}* (campaign budget ${money(campaign.budgetMinor, campaign.currency)} − influencer costs ${money(influencerCosts, campaign.currency)}). ${PROFIT_FORMULA}`,
    ),
  ];
  if (participants.length > shown.length) blocks.push(context(`Showing the first ${shown.length} of ${count(participants.length, 'participant')}.`));
  for (const p of shown) {
    const profit = money(profitOf(p.budgetMinor, p.influencerCostMinor), campaign.currency);
    blocks.push(section(`*${userText(p.influencerName, 200)}* · ${STAGE_LABELS[p.stage]} · profit now ${profit}`));
    for (const field of COST_FIELDS) {
      blocks.push(
        input(costBlockId(p.id, field), `${COST_LABELS[field]} for ${truncate(p.influencerName, 150)} (${campaign.currency})`, {
          type: 'number_input',
          is_decimal_allowed: digits > 0,
          min_value: '0',
          initial_value: majorUnits(amounts(p)[field], digits),
        }),
      );
    }
  }
  return modal({
    callback_id: EDIT_COSTS,
    private_metadata: metadataOf(costsMetadata, { campaignId: campaign.id, versions: Object.fromEntries(shown.map((p) => [p.id, p.version])) }),
    title: 'Budgets and costs',
    submit: 'Save',
    blocks,
  });
}

/** Participants whose change was refused, grouped by reason (a non-manager gets one line, not twenty). */
export function refusedParticipantsModal(title: string, refused: Array<{ name: string; refusal: Refusal }>, summary: string): ModalView {
  const byReason = new Map<string, string[]>();
  for (const { name, refusal } of refused) byReason.set(refusalText(refusal), [...(byReason.get(refusalText(refusal)) ?? []), name]);
  const lines = [...byReason].map(([reason, names]) => `• *${names.map((name) => userText(name, 100)).join(', ')}*: ${reason}`);
  return modal({ title, blocks: [section(clampMrkdwn(`Some changes were refused:\n${lines.join('\n')}`, 2900)), context(summary)] });
}

export function costRefusalsModal(refused: Array<{ name: string; refusal: Refusal }>, saved: number): ModalView {
  return refusedParticipantsModal(
    'Budgets and costs',
    refused,
    saved > 0 ? `The changes for ${count(saved, 'other participant')} were saved.` : 'Nothing was saved.',
  );
}
