import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { campaignReference } from '../../domain/brief.js';
import { STAGE_LABELS } from '../../domain/participation.js';
import { refusalText } from '../../views/refusals.js';
import { UNDO, undoResult } from '../../views/transitions.js';
import { userText } from '../../views/mrkdwn.js';
import { undoChange } from '../../workflow/undo.js';
import type { HandlerContext } from '../context.js';

/** At most as many as one move modal can move. */
const MAX_UNDONE = 100;

/** Undo on a confirmation (a modal, or a message): each change it names is taken back in its own transaction, or says why not. */
export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.action<BlockAction<ButtonAction>>(UNDO, async ({ ack, action, body, client, respond }) => {
    await ack();
    const acting = { userId: body.user.id, now: now() };
    const lines: string[] = [];
    for (const eventId of (action.value ?? '')
      .split(',')
      .filter((id) => /^\d{1,19}$/.test(id))
      .slice(0, MAX_UNDONE)) {
      const undone = await undoChange(prisma, eventId, acting);
      if (!undone.ok) lines.push(refusalText(undone));
      else if (undone.value.entity === 'participant')
        lines.push(
          `:leftwards_arrow_with_hook: Undone: *${userText(undone.value.participant.influencerName, 100)}* is back in ${STAGE_LABELS[undone.value.to]}.`,
        );
      else lines.push(`:leftwards_arrow_with_hook: Undone: recruitment for ${campaignReference(undone.value.campaign.id)} is open again.`);
    }
    const result = undoResult(lines.length ? lines : [':no_entry: Nothing to undo.']);
    if (body.view) await client.views.update({ view_id: body.view.id, hash: body.view.hash, view: result.modal });
    else await respond({ replace_original: true, ...result.message });
  });
}
