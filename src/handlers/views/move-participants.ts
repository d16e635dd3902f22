import type { Listeners } from '../listeners.js';
import type { Refusal } from '../../domain/decision.js';
import type { Participant, Stage } from '../../domain/participation.js';
import { MOVE_FIELDS, MOVE_PARTICIPANT, moveMetadata } from '../../views/participants.js';
import { movedModal } from '../../views/transitions.js';
import { stageMoveKind } from '../../domain/transitions.js';
import { listParticipants, moveParticipant } from '../../workflow/participants.js';
import type { HandlerContext } from '../context.js';
import { tellAboutMoves } from '../influencer-messages.js';
import { parseMoveStage } from './participants-form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // Each participant moves in its own transaction: one refused (stale, not allowed) does not undo the others.
  listeners.view(MOVE_PARTICIPANT, async ({ ack, body, view, client, logger }) => {
    const { campaignId, chosen } = readMetadata(moveMetadata, view.private_metadata);
    if (chosen.size === 0) return ack({ response_action: 'errors', errors: { [MOVE_FIELDS.participant]: 'Choose at least one participant.' } });
    const parsed = parseMoveStage(view.state.values);
    if (!parsed.ok) {
      // Without a stage select (nowhere to move), the error can only sit on the participant select.
      const hasStage = view.blocks.some((block) => block.block_id === MOVE_FIELDS.stage);
      return ack({
        response_action: 'errors',
        errors: hasStage ? parsed.errors : { [MOVE_FIELDS.participant]: 'These participants cannot move together; choose others.' },
      });
    }
    const acting = { userId: body.user.id, now: now() };
    const listed = await listParticipants(prisma, campaignId);
    const names = new Map(listed.map((p) => [p.id, p.influencerName]));
    const stages = new Map(listed.map((p) => [p.id, p.stage]));
    const refused: Array<{ name: string; refusal: Refusal }> = [];
    const movedOnes: Array<Participant & { eventId: string; from: Stage }> = [];
    for (const [participantId, version] of chosen) {
      const before = stages.get(participantId);
      const moved = await moveParticipant(prisma, participantId, parsed.stage, acting, version);
      if (moved.ok && before) movedOnes.push({ ...moved.value, from: before });
      else if (!moved.ok) refused.push({ name: names.get(participantId) ?? `#${participantId}`, refusal: moved });
    }
    // The confirmation says each move's kind and offers Undo for the reversible ones.
    const shown = movedOnes.map((p) => ({ name: p.influencerName, to: p.stage, kind: stageMoveKind(p.from, p.stage), eventId: p.eventId }));
    await ack({ response_action: 'update', view: movedModal(shown, refused) });
    await tellAboutMoves(client, prisma, logger, campaignId, movedOnes, acting.userId);
  });
}
