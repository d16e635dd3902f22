import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { ADD_ACCOUNT, influencerModal } from '../../views/directory.js';
import type { HandlerContext } from '../context.js';
import { redraw } from './clicks.js';
import { readInfluencerDraft } from '../views/directory-form.js';

export function register(listeners: Listeners, _context: HandlerContext): void {
  listeners.action<BlockAction<ButtonAction>>(ADD_ACCOUNT, async ({ ack, body, client }) => {
    await ack();
    if (!body.view) return;
    const draft = readInfluencerDraft(body.view);
    await redraw(client, body.view, influencerModal({ ...draft, accounts: [...draft.accounts, { key: `n${draft.next}` }], next: draft.next + 1 }));
  });
}
