// What Slack has not shown yet, for admins: list the stuck deliveries and send them again.
import { type Decision, allow } from '../domain/decision.js';
import type { Prisma } from '../store/database.js';
import type { StuckDelivery } from '../domain/deliveries.js';
import { retryStuckDeliveries, stuckDeliveries } from '../store/deliveries.js';
import { type Acting, change, event, permission, record } from './change.js';

/** The listing shows this many; the total says how many more there are. */
const LISTED = 20;

export async function listStuckDeliveries(prisma: Prisma, acting: Acting): Promise<Decision<{ rows: StuckDelivery[]; total: number }>> {
  const refusal = await permission(prisma, 'manageDeliveries', acting);
  return refusal ?? allow(await stuckDeliveries(prisma, LISTED));
}

/** Every failed or retrying delivery is tried again now, from a fresh count; recorded with how many. */
export async function retryDeliveries(prisma: Prisma, acting: Acting): Promise<Decision<number>> {
  return change(prisma, async (tx) => {
    const refusal = await permission(tx, 'manageDeliveries', acting);
    if (refusal) return refusal;
    // Real time, like every delivery time (see enqueueDeliveries).
    const count = await retryStuckDeliveries(tx, new Date());
    if (count > 0) await record(tx, [event(acting, 'delivery', 0, 'delivery.retried', { details: { count } })]);
    return allow(count);
  });
}
