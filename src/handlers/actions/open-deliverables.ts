import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { OPEN_DELIVERABLES, deliverablesModal } from '../../views/deliverables.js';
import { refuse } from '../../domain/decision.js';
import { listParticipants, participantInCampaign } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { answerRefusal, target } from './clicks.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // "Deliverables" next to a participant (show, App Home): the modal opens on that participant.
  listeners.action<BlockAction<ButtonAction>>(OPEN_DELIVERABLES, async (args) => {
    await args.ack();
    const found = await participantInCampaign(prisma, target(args.action).id);
    const participants = found ? await listParticipants(prisma, found.campaign.id) : [];
    if (!found) return answerRefusal(args, refuse('participant-not-found', 'That participant no longer exists.'), prisma, now());
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: deliverablesModal(found.campaign, participants, found.participant) });
  });
}
