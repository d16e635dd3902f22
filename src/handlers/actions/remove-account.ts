import type { BlockAction, ButtonAction } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { REMOVE_ACCOUNT, influencerModal } from '../../views/directory.js';
import { mayRemoveAccountOf } from '../../workflow/influencers.js';
import type { HandlerContext } from '../context.js';
import { redraw } from './clicks.js';
import { readInfluencerDraft } from '../views/directory-form.js';

export function register(listeners: Listeners, { prisma }: HandlerContext): void {
  // A saved account a campaign uses stays in the form, with why.
  listeners.action<BlockAction<ButtonAction>>(REMOVE_ACCOUNT, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const draft = readInfluencerDraft(body.view);
    if (draft.accounts.length <= 1) return;
    const key = action.value ?? '';
    const savedId = /^a(\d+)$/.exec(key)?.[1];
    const allowed = savedId && draft.influencerId !== undefined ? await mayRemoveAccountOf(prisma, draft.influencerId, Number(savedId)) : undefined;
    const accounts =
      allowed && !allowed.ok ? draft.accounts.map((a) => (a.key === key ? { ...a, note: allowed.reason } : a)) : draft.accounts.filter((a) => a.key !== key);
    await redraw(client, body.view, influencerModal({ ...draft, accounts }));
  });
}
