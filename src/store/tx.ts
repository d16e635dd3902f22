import type { Prisma as PrismaTypes } from '../generated/prisma/client.js';

/** A Prisma client inside a transaction (or the client itself, for reads). */
export type Tx = PrismaTypes.TransactionClient;

/** Another change won the race for this row: the version the writer read is gone. */
export class VersionConflict extends Error {
  constructor(
    readonly entityType: string,
    readonly entityId: string,
  ) {
    super(`${entityType} ${entityId} changed concurrently`);
  }
}

/** Money columns are BIGINT; amounts stay exact integers below 2^53 in JavaScript. */
export function toMinor(value: bigint): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Amount ${value} is too large`);
  return amount;
}

export function assertUpdated(count: number, entityType: string, entityId: number): void {
  if (count !== 1) throw new VersionConflict(entityType, String(entityId));
}

type Versioned = { id: number; version: number };

/**
 * Writes `data` over the row `before` was read from, only if nobody changed it since (its version
 * is the same), and moves the version on; a lost race throws VersionConflict. Answers the new version.
 */
export async function updateIfCurrent<D extends object>(
  updateMany: (args: { where: Versioned; data: D & { version: { increment: 1 } } }) => Promise<{ count: number }>,
  entityType: string,
  before: Versioned,
  data: D,
): Promise<number> {
  const { count } = await updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
  assertUpdated(count, entityType, before.id);
  return before.version + 1;
}
