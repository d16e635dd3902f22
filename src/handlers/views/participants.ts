import type { App } from '@slack/bolt';
import type { Refusal } from '../../domain/decision.js';
import { type Participant, STAGE_LABELS, type Stage } from '../../domain/participation.js';
import { currencyDigits } from '../../views/format.js';
import { EDIT_COSTS, MOVE_FIELDS, MOVE_PARTICIPANT, costRefusalsModal, costsMetadata, moveMetadata } from '../../views/participants.js';
import { REOPEN, REOPEN_FIELDS, movedModal, stepDoneModal } from '../../views/transitions.js';
import { reopenParticipant } from '../../workflow/undo.js';
import { read } from './form.js';
import { userText } from '../../views/mrkdwn.js';
import { stageMoveKind } from '../../domain/transitions.js';
import { refusalModal } from '../../views/refusals.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { editCosts, listParticipants, moveParticipant } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { tellAboutMoves } from '../influencer-messages.js';
import { parseCosts, parseMoveStage } from './participants-form.js';
import { campaignParticipants } from '../../views/metadata.js';
import { readMetadata } from '../odd-input.js';

export function register(app: App, context: HandlerContext): void {
  const { prisma, now } = context;

  // Each participant moves in its own transaction: one refused (stale, not allowed) does not undo the others.
  app.view(MOVE_PARTICIPANT, async ({ ack, body, view, client, logger }) => {
    const { campaignId, chosen } = readMetadata(moveMetadata, view.private_metadata);
    if (chosen.size === 0) return ack({ response_action: 'errors', errors: { [MOVE_FIELDS.participant]: 'Choose at least one participant.' } });
    const parsed = parseMoveStage(view.state.values);
    if (!parsed.ok) {
      // Without a stage select (nowhere to move), the error can only sit on the participant select.
      const hasStage = view.blocks.some((block) => block.block_id === MOVE_FIELDS.stage);
      return ack({
        response_action: 'errors',
        errors: hasStage ? parsed.errors : { [MOVE_FIELDS.participant]: 'These participants cannot move together; choose others.' },
      });
    }
    const acting = { userId: body.user.id, now: now() };
    const listed = await listParticipants(prisma, campaignId);
    const names = new Map(listed.map((p) => [p.id, p.influencerName]));
    const stages = new Map(listed.map((p) => [p.id, p.stage]));
    const refused: Array<{ name: string; refusal: Refusal }> = [];
    const movedOnes: Array<Participant & { eventId: string; from: Stage }> = [];
    for (const [participantId, version] of chosen) {
      const before = stages.get(participantId);
      const moved = await moveParticipant(prisma, participantId, parsed.stage, acting, version);
      if (moved.ok && before) movedOnes.push({ ...moved.value, from: before });
      else if (!moved.ok) refused.push({ name: names.get(participantId) ?? `#${participantId}`, refusal: moved });
    }
    // The confirmation says each move's kind and offers Undo for the reversible ones.
    const shown = movedOnes.map((p) => ({ name: p.influencerName, to: p.stage, kind: stageMoveKind(p.from, p.stage), eventId: p.eventId }));
    await ack({ response_action: 'update', view: movedModal(shown, refused) });
    await tellAboutMoves(client, prisma, logger, campaignId, movedOnes, acting.userId);
  });

  // An admin reopens one decided applicant; the reason is required and goes to the history and the channel.
  app.view(REOPEN, async ({ ack, body, view }) => {
    const { versions } = readMetadata(campaignParticipants, view.private_metadata);
    const chosen = Number(read(view.state.values, REOPEN_FIELDS.participant).selected_option?.value);
    const reason = (read(view.state.values, REOPEN_FIELDS.reason).value ?? '').trim();
    if (!reason) return ack({ response_action: 'errors', errors: { [REOPEN_FIELDS.reason]: 'Say why it is reopened; the channel sees it.' } });
    if (!versions[chosen]) return ack({ response_action: 'errors', errors: { [REOPEN_FIELDS.participant]: 'Choose an applicant.' } });
    const reopened = await reopenParticipant(prisma, chosen, reason, { userId: body.user.id, now: now() }, versions[chosen]);
    if (!reopened.ok) return ack({ response_action: 'update', view: refusalModal('Reopen a decision', reopened) });
    await ack({
      response_action: 'update',
      view: stepDoneModal(
        'Reopen a decision',
        `*${userText(reopened.value.influencerName, 100)}* is back in ${STAGE_LABELS.reviewing}; the channel was told why.`,
        'reopenable',
        undefined,
      ),
    });
  });

  /**
   * Each participant's costs are saved in their own transaction: a refusal for one (locked after
   * a posted post, changed meanwhile) does not undo the others; the modal then lists the refused.
   * "Changed" compares with the stored amounts, so untouched rows are skipped even if moved since.
   */
  app.view(EDIT_COSTS, async ({ ack, body, view }) => {
    const { campaignId, versions } = readMetadata(costsMetadata, view.private_metadata);
    const [campaign, participants] = await Promise.all([getCampaign(prisma, campaignId), listParticipants(prisma, campaignId)]);
    if (!campaign)
      return ack({
        response_action: 'update',
        view: refusalModal('Budgets and costs', { ok: false, rule: 'campaign-not-found', reason: 'That campaign does not exist.' }),
      });
    const parsed = parseCosts(view.state.values, [...versions.keys()], currencyDigits(campaign.currency));
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const acting = { userId: body.user.id, now: now() };
    const refused: Array<{ name: string; refusal: Refusal }> = [];
    let saved = 0;
    for (const participant of participants) {
      const costs = parsed.costs.get(participant.id);
      if (!costs) continue;
      const unchanged =
        costs.budgetMinor === participant.budgetMinor &&
        costs.influencerCostMinor === participant.influencerCostMinor &&
        costs.shippingCostMinor === participant.shippingCostMinor;
      if (unchanged) continue;
      const edited = await editCosts(prisma, participant.id, costs, acting, versions.get(participant.id));
      if (edited.ok) saved += 1;
      else refused.push({ name: participant.influencerName, refusal: edited });
    }
    if (refused.length > 0) return ack({ response_action: 'update', view: costRefusalsModal(refused, saved) });
    await ack();
  });
}
