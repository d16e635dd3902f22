import type { Listeners } from '../listeners.js';
import { RESEND_FORM, RESEND_PICK, resentModal, resentText } from '../../views/agreements.js';
import { campaignParticipants } from '../../views/metadata.js';
import { refusalModal } from '../../views/refusals.js';
import { digestSettings } from '../../workflow/digests.js';
import { participantInCampaign, resendAgreement } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { tellAboutMoves } from '../influencer-messages.js';
import { read } from './form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  const { prisma, now } = context;

  listeners.view(RESEND_FORM, async ({ ack, body, view, client, logger }) => {
    const { versions } = readMetadata(campaignParticipants, view.private_metadata);
    const chosen = read(view.state.values, RESEND_PICK).selected_option?.value;
    if (!chosen || !(chosen in versions)) return ack({ response_action: 'errors', errors: { [RESEND_PICK]: 'Choose whose agreement to send again.' } });
    const acting = { userId: body.user.id, now: now() };
    const resent = await resendAgreement(prisma, Number(chosen), acting, versions[chosen]);
    if (!resent.ok) return ack({ response_action: 'update', view: refusalModal('Send agreement again', resent) });
    const found = await participantInCampaign(prisma, resent.value.id);
    if (!found) return ack();
    await ack({ response_action: 'update', view: resentModal(resentText(resent.value, found.campaign, (await digestSettings(prisma)).timeZone)) });
    await tellAboutMoves(client, prisma, logger, found.campaign.id, [resent.value], acting.userId);
  });
}
