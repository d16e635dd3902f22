import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import type { Post, PostMetrics } from '../domain/posts.js';
import { input, modal, option, section } from './blocks.js';
import { calendarDate, currencyDigits, majorUnits } from './format.js';
import { userText } from './mrkdwn.js';
import { z } from 'zod';
import { metadataOf, storedInt } from './metadata.js';

export const RECORD_RESULTS = 'post_results';
export const COUNT_FIELDS = ['impressions', 'reach', 'likes', 'comments', 'shares', 'saves', 'clicks', 'conversions'] as const;
export type CountField = (typeof COUNT_FIELDS)[number];
export const RESULT_FIELDS = { post: 'results_post', postUrl: 'results_post_url', revenue: 'results_revenue' } as const;

const COUNT_LABELS: Record<CountField, string> = {
  impressions: 'Impressions',
  reach: 'Reach',
  likes: 'Likes',
  comments: 'Comments',
  shares: 'Shares',
  saves: 'Saves',
  clicks: 'Clicks',
  conversions: 'Conversions',
};

export interface PostChoice {
  post: Post;
  influencerName: string;
}

/** One post (from its button): metadata carries its ID and version. Several (from the command): a select. */
export const resultsMetadata = z.union([z.object({ postId: storedInt, version: storedInt }), z.object({ campaignId: storedInt })]);

function postOption({ post, influencerName }: PostChoice): PlainTextOption {
  return option(String(post.id), `#${post.id} · ${influencerName} · planned ${calendarDate(post.plannedDate)}`);
}

export function recordResultsModal(campaign: Campaign, choices: PostChoice[]): ModalView {
  const single = choices.length === 1 ? choices[0] : undefined;
  const metrics: Partial<PostMetrics> = single?.post.metrics ?? {};
  const initial = (value: number | undefined) => (value === undefined ? {} : { initial_value: String(value) });
  const digits = currencyDigits(campaign.currency);
  const metadata: z.input<typeof resultsMetadata> = single ? { postId: single.post.id, version: single.post.version } : { campaignId: campaign.id };
  const about = single
    ? `Post #${single.post.id} by *${userText(single.influencerName, 100)}* in *${campaignReference(campaign.id)} ${userText(campaign.title, 150)}*, planned ${calendarDate(single.post.plannedDate)}.`
    : `Results for a post of *${campaignReference(campaign.id)} ${userText(campaign.title, 150)}*.`;
  const blocks: KnownBlock[] = [
    section(`${about}\nRecording the live link or numbers marks an approved post as *Posted*. A number left empty keeps what was recorded before.`),
    ...(single ? [] : [input(RESULT_FIELDS.post, 'Post', { type: 'static_select', options: choices.slice(0, 100).map(postOption) })]),
    input(
      RESULT_FIELDS.postUrl,
      'Live post URL',
      { type: 'url_text_input', ...(single?.post.postUrl ? { initial_value: single.post.postUrl } : {}) },
      { optional: true },
    ),
    ...COUNT_FIELDS.map((field) =>
      input(field, COUNT_LABELS[field], { type: 'number_input', is_decimal_allowed: false, min_value: '0', ...initial(metrics[field]) }, { optional: true }),
    ),
    input(
      RESULT_FIELDS.revenue,
      `Attributed revenue (${campaign.currency})`,
      {
        type: 'number_input',
        is_decimal_allowed: digits > 0,
        min_value: '0',
        ...(metrics.attributedRevenueMinor === undefined ? {} : { initial_value: majorUnits(metrics.attributedRevenueMinor, digits) }),
      },
      { optional: true, hint: 'Sales the tracking link or code attributes to this post.' },
    ),
  ];
  return modal({
    callback_id: RECORD_RESULTS,
    private_metadata: metadataOf(resultsMetadata, metadata),
    title: 'Record results',
    submit: 'Save results',
    blocks,
  });
}
