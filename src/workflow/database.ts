/** The database every use case takes; code outside workflow and store names its type from here. */
export type { Prisma } from '../store/database.js';
