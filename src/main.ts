// Entry point of `npm start`. The app's modules load only after the config is valid,
// so a misconfigured start fails fast with one message.
import { ConfigError, nodeVersionProblem, parseConfig, readEnvironment } from './config.js';

async function main(): Promise<void> {
  const tooOld = nodeVersionProblem(process.versions.node);
  if (tooOld) throw new ConfigError(tooOld);
  const config = parseConfig(readEnvironment());
  // The embedded database starts on its own thread while the rest of the app's modules load.
  const { openDatabase } = await import('./store/database.js');
  const database = openDatabase(config.DATABASE_URL);
  database.catch(() => undefined); // launch() awaits it and reports a failure
  const { launch } = await import('./app.js');
  const running = await launch(config, undefined, { database });
  if (running.appliedMigrations.length) console.log(`Applied migrations: ${running.appliedMigrations.join(', ')}`);
  console.log(running.port === undefined ? 'Connected to Slack in Socket Mode.' : `Listening on port ${running.port} (POST /slack/events, GET /healthz).`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight requests, then closing the database.`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Shutdown failed:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
