import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { ADD_ACCOUNT, influencerModal } from '../../views/directory.js';
import type { HandlerContext } from '../context.js';
import { redraw } from './clicks.js';
import { readInfluencerDraft } from '../views/directory-form.js';

export function register(app: App, _context: HandlerContext): void {
  app.action<BlockAction<ButtonAction>>(ADD_ACCOUNT, async ({ ack, body, client }) => {
    await ack();
    if (!body.view) return;
    const draft = readInfluencerDraft(body.view);
    await redraw(client, body.view, influencerModal({ ...draft, accounts: [...draft.accounts, { key: `n${draft.next}` }], next: draft.next + 1 }));
  });
}
