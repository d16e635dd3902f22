// A modal's private_metadata carries IDs and versions only; the truth is re-read on submit. Each
// modal's schema sits next to its builder, which writes it with `metadataOf`; its listeners read it
// back with the same schema (readMetadata in src/handlers/payload.ts), so the two cannot drift.
import { z } from 'zod';

/** An ID or version as the database stores it (a 32-bit integer); anything else was not written by us. */
export const storedInt = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

/** A form about a campaign whose listener needs nothing else (the log still names the campaign). */
export const campaignMetadata = z.object({ campaignId: storedInt });

/** A campaign at the version the form showed (edit, settings, open recruitment). */
export const campaignAtVersion = z.object({ campaignId: storedInt, version: storedInt });

/** Participant ID → the version the form showed; JSON keeps the IDs as text. */
export const participantVersions = z.record(z.string().regex(/^\d{1,9}$/), storedInt);

/** A campaign and the versions of the participants its form lists (resend, reopen). */
export const campaignParticipants = z.object({ campaignId: storedInt, versions: participantVersions });

/** The private_metadata a builder writes: typed by the schema its listener reads it with. */
export function metadataOf<T extends z.ZodType>(_schema: T, value: z.input<T>): string {
  return JSON.stringify(value);
}
