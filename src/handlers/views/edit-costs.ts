import type { Listeners } from '../listeners.js';
import type { Refusal } from '../../domain/decision.js';
import { currencyDigits } from '../../views/format.js';
import { EDIT_COSTS, costRefusalsModal, costsMetadata } from '../../views/participants.js';
import { refusalModal } from '../../views/refusals.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { editCosts, listParticipants } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { parseCosts } from './participants-form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  /**
   * Each participant's costs are saved in their own transaction: a refusal for one (locked after
   * a posted post, changed meanwhile) does not undo the others; the modal then lists the refused.
   * "Changed" compares with the stored amounts, so untouched rows are skipped even if moved since.
   */
  listeners.view(EDIT_COSTS, async ({ ack, body, view }) => {
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
