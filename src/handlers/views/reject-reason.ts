import type { Listeners } from '../listeners.js';
import { MAX_REASON, REASON_BLOCK, REASON_FORMS, REJECT_REASON, rejectMetadata } from '../../views/modals.js';
import { refusalModal } from '../../views/refusals.js';
import { rejectProposal } from '../../workflow/campaigns.js';
import { approvePost, rejectPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { readMetadata } from '../payload.js';
import { read } from './form.js';

/** A rejection's reason, or an approval's corrections: the text is required, then the decision is taken. */
export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(REJECT_REASON, async ({ ack, body, view }) => {
    const { kind, id, version } = readMetadata(rejectMetadata, view.private_metadata);
    const reason = (read(view.state.values, REASON_BLOCK).value ?? '').trim();
    if (!reason)
      return ack({
        response_action: 'errors',
        errors: { [REASON_BLOCK]: kind === 'corrections' ? 'Say what to correct, so the submitter can fix it.' : 'Say why, so the submitter can fix it.' },
      });
    if (reason.length > MAX_REASON) return ack({ response_action: 'errors', errors: { [REASON_BLOCK]: `At most ${MAX_REASON} characters.` } });
    const acting = { userId: body.user.id, now: now() };
    const decided =
      kind === 'proposal'
        ? await rejectProposal(prisma, id, reason, acting, version)
        : kind === 'corrections'
          ? await approvePost(prisma, id, acting, version, reason)
          : await rejectPost(prisma, id, reason, acting, version);
    if (!decided.ok) return ack({ response_action: 'update', view: refusalModal(REASON_FORMS[kind].title, decided) });
    await ack();
  });
}
