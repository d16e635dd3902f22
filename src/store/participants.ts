import { EFFECTIVE_POST_STATUSES } from '../domain/posts.js';
import type { ContentKind, Deliverable, Participant } from '../domain/participation.js';
import type { Prisma as PrismaTypes } from '../generated/prisma/client.js';
import { type Tx, toMinor, updateIfCurrent } from './tx.js';

export const included = {
  influencer: { select: { name: true } },
  accounts: { select: { id: true }, orderBy: { id: 'asc' } },
  deliverables: { orderBy: { id: 'asc' } },
} as const;
type Row = PrismaTypes.ParticipationGetPayload<{ include: typeof included }>;

export function toParticipant(row: Row): Participant {
  return {
    id: row.id,
    campaignId: row.campaignId,
    influencerId: row.influencerId,
    influencerName: row.influencer.name,
    stage: row.stage,
    accountIds: row.accounts.map((account) => account.id),
    budgetMinor: toMinor(row.budgetMinor),
    influencerCostMinor: toMinor(row.influencerCostMinor),
    shippingCostMinor: toMinor(row.shippingCostMinor),
    agreementSentAt: row.agreementSentAt,
    agreementSignedAt: row.agreementSignedAt,
    agreementDeclinedAt: row.agreementDeclinedAt,
    deliverables: row.deliverables.map(({ platform, kind, quantity, dueDate, notes }) => ({ platform, kind: kind as ContentKind, quantity, dueDate, notes })),
    version: row.version,
  };
}

/** Adds influencers to a campaign; one already in it is left alone. Returns only the new participants. */
export async function insertParticipants(tx: Tx, campaignId: number, entries: Array<{ influencerId: number; accountIds: number[] }>): Promise<Participant[]> {
  const created: Participant[] = [];
  for (const { influencerId, accountIds } of entries) {
    const existing = await tx.participation.findUnique({ where: { campaignId_influencerId: { campaignId, influencerId } } });
    if (existing) continue;
    const row = await tx.participation.create({
      data: { campaignId, influencerId, accounts: { connect: accountIds.map((id) => ({ id })) } },
      include: included,
    });
    created.push(toParticipant(row));
  }
  return created;
}

export async function findParticipant(tx: Tx, id: number): Promise<Participant | undefined> {
  const row = await tx.participation.findUnique({ where: { id }, include: included });
  return row ? toParticipant(row) : undefined;
}

export async function participantsOf(tx: Tx, campaignId: number): Promise<Participant[]> {
  const rows = await tx.participation.findMany({ where: { campaignId }, include: included, orderBy: { id: 'asc' } });
  return rows.map(toParticipant);
}

export async function participantsWhere(tx: Tx, where: PrismaTypes.ParticipationWhereInput): Promise<Participant[]> {
  const rows = await tx.participation.findMany({ where, include: included, orderBy: { id: 'asc' } });
  return rows.map(toParticipant);
}

/** Writes stage, agreement times and costs if nobody changed the participant since `before` was read. */
export async function saveParticipant(tx: Tx, before: Participant, after: Participant): Promise<Participant> {
  const version = await updateIfCurrent((args) => tx.participation.updateMany(args), 'participant', before, {
    stage: after.stage,
    agreementSentAt: after.agreementSentAt,
    agreementSignedAt: after.agreementSignedAt,
    agreementDeclinedAt: after.agreementDeclinedAt,
    budgetMinor: BigInt(after.budgetMinor),
    influencerCostMinor: BigInt(after.influencerCostMinor),
    shippingCostMinor: BigInt(after.shippingCostMinor),
  });
  return { ...after, version };
}

export async function replaceDeliverables(tx: Tx, participant: Participant, deliverables: Deliverable[]): Promise<Participant> {
  const saved = await saveParticipant(tx, participant, participant);
  await tx.deliverable.deleteMany({ where: { participationId: participant.id } });
  await tx.deliverable.createMany({ data: deliverables.map((d) => ({ ...d, participationId: participant.id })) });
  return { ...saved, deliverables };
}

export async function hasEffectivePost(tx: Tx, participationId: number): Promise<boolean> {
  return (await tx.post.count({ where: { participationId, status: { in: [...EFFECTIVE_POST_STATUSES] } } })) > 0;
}

/** Sent, unsigned agreements in campaigns whose collaboration has not started, with their campaign. */
export async function openAgreements(tx: Tx): Promise<Participant[]> {
  const rows = await tx.participation.findMany({
    where: { stage: 'agreement_sent', campaign: { collaborationStartedAt: null, status: { not: 'archived' } } },
    include: included,
  });
  return rows.map(toParticipant);
}
