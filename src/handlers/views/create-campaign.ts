import type { Listeners } from '../listeners.js';
import { CREATE_CAMPAIGN } from '../../views/campaign-form.js';
import { createCampaign } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { briefErrorsByBlock, parseCampaignBrief } from './campaign-brief.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(CREATE_CAMPAIGN, async ({ ack, body, view }) => {
    const parsed = parseCampaignBrief(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const created = await createCampaign(prisma, parsed.brief, { userId: body.user.id, now: now() }, view.id);
    if (!created.ok) return ack({ response_action: 'errors', errors: briefErrorsByBlock(created.errors) });
    await ack();
  });
}
