import { editBriefModal } from '../../views/campaign-form.js';
import { mayEditCampaign } from '../../workflow/campaigns.js';
import { campaignForm } from './subcommand.js';

/** `/campaign edit <campaign>`: the brief form, prefilled; locked fields are shown with the reason. */
export const edit = campaignForm(
  {
    name: 'edit',
    usage: 'edit <campaign>',
    summary: "edit the campaign's brief; fields fixed by an earlier step are shown with the reason (managers)",
  },
  mayEditCampaign,
  editBriefModal,
);
