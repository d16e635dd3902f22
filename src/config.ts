import { existsSync } from 'node:fs';
import { z } from 'zod';
import { SLACK_USER_ID } from './domain/roles.js';

/** Where the data lives, decided by DATABASE_URL. */
export type DatabaseLocation = { kind: 'embedded'; dataDir: string } | { kind: 'memory' } | { kind: 'server'; url: string; schema: string | undefined };

const FIX_SLACK =
  'create the Slack app from manifest.json (api.slack.com/apps → Create New App → From a manifest), ' + 'install it to your workspace, then copy';

const databaseUrl = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): DatabaseLocation => {
    if (!value) return { kind: 'embedded', dataDir: './data' };
    if (value === 'memory://') return { kind: 'memory' };
    if (value.startsWith('file://')) {
      const dataDir = value.slice('file://'.length);
      if (dataDir) return { kind: 'embedded', dataDir };
    }
    if (/^postgres(ql)?:\/\//.test(value) && URL.canParse(value)) {
      const url = new URL(value);
      const schema = url.searchParams.get('schema') ?? undefined;
      url.searchParams.delete('schema');
      return { kind: 'server', url: url.toString(), schema };
    }
    ctx.addIssue({
      code: 'custom',
      message: 'must be empty (embedded database in ./data), file://PATH, memory://, or postgresql://user@host:5432/db',
    });
    return z.NEVER;
  });

const slackUserIds = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.string().regex(SLACK_USER_ID, {
        error: (issue) => `has "${String(issue.input)}", which is not a Slack user ID such as U012ABCDEF (profile → ⋮ → Copy member ID)`,
      }),
    ),
  );

export const databaseEnvSchema = z.object({ DATABASE_URL: databaseUrl });

export const envSchema = z
  .object({
    SLACK_BOT_TOKEN: z
      .string({ error: `is missing: ${FIX_SLACK} "Bot User OAuth Token" (xoxb-…) from OAuth & Permissions` })
      .regex(/^xoxb-/, 'must be a bot token starting with xoxb- (OAuth & Permissions → Bot User OAuth Token)'),
    SLACK_SIGNING_SECRET: z.string().min(1).optional(),
    SLACK_APP_TOKEN: z
      .string()
      .regex(/^xapp-/, 'must be an app-level token starting with xapp- (Basic Information → App-Level Tokens, scope connections:write)')
      .optional(),
    SLACK_API_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://slack.com/api/' })
      .default('https://slack.com/api/')
      .transform((url) => (url.endsWith('/') ? url : `${url}/`)),
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535, 'must be a port number between 0 and 65535').default(3000),
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be one of debug, info, warn, error' }).default('info'),
    ADMIN_USER_IDS: slackUserIds,
  })
  .refine((env) => Boolean(env.SLACK_APP_TOKEN || env.SLACK_SIGNING_SECRET), {
    path: ['SLACK_SIGNING_SECRET'],
    message: `is missing: ${FIX_SLACK} "Signing Secret" from Basic Information (or set SLACK_APP_TOKEN for Socket Mode)`,
    // Report it together with the other problems, not after they are fixed.
    when: () => true,
  });

export type Config = z.output<typeof envSchema>;

/**
 * The environment, with `.env` read into it first when there is one: a variable already set in the
 * real environment wins over the file (as with Node's --env-file), so deployments override it.
 */
export function readEnvironment(path = '.env'): NodeJS.ProcessEnv {
  if (existsSync(path)) process.loadEnvFile(path);
  return process.env;
}

/** The Node.js versions the dependencies need (Prisma 7: ^20.19 || ^22.12 || >=24), as package.json `engines` says. */
export const NODE_RANGE = '^20.19 || ^22.12 || >=24';

/** Why this Node.js is too old for the app, in one line, or undefined when it is fine. */
export function nodeVersionProblem(version: string): string | undefined {
  const [major = 0, minor = 0] = version.replace(/^v/, '').split('.').map(Number);
  const fine = major >= 24 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19);
  return fine ? undefined : `Cannot start: Node.js ${version.replace(/^v/, '')} is too old; this app needs ${NODE_RANGE} (see README.md, "Quick start").`;
}

/** Something to fix in the environment: the entry points print its message alone, without a stack trace. */
export class ConfigError extends Error {}

/** Parses the environment; throws one ConfigError listing every problem. */
export function parseConfig(env: Record<string, string | undefined>): Config;
export function parseConfig<S extends z.ZodType>(env: Record<string, string | undefined>, schema: S): z.output<S>;
export function parseConfig(env: Record<string, string | undefined>, schema: z.ZodType = envSchema): unknown {
  // Empty variables count as unset, as they do in most .env tooling.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  - ${String(issue.path[0] ?? 'environment')} ${issue.message}`);
  throw new ConfigError(['Cannot start: the environment is not configured.', ...problems, 'See README.md, section "Configuration".'].join('\n'));
}
