import type { Listeners } from '../listeners.js';
import { campaignAtVersion } from '../../views/metadata.js';
import { refusalModal } from '../../views/refusals.js';
import { CAMPAIGN_SETTINGS, TIMING_FIELDS } from '../../views/settings.js';
import { editBrief } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { readMetadata } from '../payload.js';
import { briefErrorsByBlock, parseCampaignSettings } from './campaign-brief.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(CAMPAIGN_SETTINGS, async ({ ack, body, view }) => {
    const { campaignId, version } = readMetadata(campaignAtVersion, view.private_metadata);
    const parsed = parseCampaignSettings(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const saved = await editBrief(prisma, campaignId, parsed.changes, { userId: body.user.id, now: now() }, version);
    if (!saved.ok) {
      return 'errors' in saved
        ? ack({
            response_action: 'errors',
            errors: Object.fromEntries(
              Object.entries(briefErrorsByBlock(saved.errors)).map(([block, message]) => [block === 'timing' ? TIMING_FIELDS.decideAfter : block, message]),
            ),
          })
        : ack({ response_action: 'update', view: refusalModal('Campaign settings', saved) });
    }
    await ack();
  });
}
