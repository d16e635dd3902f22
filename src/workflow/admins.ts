import { type Decision, allow, refuse } from '../domain/decision.js';
import { SYSTEM_ACTOR } from '../domain/history.js';
import { insertMissingAdmins, isAdmin, listAdmins, removeAdmins } from '../store/admins.js';
import type { Prisma } from '../store/database.js';
import { type Acting, change, event, permission, record } from './change.js';

/** Makes the users named in ADMIN_USER_IDS admins; each grant is recorded once, even across instances. */
export async function grantConfiguredAdmins(prisma: Prisma, userIds: string[], now: Date): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const granted = await insertMissingAdmins(tx, userIds, SYSTEM_ACTOR, now);
    await record(
      tx,
      granted.map((userId) => ({
        actor: SYSTEM_ACTOR,
        at: now,
        entityType: 'admin',
        entityId: userId,
        action: 'admin.granted',
        reason: 'listed in ADMIN_USER_IDS',
      })),
    );
    return granted;
  });
}

export interface Viewer {
  userId: string;
  isAdmin: boolean;
}

export async function describeViewer(prisma: Prisma, userId: string): Promise<Viewer> {
  return { userId, isAdmin: await isAdmin(prisma, userId) };
}

export function admins(prisma: Prisma): Promise<string[]> {
  return listAdmins(prisma);
}

/** An admin replaces the list of admins; each grant and removal is recorded. There is always one admin left. */
export async function setAdmins(prisma: Prisma, userIds: string[], acting: Acting): Promise<Decision<string[]>> {
  const wanted = [...new Set(userIds)];
  if (wanted.length === 0) return refuse('last-admin', 'Keep at least one admin.');
  return change(prisma, async (tx) => {
    const refusal = await permission(tx, 'manageAdmins', acting);
    if (refusal) return refusal;
    const current = await listAdmins(tx);
    const removed = current.filter((id) => !wanted.includes(id));
    const granted = await insertMissingAdmins(tx, wanted, acting.userId, acting.now);
    await removeAdmins(tx, removed);
    await record(tx, [
      ...granted.map((id) => event(acting, 'admin', 0, 'admin.granted', { entityId: id })),
      ...removed.map((id) => event(acting, 'admin', 0, 'admin.revoked', { entityId: id })),
    ]);
    return allow(wanted);
  });
}
