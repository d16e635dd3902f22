import type { DigestSchedule } from '../domain/schedule.js';
import type { Tx } from './tx.js';

export interface DigestSettings extends DigestSchedule {
  overviewChannelId: string | null;
  quietDayMessage: boolean;
  version: number;
}

/** The single settings row, created with the defaults on first read. */
export async function readDigestSettings(tx: Tx): Promise<DigestSettings> {
  // Not upsert: Prisma runs it as read-then-insert, and two first reads at once would collide. This is ON CONFLICT DO NOTHING.
  const row = (await tx.digestSettings.findUnique({ where: { id: 1 } })) ?? (await tx.digestSettings.createMany({ data: [{ id: 1 }], skipDuplicates: true }), await tx.digestSettings.findUniqueOrThrow({ where: { id: 1 } }));
  const { id, ...settings } = row;
  return settings;
}

export async function writeDigestSettings(tx: Tx, settings: Omit<DigestSettings, 'version'>): Promise<void> {
  await tx.digestSettings.upsert({ where: { id: 1 }, create: { id: 1, ...settings }, update: { ...settings, version: { increment: 1 } } });
}

/**
 * Claims (channel, local day, kind). Exactly one caller gets `true`, whatever the number of app
 * instances: the unique key decides, and the loser sees the conflict.
 */
export async function claimDigestRun(tx: Tx, run: { channelId: string; localDate: string; kind: string }, now: Date): Promise<number | undefined> {
  const [claimed] = await tx.$queryRaw<Array<{ id: number }>>`
    INSERT INTO "DigestRun" ("channelId", "localDate", "kind", "status", "claimedAt")
    VALUES (${run.channelId}, ${run.localDate}, ${run.kind}, 'claimed', ${now})
    ON CONFLICT ("channelId", "localDate", "kind") DO NOTHING
    RETURNING "id"`;
  return claimed?.id;
}

export async function finishDigestRun(tx: Tx, id: number, result: { status: 'sent' | 'quiet' | 'failed'; messageTs?: string; error?: string }, now: Date): Promise<void> {
  await tx.digestRun.update({ where: { id }, data: { ...result, finishedAt: now } });
}

/** When this kind of digest was last claimed, to say what changed since. */
export async function lastDigestAt(tx: Tx, kind: string, before: Date): Promise<Date | undefined> {
  const row = await tx.digestRun.findFirst({ where: { kind, claimedAt: { lt: before } }, orderBy: { claimedAt: 'desc' }, select: { claimedAt: true } });
  return row?.claimedAt;
}

export async function failedDigestsSince(tx: Tx, since: Date): Promise<Array<{ channelId: string; error: string }>> {
  const rows = await tx.digestRun.findMany({ where: { status: 'failed', claimedAt: { gte: since } }, select: { channelId: true, error: true }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ channelId: row.channelId, error: row.error ?? 'unknown error' }));
}
