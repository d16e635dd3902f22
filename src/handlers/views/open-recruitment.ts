import type { Listeners } from '../listeners.js';
import { CLOSE_DATE_BLOCK, OPEN_RECRUITMENT } from '../../views/open-recruitment.js';
import { campaignAtVersion } from '../../views/metadata.js';
import { refusalModal } from '../../views/refusals.js';
import * as campaigns from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { isoDay, read } from './form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(OPEN_RECRUITMENT, async ({ ack, body, view }) => {
    const { campaignId, version } = readMetadata(campaignAtVersion, view.private_metadata);
    const closeDate = isoDay(read(view.state.values, CLOSE_DATE_BLOCK).selected_date) ?? null;
    const acting = { userId: body.user.id, now: now() };
    const opened = await campaigns.openRecruitment(prisma, campaignId, acting, version, closeDate);
    if (!opened.ok) {
      return opened.rule === 'recruitment-close-date'
        ? ack({ response_action: 'errors', errors: { [CLOSE_DATE_BLOCK]: opened.reason } })
        : ack({ response_action: 'update', view: refusalModal('Open recruitment', opened) });
    }
    await ack();
  });
}
