import type { Campaign } from '../domain/brief.js';
import type { Post } from '../domain/posts.js';
import { campaignWithMessage } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { postWithApprovalMessage } from '../store/posts.js';
import { postContext } from './posts.js';

/** What one of our Slack messages shows: a campaign (its card or proposal) or a post (its approval message). */
export interface MessageSubject {
  campaign: Campaign;
  post?: Post;
}

/** Found by where the message is; undefined when it is not one of the messages we keep up to date. */
export async function messageSubject(prisma: Prisma, where: { channelId: string; ts: string }): Promise<MessageSubject | undefined> {
  const post = await postWithApprovalMessage(prisma, where.channelId, where.ts);
  if (post) {
    const found = await postContext(prisma, post.id);
    return found && { campaign: found.campaign, post: found.post };
  }
  const campaign = await campaignWithMessage(prisma, where.channelId, where.ts);
  return campaign && { campaign };
}
