import type { App, BlockAction, ButtonAction, MultiStaticSelectAction } from '@slack/bolt';
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { VALUE } from '../../views/blocks.js';
import { ADD_ACCOUNT, MAX_PICK, PICK_BLOCK, REMOVE_ACCOUNT, addParticipantsMetadata, addParticipantsModal, influencerModal } from '../../views/directory.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { directoryCandidates } from '../../workflow/directory.js';
import { mayRemoveAccountOf } from '../../workflow/influencers.js';
import { isHashConflict } from '../../slack-client.js';
import type { HandlerContext } from '../context.js';
import { chosenAccounts, readInfluencerDraft } from '../views/directory-form.js';
import { readMetadata } from '../odd-input.js';

/** Redraws a modal with what was typed; the hash lets a newer view win. */
async function redraw(client: WebClient, view: NonNullable<BlockAction['view']>, next: ModalView): Promise<void> {
  try {
    await client.views.update({ view_id: view.id, hash: view.hash, view: next });
  } catch (error) {
    if (!isHashConflict(error)) throw error;
  }
}

export function register(app: App, context: HandlerContext): void {
  const { prisma } = context;

  app.action<BlockAction<ButtonAction>>(ADD_ACCOUNT, async ({ ack, body, client }) => {
    await ack();
    if (!body.view) return;
    const draft = readInfluencerDraft(body.view);
    await redraw(client, body.view, influencerModal({ ...draft, accounts: [...draft.accounts, { key: `n${draft.next}` }], next: draft.next + 1 }));
  });

  // A saved account a campaign uses stays in the form, with why.
  app.action<BlockAction<ButtonAction>>(REMOVE_ACCOUNT, async ({ ack, body, action, client }) => {
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

  // Choosing influencers to add: ask which accounts will post for each one who has several.
  app.action<BlockAction<MultiStaticSelectAction>>({ block_id: PICK_BLOCK, action_id: VALUE }, async ({ ack, body, action, client }) => {
    await ack();
    if (!body.view) return;
    const { campaignId, filter } = readMetadata(addParticipantsMetadata, body.view.private_metadata);
    const campaign = await getCampaign(prisma, campaignId);
    if (!campaign) return;
    const candidates = await directoryCandidates(prisma, campaign, filter, MAX_PICK);
    const ids = new Set(action.selected_options.map((option) => Number(option.value)));
    const chosen = candidates.filter((i) => ids.has(i.id));
    await redraw(
      client,
      body.view,
      addParticipantsModal(
        campaign,
        candidates,
        filter,
        chosen,
        chosenAccounts(
          body.view.state.values,
          chosen.map((i) => i.id),
        ),
      ),
    );
  });
}
