import { type Campaign, PLATFORM_LABELS, campaignReference } from '../domain/brief.js';
import { label } from '../domain/campaign.js';
import { context, fieldsSection, header } from './blocks.js';
import { calendarDate, mention, money, slackDate } from './format.js';
import type { SlackMessage } from './help.js';
import { truncate, userText } from './mrkdwn.js';

/** The campaign at a glance: posted in its channel when created and updated in place (also once a draft is deleted). */
export function campaignCard(campaign: Campaign, deleted?: { by: string; at: Date }): SlackMessage {
  const ref = campaignReference(campaign.id);
  const title = userText(campaign.title, 200);
  const status = deleted ? 'Deleted' : label(campaign.status);
  const fields = [
    `*Status*\n${status}`,
    `*Advertiser*\n${userText(campaign.advertiser, 150)}`,
    `*PICs*\n${mention(campaign.salesPicId)} (sales), ${mention(campaign.influencerPicId)} (influencers)`,
    `*Dates*\n${calendarDate(campaign.startDate)} → ${calendarDate(campaign.endDate)}`,
    `*Budget*\n${money(campaign.budgetMinor, campaign.currency)} (margin ${campaign.marginBasisPoints / 100} %)`,
    `*Platforms*\n${campaign.platforms.map((p) => PLATFORM_LABELS[p]).join(', ')}`,
    `*Approvers*\n${truncate(campaign.approverIds.map(mention).join(', '), 1900)}`,
    `*Recruitment closes*\n${campaign.recruitmentCloseDate ? calendarDate(campaign.recruitmentCloseDate) : 'by hand'}`,
  ];
  return {
    text: `${ref} ${title}: ${status}`,
    blocks: [
      header(`${ref} ${campaign.title}`),
      fieldsSection(fields),
      context(
        deleted
          ? `:wastebasket: Deleted by ${mention(deleted.by)} ${slackDate(deleted.at)}`
          : `Created by ${mention(campaign.createdBy)} ${slackDate(campaign.createdAt)} · \`/campaign show ${ref}\` for details`,
      ),
    ],
  };
}
