import type { Tx } from './tx.js';

/** The entity a Slack view submission already created, if it was submitted before. */
export async function findSubmission(tx: Tx, key: string): Promise<{ entityType: string; entityId: string } | undefined> {
  return (await tx.submission.findUnique({ where: { key }, select: { entityType: true, entityId: true } })) ?? undefined;
}

/** Claims the key in the creating transaction: a concurrent repeat fails on the primary key. */
export async function recordSubmission(tx: Tx, key: string, entityType: string, entityId: number, at: Date): Promise<void> {
  await tx.submission.create({ data: { key, entityType, entityId: String(entityId), at } });
}
