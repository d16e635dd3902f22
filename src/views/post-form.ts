import type { ModalView, PlainTextOption } from '@slack/types';
import { PLATFORM_LABELS, type Campaign, campaignReference } from '../domain/brief.js';
import type { SocialAccount } from '../domain/influencer.js';
import { truncate } from './mrkdwn.js';

export const SUBMIT_POST = 'post_submit';
export const POST_FIELDS = { account: 'account', plannedDate: 'planned_date', content: 'content', mediaUrls: 'media_urls' } as const;
export const MAX_CONTENT = 3000;
export const MAX_MEDIA = 10;

/** One option per (collaborating participant, selected account): value "<participantId>:<accountId>". */
export interface PostTarget {
  participantId: number;
  influencerName: string;
  account: SocialAccount;
}

export function submitPostModal(campaign: Campaign, targets: PostTarget[]): ModalView {
  const options: PlainTextOption[] = targets.slice(0, 100).map((t) => ({
    text: { type: 'plain_text', text: truncate(`${t.influencerName} · ${PLATFORM_LABELS[t.account.platform]} @${t.account.handle}`, 75) },
    value: `${t.participantId}:${t.account.id}`,
  }));
  return {
    type: 'modal',
    callback_id: SUBMIT_POST,
    private_metadata: JSON.stringify({ campaignId: campaign.id }),
    title: { type: 'plain_text', text: 'Submit draft post' },
    submit: { type: 'plain_text', text: 'Submit for approval' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `For *${campaignReference(campaign.id)}*; the approvers are asked in <#${campaign.channelId}>.` } },
      { type: 'input', block_id: POST_FIELDS.account, label: { type: 'plain_text', text: 'Influencer and account' }, element: { type: 'static_select', action_id: 'value', options } },
      { type: 'input', block_id: POST_FIELDS.plannedDate, label: { type: 'plain_text', text: 'Planned posting date' }, element: { type: 'datepicker', action_id: 'value' } },
      { type: 'input', block_id: POST_FIELDS.content, label: { type: 'plain_text', text: 'Caption / content' }, element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: MAX_CONTENT } },
      {
        type: 'input',
        block_id: POST_FIELDS.mediaUrls,
        optional: true,
        label: { type: 'plain_text', text: 'Media links' },
        hint: { type: 'plain_text', text: `One link per line, at most ${MAX_MEDIA}.` },
        element: { type: 'plain_text_input', action_id: 'value', multiline: true, max_length: 3000 },
      },
    ],
  };
}
