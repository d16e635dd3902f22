import type { Listeners } from '../listeners.js';
import { type Campaign, lockedFields } from '../../domain/brief.js';
import { CAMPAIGN_FIELDS, EDIT_BRIEF } from '../../views/campaign-form.js';
import { campaignAtVersion } from '../../views/metadata.js';
import { refusalModal } from '../../views/refusals.js';
import * as campaigns from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { briefErrorsByBlock, parseCampaignBrief } from './campaign-brief.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(EDIT_BRIEF, async ({ ack, body, view }) => {
    const { campaignId, version } = readMetadata(campaignAtVersion, view.private_metadata);
    const current = await campaigns.getCampaign(prisma, campaignId);
    if (!current)
      return ack({
        response_action: 'update',
        view: refusalModal('Edit campaign', { ok: false, rule: 'campaign-not-found', reason: 'That campaign no longer exists.' }),
      });
    // Locked fields are not in the form: they keep their stored values.
    const fixed = Object.fromEntries(Object.keys(lockedFields(current)).map((field) => [field, current[field as keyof Campaign]]));
    const parsed = parseCampaignBrief(view.state.values, fixed);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const saved = await campaigns.editBrief(prisma, campaignId, parsed.brief, { userId: body.user.id, now: now() }, version);
    if (!saved.ok) {
      if (!('errors' in saved)) return ack({ response_action: 'update', view: refusalModal('Edit campaign', saved) });
      // This form has no quorum: a quorum the new approvers break is said at the approvers.
      const { quorum, ...errors } = briefErrorsByBlock(saved.errors);
      return ack({ response_action: 'errors', errors: quorum ? { ...errors, [CAMPAIGN_FIELDS.approverIds]: quorum } : errors });
    }
    await ack();
  });
}
