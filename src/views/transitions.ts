import type { KnownBlock, ModalView } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import type { Refusal } from '../domain/decision.js';
import type { HistoryEntry } from '../domain/history.js';
import { STAGE_LABELS, type Stage } from '../domain/participation.js';
import { KIND_LABELS, type TransitionKind, UNDO_WINDOW_TEXT, transitionTable } from '../domain/transitions.js';
import type { SlackMessage } from './help.js';
import { mention } from './format.js';
import { actions, button, confirmDialog, context, input, modal, option, section, textModal } from './blocks.js';
import { clampMrkdwn, oneLine, userText } from './mrkdwn.js';
import { refusalText } from './refusals.js';
import { campaignParticipants, metadataOf } from './metadata.js';

export const UNDO = 'undo_change';
export const REOPEN = 'participant_reopen';
export const REOPEN_FIELDS = { participant: 'reopen_participant', reason: 'reopen_reason' } as const;

const KIND_ICONS: Record<TransitionKind, string> = {
  reversible: ':leftwards_arrow_with_hook:',
  reopenable: ':arrows_counterclockwise:',
  irreversible: ':lock:',
};

/** "↩ Reversible: Undo for 60 s": how a kind reads in modals and confirmations. */
export function kindText(kind: TransitionKind): string {
  return `${KIND_ICONS[kind]} ${KIND_LABELS[kind]}`;
}

/** The help's list of what can be taken back, from the domain's tables, by kind and by what moves. */
export function transitionsHelp(): string {
  const rows = transitionTable();
  const WHO: Record<TransitionKind, string> = {
    reversible: 'who did it, with the Undo button on the confirmation',
    reopenable: '`/campaign reopen`: the channel sees the reason; back to Reviewing, never to Applied',
    irreversible: 'the confirmation says so first',
  };
  const ENTITIES = { campaign: 'Campaign', participant: 'Participant', post: 'Post' } as const;
  const line = (kind: TransitionKind) => {
    const parts = (Object.keys(ENTITIES) as Array<keyof typeof ENTITIES>).flatMap((entity) => {
      const moves = rows.filter((row) => row.kind === kind && row.entity === entity);
      const archive = moves.some((row) => row.to === 'Archived') ? ['any → Archived'] : [];
      const shown = [...moves.filter((row) => row.to !== 'Archived').map((row) => `${row.from} → ${row.to}`), ...archive];
      return shown.length ? [`${ENTITIES[entity]}: ${shown.join(', ')}`] : [];
    });
    return `${kindText(kind)} (${WHO[kind]}). ${parts.join('. ')}.`;
  };
  return (['reversible', 'reopenable', 'irreversible'] as const).map(line).join('\n');
}

/** The Undo button of a confirmation: the history events it takes back, for UNDO_WINDOW_TEXT. */
export function undoButton(eventIds: string[]): KnownBlock {
  const confirm = confirmDialog('Undo?', `This restores exactly what was there before. Possible for ${UNDO_WINDOW_TEXT}.`, 'Undo', 'Keep');
  return actions([button(UNDO, 'Undo', eventIds.join(','), { confirm })]);
}

/** After moves: who moved where, their kind, an Undo for the reversible ones, and what was refused. */
export function movedModal(
  moved: Array<{ name: string; to: Stage; kind: TransitionKind; eventId: string }>,
  refused: Array<{ name: string; refusal: Refusal }>,
): ModalView {
  const lines = moved.map((m) => `• *${userText(m.name, 100)}* → ${STAGE_LABELS[m.to]} (${kindText(m.kind)})`);
  const undoable = moved.filter((m) => m.kind === 'reversible').map((m) => m.eventId);
  const refusedLines = refused.map(({ name, refusal }) => `• *${userText(name, 100)}*: ${refusalText(refusal)}`);
  return modal({
    title: 'Move participants',
    blocks: [
      ...(lines.length ? [section(clampMrkdwn(`:white_check_mark: Moved:\n${lines.join('\n')}`, 2900))] : []),
      ...(undoable.length ? [undoButton(undoable)] : []),
      ...(refusedLines.length ? [section(clampMrkdwn(`Refused:\n${refusedLines.join('\n')}`, 2900))] : []),
      ...(!lines.length ? [context('Nobody was moved.')] : []),
    ],
  });
}

/** A step done, with its kind and, when reversible, its Undo. */
export function stepDoneModal(title: string, done: string, kind: TransitionKind, eventId: string | undefined): ModalView {
  return modal({
    title,
    blocks: [section(`:white_check_mark: ${done}\n${kindText(kind)}`), ...(kind === 'reversible' && eventId ? [undoButton([eventId])] : [])],
  });
}

/** What an Undo did, or why not, in place of the confirmation. */
export function undoResult(lines: string[]): { modal: ModalView; message: SlackMessage } {
  const text = clampMrkdwn(lines.join('\n'), 2900);
  return { modal: textModal('Undo', text), message: { text, blocks: [section(text)] } };
}

/** An admin's reopen: which decided applicant goes back to Reviewing, and why (required). */
export function reopenModal(campaign: Campaign, decided: Array<{ id: number; version: number; influencerName: string; stage: Stage }>): ModalView {
  return modal({
    callback_id: REOPEN,
    private_metadata: metadataOf(campaignParticipants, { campaignId: campaign.id, versions: Object.fromEntries(decided.map((p) => [p.id, p.version])) }),
    title: 'Reopen a decision',
    submit: 'Reopen',
    blocks: [
      section(
        `Send an applicant of *${campaignReference(campaign.id)} ${userText(campaign.title, 150)}* back to ${STAGE_LABELS.reviewing}. The reason stays in the history and is posted in <#${campaign.channelId}>.`,
      ),
      input(REOPEN_FIELDS.participant, 'Applicant', {
        type: 'static_select',
        options: decided.slice(0, 100).map((p) => option(String(p.id), `${p.influencerName} (${STAGE_LABELS[p.stage]})`)),
      }),
      input(REOPEN_FIELDS.reason, 'Why?', { type: 'plain_text_input', multiline: true, max_length: 1000 }),
      context(`${kindText('reopenable')}. Never back to Applied; not after collaboration starts.`),
    ],
  });
}

/** Posted in the campaign channel when an admin reopens a decision. */
export function reopenAnnouncement(campaign: Campaign, influencerName: string, entry: HistoryEntry): SlackMessage {
  const from = STAGE_LABELS[entry.from as Stage] ?? oneLine(entry.from ?? '', 40);
  const to = STAGE_LABELS[entry.to as Stage] ?? oneLine(entry.to ?? '', 40);
  const text = `:arrows_counterclockwise: ${mention(entry.actor)} reopened the decision on *${userText(influencerName, 100)}* in ${campaignReference(campaign.id)}: ${from} → ${to}.\n> ${userText(entry.reason ?? '', 1000)}`;
  return { text, blocks: [section(text)] };
}
