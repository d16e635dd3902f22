import type { Listeners } from '../listeners.js';
import { FINAL_APPROVE_POSTS_BLOCK, FINAL_APPROVE_SELECT, finalApproveConfirmModal, postAtVersion } from '../../views/final-approval.js';
import { campaignMetadata } from '../../views/metadata.js';
import { refusalModal } from '../../views/refusals.js';
import { postsForFinalApproval } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { read } from './form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // Step 1 → 2: nothing changes yet; the confirmation is pushed on top, with the versions the approver saw.
  listeners.view(FINAL_APPROVE_SELECT, async ({ ack, body, view }) => {
    const { campaignId } = readMetadata(campaignMetadata, view.private_metadata);
    const chosen = (read(view.state.values, FINAL_APPROVE_POSTS_BLOCK).selected_options ?? []).map((option) => postAtVersion.parse(option.value));
    if (chosen.length === 0) return ack({ response_action: 'errors', errors: { [FINAL_APPROVE_POSTS_BLOCK]: 'Choose at least one post.' } });
    const available = await postsForFinalApproval(prisma, campaignId, { userId: body.user.id, now: now() });
    if (!available.ok) return ack({ response_action: 'update', view: refusalModal('Final approval', available) });
    const { campaign, choices } = available.value;
    const picked = chosen.map(({ id, version }) => choices.find((choice) => choice.post.id === id && choice.post.version === version));
    if (picked.some((choice) => !choice)) {
      return ack({
        response_action: 'errors',
        errors: { [FINAL_APPROVE_POSTS_BLOCK]: 'Some of these posts changed since the list was opened; close it and run the command again.' },
      });
    }
    await ack({
      response_action: 'push',
      view: finalApproveConfirmModal(
        campaign,
        picked.map((choice) => choice!),
      ),
    });
  });
}
