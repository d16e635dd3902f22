import { SYSTEM_ACTOR } from '../domain/history.js';
import type { Prisma } from '../store/database.js';
import { insertMissingAdmins, isAdmin } from '../store/admins.js';
import { appendHistory } from '../store/history.js';

/** Makes the users named in ADMIN_USER_IDS admins; each grant is recorded once, even across instances. */
export async function grantConfiguredAdmins(prisma: Prisma, userIds: string[], now: Date): Promise<string[]> {
  return prisma.$transaction(async (tx) => {
    const granted = await insertMissingAdmins(tx, userIds, SYSTEM_ACTOR, now);
    await appendHistory(
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
