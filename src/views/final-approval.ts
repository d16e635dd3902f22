import type { ModalView } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import { engagementsOf } from '../domain/metrics.js';
import type { PostChoice } from './results-form.js';
import { input, modal, option, section } from './blocks.js';
import { count } from './format.js';
import { link, userText } from './mrkdwn.js';
import { z } from 'zod';
import { campaignMetadata, metadataOf, storedInt } from './metadata.js';

export const FINAL_APPROVE_SELECT = 'posts_final_approve_select';
export const FINAL_APPROVE_CONFIRM = 'posts_final_approve_confirm';
export const FINAL_APPROVE_POSTS_BLOCK = 'final_approve_posts';
/** A multi-select offers at most 100 options. */
export const MAX_FINAL_APPROVE = 100;

const describe = ({ post, influencerName }: PostChoice) =>
  `#${post.id} · ${influencerName} · ${count(post.metrics ? engagementsOf(post.metrics) : 0, 'engagement')}`;

/** Step 1: choose the posted posts to final-approve (values "<id>:<version>"). */
export function finalApproveSelectModal(campaign: Campaign, choices: PostChoice[]): ModalView {
  const options = choices.slice(0, MAX_FINAL_APPROVE).map((choice) => option(`${choice.post.id}:${choice.post.version}`, describe(choice)));
  const more = choices.length > MAX_FINAL_APPROVE ? ` The first ${MAX_FINAL_APPROVE} are listed; run the command again for the rest.` : '';
  return modal({
    callback_id: FINAL_APPROVE_SELECT,
    private_metadata: metadataOf(campaignMetadata, { campaignId: campaign.id }),
    title: 'Final approval',
    submit: 'Review',
    blocks: [
      section(
        `${count(choices.length, 'posted post')} of *${campaignReference(campaign.id)} ${userText(campaign.title, 150)}* wait for final approval.${more}`,
      ),
      input(FINAL_APPROVE_POSTS_BLOCK, 'Posts to final-approve', { type: 'multi_static_select', options, initial_options: options }),
    ],
  });
}

// Nine digits at most: IDs and versions are 32-bit in the database.
export const postAtVersion = z
  .string()
  .regex(/^\d{1,9}:\d{1,9}$/)
  .transform((value) => {
    const [id, version] = value.split(':').map(Number) as [number, number];
    return { id, version };
  });

/** Step 2 carries the posts chosen, each "<id>:<version>" as the approver saw it. */
export const confirmMetadata = z.object({ campaignId: storedInt, posts: z.array(postAtVersion).min(1) });

/** Step 2: the confirmation, pushed on top of the selection. It says plainly that this cannot be undone. */
export function finalApproveConfirmModal(campaign: Campaign, chosen: PostChoice[]): ModalView {
  const lines = chosen.map((choice) => `• ${userText(describe(choice), 200)}${choice.post.postUrl ? ` · ${link(choice.post.postUrl, 'live post')}` : ''}`);
  return modal({
    callback_id: FINAL_APPROVE_CONFIRM,
    private_metadata: metadataOf(confirmMetadata, { campaignId: campaign.id, posts: chosen.map(({ post }) => `${post.id}:${post.version}`) }),
    title: 'Confirm final approval',
    submit: `Final-approve ${chosen.length}`,
    close: 'Back',
    blocks: [
      section(
        `:warning: *Final approval cannot be undone.* You are about to final-approve ${count(chosen.length, 'post')} of *${campaignReference(campaign.id)}*:`,
      ),
      section(lines.join('\n')),
    ],
  });
}
