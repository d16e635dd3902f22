import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { OPEN_RECRUITMENT_BUTTON, openRecruitmentModal } from '../../views/open-recruitment.js';
import { mayOpenRecruitment } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { opensForm } from './clicks.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  // Only a PIC gets the form; anyone else, or a click after recruitment opened, is told why.
  listeners.action<BlockAction<ButtonAction>>(
    OPEN_RECRUITMENT_BUTTON,
    opensForm(context, mayOpenRecruitment, async (campaign) => openRecruitmentModal(campaign)),
  );
}
