import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { HOME_CAMPAIGN_STEP } from '../../views/home.js';
import { STEPS, type Step, confirmStepModal } from '../../views/modals.js';
import { getCampaign } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { buttonNumbers } from '../payload.js';
import { answerRefusal } from './clicks.js';

const isStep = (name: string): name is Step => Object.hasOwn(STEPS, name);

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // The same confirmation as `/campaign <step>`, for the version the PIC saw in App Home.
  listeners.action<BlockAction<ButtonAction>>(HOME_CAMPAIGN_STEP, async (args) => {
    await args.ack();
    const [step = '', ...ids] = (args.action.value ?? '').split(':');
    const [id = NaN, version = NaN] = buttonNumbers(ids.join(':'), 2);
    const campaign = await getCampaign(prisma, id);
    if (!campaign || !isStep(step))
      return answerRefusal(args, { ok: false, rule: 'campaign-not-found', reason: 'That campaign no longer exists.' }, prisma, now());
    await args.client.views.open({ trigger_id: args.body.trigger_id, view: confirmStepModal(step, { ...campaign, version }) });
  });
}
