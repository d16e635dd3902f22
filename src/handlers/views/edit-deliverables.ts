import type { Listeners } from '../listeners.js';
import { EDIT_DELIVERABLES, deliverablesMetadata } from '../../views/deliverables.js';
import { refusalModal } from '../../views/refusals.js';
import { editDeliverables } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { parseDeliverables } from './deliverables-form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, context: HandlerContext): void {
  const { prisma, now } = context;

  listeners.view(EDIT_DELIVERABLES, async ({ ack, body, view }) => {
    const { participantId, version, lines } = readMetadata(deliverablesMetadata, view.private_metadata);
    if (participantId === undefined) return ack();
    const parsed = parseDeliverables(view.state.values, lines ?? 0);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const acting = { userId: body.user.id, now: now() };
    const saved = await editDeliverables(prisma, participantId, parsed.deliverables, acting, version);
    if (!saved.ok && saved.rule !== 'deliverables-unchanged') return ack({ response_action: 'update', view: refusalModal('Deliverables', saved) });
    await ack();
  });
}
