// `npm run db:migrate` and `npm run db:migration -- <name>`: migrations without Prisma's native engine.
import { ConfigError, databaseEnvSchema, parseConfig, readEnvironment } from './config.js';
import { openDatabase } from './store/database.js';
import { applyPendingMigrations, createMigration } from './store/migrations.js';

const [command, name] = process.argv.slice(2);

async function run(): Promise<void> {
  if (command === 'migrate') {
    const { DATABASE_URL } = parseConfig(readEnvironment(), databaseEnvSchema);
    const db = await openDatabase(DATABASE_URL);
    try {
      const applied = await applyPendingMigrations(db);
      console.log(applied.length ? `Applied ${applied.join(', ')}` : 'The database is up to date.');
    } finally {
      await db.close();
    }
  } else if (command === 'create' && name && /^[a-z0-9_]+$/.test(name)) {
    const folder = await createMigration(name);
    console.log(folder ? `Created ${folder}` : 'prisma/schema.prisma has no changes to migrate.');
  } else {
    console.error('Usage: npm run db:migrate | npm run db:migration -- <snake_case_name>');
    process.exitCode = 2;
  }
}

run().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
