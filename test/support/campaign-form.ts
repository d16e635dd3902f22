import { CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import type { Answers } from './slack-user.js';
import { PEOPLE } from './workflow.js';

/** What a person types into `/campaign create` for a complete brief. */
export function campaignFormAnswers(title: string, channelId = 'C0CAMPAIGN'): Answers {
  return {
    [F.title]: title,
    [F.advertiser]: 'Glow Labs',
    [F.salesPicId]: PEOPLE.salesPic,
    [F.influencerPicId]: PEOPLE.influencerPic,
    [F.country]: 'JP',
    [F.category]: 'Beauty',
    [F.objective]: 'Awareness for the new serum',
    [F.platforms]: ['instagram'],
    [F.postRequirements]: 'One reel, tag @glowlabs',
    [F.budgetMinor]: '10000',
    [F.currency]: 'USD',
    [F.marginBasisPoints]: '15',
    [F.startDate]: '2026-12-01',
    [F.endDate]: '2027-01-31',
    [F.channelId]: channelId,
    [F.approverIds]: [PEOPLE.approver],
  };
}
