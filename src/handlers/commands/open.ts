import { openRecruitmentModal } from '../../views/open-recruitment.js';
import { mayOpenRecruitment } from '../../workflow/campaigns.js';
import { campaignForm } from './subcommand.js';

/** `/campaign open <campaign>`: the same form as the "Open recruitment" button. */
export const open = campaignForm(
  { name: 'open', usage: 'open <campaign>', summary: 'open recruitment once the proposal is approved, with an optional close date (managers)' },
  mayOpenRecruitment,
  openRecruitmentModal,
);
