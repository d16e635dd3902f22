import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { HOME_CAMPAIGN_STEP } from '../../views/home.js';
import { STEPS, type Step, confirmStepModal } from '../../views/modals.js';
import { OPEN_RECRUITMENT_BUTTON, openRecruitmentModal } from '../../views/open-recruitment.js';
import { getCampaign, mayOpenRecruitment } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { buttonNumbers } from '../odd-input.js';
import { answerRefusal, opensForm } from './clicks.js';

const isStep = (name: string): name is Step => Object.hasOwn(STEPS, name);

export function register(app: App, context: HandlerContext): void {
  const { prisma, now } = context;
  // Only a PIC gets the form; anyone else, or a click after recruitment opened, is told why.
  app.action<BlockAction<ButtonAction>>(
    OPEN_RECRUITMENT_BUTTON,
    opensForm(context, mayOpenRecruitment, async (campaign) => openRecruitmentModal(campaign)),
  );

  // The same confirmation as `/campaign <step>`, for the version the PIC saw in App Home.
  app.action<BlockAction<ButtonAction>>(HOME_CAMPAIGN_STEP, async (args) => {
    await args.ack();
    const [step = '', ...ids] = (args.action.value ?? '').split(':');
    const [id = NaN, version = NaN] = buttonNumbers(ids.join(':'), 2);
    const campaign = await getCampaign(prisma, id);
    if (!campaign || !isStep(step))
      return answerRefusal(args, { ok: false, rule: 'campaign-not-found', reason: 'That campaign no longer exists.' }, prisma, now());
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: confirmStepModal(step, { ...campaign, version }) });
  });
}
