import type { Listeners } from '../listeners.js';
import { type Campaign, campaignReference } from '../../domain/brief.js';
import type { Decision } from '../../domain/decision.js';
import { campaignStepKind } from '../../domain/transitions.js';
import { CONFIRM_STEP, STEPS, type Step, stepMetadata } from '../../views/modals.js';
import { refusalModal } from '../../views/refusals.js';
import { stepDoneModal } from '../../views/transitions.js';
import * as campaigns from '../../workflow/campaigns.js';
import { lastEventId } from '../../workflow/history.js';
import type { HandlerContext } from '../context.js';
import { tellAboutCollaboration } from '../influencer-messages.js';
import { readMetadata } from '../payload.js';

const STEP_USE_CASES: Record<Step, typeof campaigns.publishProposal> = {
  delete: campaigns.deleteDraft,
  publish: campaigns.publishProposal,
  close: campaigns.closeRecruitment,
  'start-collaboration': campaigns.startCollaboration,
  complete: campaigns.completeCampaign,
  archive: campaigns.archiveCampaign,
};

/** The confirmation of a campaign step (`/campaign <step>`, or its App Home button). */
export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(CONFIRM_STEP, async ({ ack, body, view, client, logger }) => {
    const { step, campaignId, version } = readMetadata(stepMetadata, view.private_metadata);
    const acting = { userId: body.user.id, now: now() };
    const decided: Decision<Campaign> = await STEP_USE_CASES[step](prisma, campaignId, acting, version);
    if (!decided.ok) return ack({ response_action: 'update', view: refusalModal(STEPS[step].title, decided) });
    // A reversible step's confirmation offers its Undo (src/domain/transitions.ts); the others close.
    if (step === 'close') {
      const closedId = await lastEventId(prisma, 'campaign', campaignId, 'campaign.recruitment_closed');
      return ack({
        response_action: 'update',
        view: stepDoneModal(
          STEPS.close.title,
          `Recruitment is closed for ${campaignReference(campaignId)}.`,
          campaignStepKind('recruiting', 'recruitment_closed'),
          closedId,
        ),
      });
    }
    await ack();
    if (step === 'start-collaboration') await tellAboutCollaboration(client, prisma, logger, decided.value, acting.userId);
  });
}
