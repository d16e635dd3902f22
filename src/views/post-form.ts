import type { KnownBlock, ModalView } from '@slack/types';
import { PLATFORM_LABELS, type Campaign, campaignReference } from '../domain/brief.js';
import type { HistoryEntry } from '../domain/history.js';
import type { SocialAccount } from '../domain/influencer.js';
import type { Post } from '../domain/posts.js';
import { answersLine } from './approvals.js';
import { context, input, modal, option, section } from './blocks.js';
import { truncate, userText } from './mrkdwn.js';
import { z } from 'zod';
import { campaignMetadata, metadataOf, storedInt } from './metadata.js';

export const SUBMIT_POST = 'post_submit';
/** The form for the next revision of a rejected post, and for editing a waiting one; metadata {postId, version}. */
export const REVISE_POST_FORM = 'post_revise';
export const EDIT_POST_FORM = 'post_edit';
export const POST_FIELDS = { account: 'account', plannedDate: 'planned_date', content: 'content', mediaUrls: 'media_urls' } as const;
export const MAX_CONTENT = 3000;
export const MAX_MEDIA = 10;

/** One option per (collaborating participant, selected account): value "<participantId>:<accountId>". */
export interface PostTarget {
  participantId: number;
  influencerName: string;
  account: SocialAccount;
  /** The account's latest post, when it was rejected: a draft for this account becomes its next revision. */
  rejected?: Post;
}

/** Date, caption and media, prefilled from `post` when it is given. */
function postInputs(post?: Post): KnownBlock[] {
  const initial = <T>(value: T | undefined, key: string) => (value === undefined ? {} : { [key]: value });
  return [
    input(POST_FIELDS.plannedDate, 'Planned posting date', {
      type: 'datepicker',
      ...initial(post?.plannedDate.toISOString().slice(0, 10), 'initial_date'),
    }),
    input(POST_FIELDS.content, 'Caption / content', {
      type: 'plain_text_input',
      multiline: true,
      max_length: MAX_CONTENT,
      ...initial(post?.content.slice(0, MAX_CONTENT), 'initial_value'),
    }),
    input(
      POST_FIELDS.mediaUrls,
      'Media links',
      {
        type: 'plain_text_input',
        multiline: true,
        max_length: 3000,
        ...initial(post?.mediaUrls.length ? post.mediaUrls.join('\n').slice(0, 3000) : undefined, 'initial_value'),
      },
      { optional: true, hint: `One link per line, at most ${MAX_MEDIA}.` },
    ),
  ];
}

const revisionNote = (t: PostTarget) => (t.rejected ? ` · revision ${t.rejected.revision + 1} of rejected post` : '');

export function submitPostModal(campaign: Campaign, targets: PostTarget[]): ModalView {
  const options = targets
    .slice(0, 100)
    .map((t) =>
      option(
        `${t.participantId}:${t.account.id}`,
        truncate(`${t.influencerName} · ${PLATFORM_LABELS[t.account.platform]} @${t.account.handle}`, 75 - revisionNote(t).length) + revisionNote(t),
      ),
    );
  const revising = targets.some((t) => t.rejected);
  const note = revising
    ? [
        context(
          "An account marked “revision … of rejected post” had its latest draft rejected: saving makes that post's next revision, and the approvers see which rejection it answers.",
        ),
      ]
    : [];
  return modal({
    callback_id: SUBMIT_POST,
    private_metadata: metadataOf(campaignMetadata, { campaignId: campaign.id }),
    title: 'Submit draft post',
    submit: 'Submit for approval',
    blocks: [
      section(`For *${campaignReference(campaign.id)}*; the approvers are asked in <#${campaign.channelId}>.`),
      input(POST_FIELDS.account, 'Influencer and account', { type: 'static_select', options }),
      ...note,
      ...postInputs(),
    ],
  });
}

/** An existing post at the version the form showed (its next revision, or an edit). */
export const postMetadata = z.object({ postId: storedInt, version: storedInt });

/**
 * The same form for one existing post, prefilled with its last caption, media and date: its next
 * revision after a rejection (`rejection` says which one it answers), or an edit while it waits.
 */
export function existingPostModal(
  kind: 'revise' | 'edit',
  card: { campaign: Campaign; influencerName: string; post: Post },
  rejection?: HistoryEntry,
): ModalView {
  const { campaign, influencerName, post } = card;
  const whose = `*${userText(influencerName, 100)}* in *${campaignReference(campaign.id)}*`;
  const intro =
    kind === 'revise'
      ? `Revision ${post.revision + 1} of the draft post for ${whose}; the approvers are asked again in <#${campaign.channelId}>.`
      : `Revision ${post.revision} of the draft post for ${whose} waits for approval; saving updates its message in <#${campaign.channelId}> and tells the approvers.`;
  return modal({
    callback_id: kind === 'revise' ? REVISE_POST_FORM : EDIT_POST_FORM,
    private_metadata: metadataOf(postMetadata, { postId: post.id, version: post.version }),
    title: kind === 'revise' ? 'Submit revision' : 'Edit draft post',
    submit: kind === 'revise' ? 'Submit for approval' : 'Save',
    blocks: [section(intro), ...(kind === 'revise' && rejection ? [context(answersLine(post.revision + 1, rejection))] : []), ...postInputs(post)],
  });
}
