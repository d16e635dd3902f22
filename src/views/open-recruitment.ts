import type { ModalView } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import { input, modal, section } from './blocks.js';
import { calendarDate } from './format.js';
import { userText } from './mrkdwn.js';
import { campaignAtVersion, metadataOf } from './metadata.js';

export const OPEN_RECRUITMENT = 'campaign_open_recruitment';
/** The button on the approved proposal and in App Home; its value is "<campaign id>:<version>". */
export const OPEN_RECRUITMENT_BUTTON = 'campaign_open_recruitment_open';
export const CLOSE_DATE_BLOCK = 'recruitment_close_date';

/** Asks for the optional close date (prefilled from the brief); the scheduler closes on that day. */
export function openRecruitmentModal(campaign: Campaign): ModalView {
  const name = `*${campaignReference(campaign.id)} ${userText(campaign.title, 150)}*`;
  return modal({
    callback_id: OPEN_RECRUITMENT,
    private_metadata: metadataOf(campaignAtVersion, { campaignId: campaign.id, version: campaign.version }),
    title: 'Open recruitment',
    submit: 'Open',
    blocks: [
      section(`You are about to open recruitment for ${name}: influencers can then be invited and apply.`),
      input(
        CLOSE_DATE_BLOCK,
        'Recruitment closes on',
        { type: 'datepicker', ...(campaign.recruitmentCloseDate ? { initial_date: calendarDate(campaign.recruitmentCloseDate) } : {}) },
        {
          optional: true,
          hint: `Today or later, and not after the end date (${calendarDate(campaign.endDate)}). The app closes recruitment that day; leave it empty to close it by hand with /campaign close.`,
        },
      ),
    ],
  });
}
