// Entry point of `npm start`: read config, open and migrate the database, start the app,
// and stop cleanly on SIGTERM/SIGINT. Heavy modules load only after the config is valid,
// so a misconfigured start fails within a second.
import { ConfigError, parseConfig } from './config.js';

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const [{ openDatabase }, { applyPendingMigrations }, { grantConfiguredAdmins }, { createApp }] = await Promise.all([
    import('./store/database.js'),
    import('./store/migrations.js'),
    import('./workflow/admins.js'),
    import('./app.js'),
  ]);

  const db = await openDatabase(config.DATABASE_URL);
  const applied = await applyPendingMigrations(db);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  await grantConfiguredAdmins(db.prisma, config.ADMIN_USER_IDS, new Date());

  const campaignApp = createApp(config, db);
  const { port } = await campaignApp.start().catch(async (error: unknown) => {
    await db.close();
    throw explainStartFailure(error);
  });
  console.log(port === undefined ? 'Connected to Slack in Socket Mode.' : `Listening on port ${port} (POST /slack/events, GET /healthz).`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then closing the database.`);
    await campaignApp.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function explainStartFailure(error: unknown): Error {
  const code = (error as { data?: { error?: string } }).data?.error;
  if (code === 'invalid_auth' || code === 'not_authed' || code === 'account_inactive' || code === 'token_revoked') {
    return new ConfigError(`Cannot start: Slack refused SLACK_BOT_TOKEN (${code}). Copy the Bot User OAuth Token again from OAuth & Permissions.`);
  }
  return error instanceof Error ? error : new Error(String(error));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
