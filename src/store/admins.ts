import type { Tx } from './tx.js';

/** Inserts the admins not yet present and returns only those (safe when instances race). */
export async function insertMissingAdmins(tx: Tx, userIds: string[], grantedBy: string, at: Date): Promise<string[]> {
  const created = await tx.admin.createManyAndReturn({
    data: userIds.map((userId) => ({ userId, grantedBy, grantedAt: at })),
    skipDuplicates: true,
    select: { userId: true },
  });
  return created.map((admin) => admin.userId);
}

export async function isAdmin(tx: Tx, userId: string): Promise<boolean> {
  return (await tx.admin.count({ where: { userId } })) > 0;
}

export async function listAdmins(tx: Tx): Promise<string[]> {
  return (await tx.admin.findMany({ orderBy: { grantedAt: 'asc' }, select: { userId: true } })).map((a) => a.userId);
}

export async function removeAdmins(tx: Tx, userIds: string[]): Promise<void> {
  await tx.admin.deleteMany({ where: { userId: { in: userIds } } });
}
