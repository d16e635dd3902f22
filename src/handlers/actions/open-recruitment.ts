import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { OPEN_RECRUITMENT_BUTTON, openRecruitmentModal } from '../../views/open-recruitment.js';
import { mayOpenRecruitment } from '../../workflow/campaigns.js';
import type { HandlerContext } from '../context.js';
import { opensForm } from './clicks.js';

export function register(app: App, context: HandlerContext): void {
  // Only a PIC gets the form; anyone else, or a click after recruitment opened, is told why.
  app.action<BlockAction<ButtonAction>>(
    OPEN_RECRUITMENT_BUTTON,
    opensForm(context, mayOpenRecruitment, async (campaign) => openRecruitmentModal(campaign)),
  );
}
