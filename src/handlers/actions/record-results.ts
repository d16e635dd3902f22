import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { RECORD_RESULTS_BUTTON } from '../../views/approvals.js';
import { recordResultsModal } from '../../views/results-form.js';
import { postContext } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { buttonNumbers } from '../payload.js';

export function register(listeners: Listeners, { prisma }: HandlerContext): void {
  // The modal reads the post as it is now; its submission checks that nothing changed meanwhile.
  listeners.action<BlockAction<ButtonAction>>(RECORD_RESULTS_BUTTON, async ({ ack, action, body, client, respond }) => {
    await ack();
    const found = await postContext(prisma, buttonNumbers(action.value, 1)[0] ?? NaN);
    if (!found) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: ':no_entry: That post does not exist.' }));
    await client.views.open({
      trigger_id: body.trigger_id,
      view: recordResultsModal(found.campaign, [{ post: found.post, influencerName: found.influencerName }]),
    });
  });
}
