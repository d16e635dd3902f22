import type { App } from '@slack/bolt';
import type { Refusal } from '../../domain/decision.js';
import type { Participant } from '../../domain/participation.js';
import { currencyDigits } from '../../views/format.js';
import { EDIT_COSTS, MOVE_FIELDS, MOVE_PARTICIPANT, costRefusalsModal, moveRefusalsModal } from '../../views/participants.js';
import { refusalModal } from '../../views/refusals.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { editCosts, listParticipants, moveParticipant } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { tellAboutMoves } from '../influencer-messages.js';
import { costsMetadata, moveMetadata, parseCosts, parseMoveStage } from './participants-form.js';
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
      return ack({ response_action: 'errors', errors: hasStage ? parsed.errors : { [MOVE_FIELDS.participant]: 'These participants cannot move together; choose others.' } });
    }
    const acting = { userId: body.user.id, now: now() };
    const names = new Map((await listParticipants(prisma, campaignId)).map((p) => [p.id, p.influencerName]));
    const refused: Array<{ name: string; refusal: Refusal }> = [];
    const movedOnes: Participant[] = [];
    for (const [participantId, version] of chosen) {
      const moved = await moveParticipant(prisma, participantId, parsed.stage, acting, version);
      if (moved.ok) movedOnes.push(moved.value);
      else refused.push({ name: names.get(participantId) ?? `#${participantId}`, refusal: moved });
    }
    await (refused.length > 0 ? ack({ response_action: 'update', view: moveRefusalsModal(refused, movedOnes.length) }) : ack());
    await tellAboutMoves(client, prisma, logger, campaignId, movedOnes, acting.userId);
  });

  /**
   * Each participant's costs are saved in their own transaction: a refusal for one (locked after
   * a posted post, changed meanwhile) does not undo the others; the modal then lists the refused.
   * "Changed" compares with the stored amounts, so untouched rows are skipped even if moved since.
   */
  app.view(EDIT_COSTS, async ({ ack, body, view }) => {
    const { campaignId, versions } = readMetadata(costsMetadata, view.private_metadata);
    const [campaign, participants] = await Promise.all([getCampaign(prisma, campaignId), listParticipants(prisma, campaignId)]);
    if (!campaign) return ack({ response_action: 'update', view: refusalModal('Budgets and costs', { ok: false, rule: 'campaign-not-found', reason: 'That campaign does not exist.' }) });
    const parsed = parseCosts(view.state.values, [...versions.keys()], currencyDigits(campaign.currency));
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const acting = { userId: body.user.id, now: now() };
    const refused: Array<{ name: string; refusal: Refusal }> = [];
    let saved = 0;
    for (const participant of participants) {
      const costs = parsed.costs.get(participant.id);
      if (!costs) continue;
      const unchanged = costs.budgetMinor === participant.budgetMinor && costs.influencerCostMinor === participant.influencerCostMinor && costs.shippingCostMinor === participant.shippingCostMinor;
      if (unchanged) continue;
      const edited = await editCosts(prisma, participant.id, costs, acting, versions.get(participant.id));
      if (edited.ok) saved += 1;
      else refused.push({ name: participant.influencerName, refusal: edited });
    }
    if (refused.length > 0) return ack({ response_action: 'update', view: costRefusalsModal(refused, saved) });
    await ack();
  });
}
