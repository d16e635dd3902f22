// Reading back what the app wrote into Slack: button values and modals' private_metadata. What does
// not read as written is out of date (answered by the middleware in ./odd-input.ts).
import { z } from 'zod';
import { storedInt } from '../views/metadata.js';

/**
 * A button value or `private_metadata` we did not write as it arrived: tampered with, or from an
 * older version of the app. The message says what was wrong, for the log only.
 */
export class OutOfDate extends Error {}

/** A button value of `count` stored integers joined by ":" ("<id>:<version>", or "<id>"). */
export function buttonNumbers(value: string | undefined, count: number): number[] {
  const parts = (value ?? '').split(':');
  const numbers = parts.map((part) => (/^\d{1,10}$/.test(part) ? Number(part) : NaN));
  if (parts.length !== count || !numbers.every((n) => storedInt.safeParse(n).success)) throw new OutOfDate(`button value ${JSON.stringify(value)}`);
  return numbers;
}

/** The modal's `private_metadata`, read with the schema its builder wrote it with (src/views). The one reader. */
export function readMetadata<T extends z.ZodType>(schema: T, privateMetadata: string): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(privateMetadata);
  } catch {
    throw new OutOfDate(`private_metadata is not JSON: ${JSON.stringify(privateMetadata.slice(0, 200))}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new OutOfDate(`private_metadata ${JSON.stringify(privateMetadata.slice(0, 200))}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
