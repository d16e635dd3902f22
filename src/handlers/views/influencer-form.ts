import type { Middleware, SlackViewMiddlewareArgs } from '@slack/bolt';
import type { Listeners } from '../listeners.js';
import { accountKey, accountName } from '../../domain/influencer.js';
import { ADD_INFLUENCER, EDIT_INFLUENCER, type InfluencerDraft, accountBlockId } from '../../views/directory.js';
import { refusalModal } from '../../views/refusals.js';
import { addInfluencers, editInfluencer, takenAccounts } from '../../workflow/influencers.js';
import type { HandlerContext } from '../context.js';
import { type ParsedInfluencer, parseInfluencerForm, readInfluencerDraft } from './directory-form.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  /** Every field error at once: the typed ones and the accounts another influencer already has. */
  async function influencerErrors(draft: InfluencerDraft, parsed: ParsedInfluencer): Promise<Record<string, string>> {
    const errors = { ...parsed.errors };
    for (const taken of await takenAccounts(
      prisma,
      parsed.accounts.map((a) => a.account),
      draft.influencerId,
    )) {
      const row = parsed.accounts.find((a) => accountKey(a.account) === accountKey(taken));
      if (row) errors[accountBlockId(row.key, 'handle')] ??= `${accountName(taken)} is already in the directory (${taken.influencer.name}).`;
    }
    return errors;
  }

  // Add and edit share the form; the influencer's ID in the metadata tells them apart.
  const saveInfluencer: Middleware<SlackViewMiddlewareArgs> = async ({ ack, body, view }) => {
    const draft = readInfluencerDraft(view);
    const parsed = parseInfluencerForm(draft);
    const errors = await influencerErrors(draft, parsed);
    if (!parsed.profile || Object.keys(errors).length) return ack({ response_action: 'errors', errors });
    const acting = { userId: body.user.id, now: now() };
    const saved =
      draft.influencerId === undefined
        ? await addInfluencers(prisma, [parsed.profile], acting)
        : await editInfluencer(prisma, draft.influencerId, parsed.profile, acting, draft.version);
    if (!saved.ok) return ack({ response_action: 'update', view: refusalModal(view.title.text, saved) });
    await ack();
  };
  for (const callbackId of [ADD_INFLUENCER, EDIT_INFLUENCER]) listeners.view(callbackId, saveInfluencer);
}
