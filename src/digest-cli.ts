// `npm run digest -- --dry-run`: the digests that would be sent now, as text, from the configured
// database and without Slack. It writes nothing: no migration, no claim, not even the settings row.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, type DatabaseLocation, databaseEnvSchema, parseConfig, readEnvironment } from './config.js';
import { openDatabase } from './store/database.js';
import { pendingMigrations } from './store/migrations.js';
import { campaignDigestMessage, digestText, overviewMessage } from './views/digest.js';
import { activeDigests, digestSettings } from './workflow/digests.js';

const NOT_MIGRATED = 'run npm start or npm run db:migrate first';

/** Thrown inside the dry run's transaction so that it is rolled back. */
class DryRunDone extends Error {}

async function run(): Promise<void> {
  if (!process.argv.includes('--dry-run')) {
    console.error('Usage: npm run digest -- --dry-run   (the app itself posts digests on schedule)');
    process.exitCode = 2;
    return;
  }
  const { DATABASE_URL } = parseConfig(readEnvironment(), databaseEnvSchema);
  // Opening a folder that holds no database yet would create one.
  if (!holdsDatabase(DATABASE_URL)) return refuse('the database has no tables yet');
  const db = await openDatabase(DATABASE_URL);
  try {
    const pending = await pendingMigrations(db.prisma);
    if (pending === undefined) return refuse('the database has no tables yet');
    if (pending.length) return refuse(`the database has ${pending.length} pending migration${pending.length === 1 ? '' : 's'}`);
    const now = new Date();
    // Reading the settings creates their row on first use: rolled back here, like anything else.
    await db.prisma
      .$transaction(
        async (tx) => {
          const [settings, digests] = [await digestSettings(tx), await activeDigests(tx, now)];
          console.log(`Digest schedule: ${settings.time} ${settings.timeZone}, ISO weekdays ${settings.days.join(',')}\n`);
          for (const digest of digests) {
            const message = campaignDigestMessage(digest, { quietMessage: settings.quietDayMessage });
            console.log(
              `── #${digest.campaign.channelId}${digest.campaign.digestMuted ? ' (muted)' : ''}\n${message ? digestText(message) : '(quiet: nothing posted)'}\n`,
            );
          }
          console.log(
            `── overview${settings.overviewChannelId ? ` #${settings.overviewChannelId}` : ' (no overview channel set)'}\n${digestText(overviewMessage(digests, []))}`,
          );
          throw new DryRunDone();
        },
        { timeout: 600_000 },
      )
      .catch((error: unknown) => {
        if (!(error instanceof DryRunDone)) throw error;
      });
  } finally {
    await db.close();
  }
}

function refuse(why: string): void {
  console.error(`Nothing to show: ${why}; ${NOT_MIGRATED}.`);
  process.exitCode = 1;
}

function holdsDatabase(location: DatabaseLocation): boolean {
  return location.kind !== 'embedded' || existsSync(join(location.dataDir, 'PG_VERSION'));
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
