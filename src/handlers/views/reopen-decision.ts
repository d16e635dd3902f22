import type { Listeners } from '../listeners.js';
import { STAGE_LABELS } from '../../domain/participation.js';
import { REOPEN, REOPEN_FIELDS, stepDoneModal } from '../../views/transitions.js';
import { reopenParticipant } from '../../workflow/undo.js';
import { read } from './form.js';
import { userText } from '../../views/mrkdwn.js';
import { refusalModal } from '../../views/refusals.js';
import type { HandlerContext } from '../context.js';
import { campaignParticipants } from '../../views/metadata.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // An admin reopens one decided applicant; the reason is required and goes to the history and the channel.
  listeners.view(REOPEN, async ({ ack, body, view }) => {
    const { versions } = readMetadata(campaignParticipants, view.private_metadata);
    const chosen = Number(read(view.state.values, REOPEN_FIELDS.participant).selected_option?.value);
    const reason = (read(view.state.values, REOPEN_FIELDS.reason).value ?? '').trim();
    if (!reason) return ack({ response_action: 'errors', errors: { [REOPEN_FIELDS.reason]: 'Say why it is reopened; the channel sees it.' } });
    if (!versions[chosen]) return ack({ response_action: 'errors', errors: { [REOPEN_FIELDS.participant]: 'Choose an applicant.' } });
    const reopened = await reopenParticipant(prisma, chosen, reason, { userId: body.user.id, now: now() }, versions[chosen]);
    if (!reopened.ok) return ack({ response_action: 'update', view: refusalModal('Reopen a decision', reopened) });
    await ack({
      response_action: 'update',
      view: stepDoneModal(
        'Reopen a decision',
        `*${userText(reopened.value.influencerName, 100)}* is back in ${STAGE_LABELS.reviewing}; the channel was told why.`,
        'reopenable',
        undefined,
      ),
    });
  });
}
