// `npm run digest -- --dry-run`: the digests that would be sent now, as text, from the configured
// database and without Slack. Nothing is claimed or marked sent.
import { ConfigError, databaseEnvSchema, parseConfig } from './config.js';
import { openDatabase } from './store/database.js';
import { applyPendingMigrations } from './store/migrations.js';
import { campaignDigestMessage, digestText, overviewMessage } from './views/digest.js';
import { activeDigests, digestSettings } from './workflow/digests.js';

async function run(): Promise<void> {
  if (!process.argv.includes('--dry-run')) {
    console.error('Usage: npm run digest -- --dry-run   (the app itself posts digests on schedule)');
    process.exitCode = 2;
    return;
  }
  const { DATABASE_URL } = parseConfig(process.env, databaseEnvSchema);
  const db = await openDatabase(DATABASE_URL);
  try {
    // As on start: a database the app has never opened gets its tables first.
    await applyPendingMigrations(db);
    const now = new Date();
    const [settings, digests] = await Promise.all([digestSettings(db.prisma), activeDigests(db.prisma, now)]);
    console.log(`Digest schedule: ${settings.time} ${settings.timeZone}, ISO weekdays ${settings.days.join(',')}\n`);
    for (const digest of digests) {
      const message = campaignDigestMessage(digest, { quietMessage: settings.quietDayMessage });
      console.log(`── #${digest.campaign.channelId}${digest.campaign.digestMuted ? ' (muted)' : ''}\n${message ? digestText(message) : '(quiet: nothing posted)'}\n`);
    }
    console.log(`── overview${settings.overviewChannelId ? ` #${settings.overviewChannelId}` : ' (no overview channel set)'}\n${digestText(overviewMessage(digests, []))}`);
  } finally {
    await db.close();
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
