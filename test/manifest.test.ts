import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';

// Slack's published manifest schema, vendored (see test/fixtures/slack/README.md).
const SLACK_DATA = join(import.meta.dirname, 'fixtures/slack');
const schema = JSON.parse(readFileSync(join(SLACK_DATA, 'manifest.schema.1.0.0.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '../manifest.json'), 'utf8'));

/**
 * Bot scopes each Web API method needs, from the method pages on docs.slack.dev
 * (e.g. https://docs.slack.dev/reference/methods/views.publish: "No scopes required").
 * A method missing here fails the test: look up its page and add it.
 */
const METHOD_SCOPES: Record<string, string[]> = {
  'auth.test': [],
  'chat.postMessage': ['chat:write'],
  'chat.postEphemeral': ['chat:write'],
  'chat.update': ['chat:write'],
  'conversations.open': ['im:write'],
  // The client's wrapper around files.getUploadURLExternal → upload → files.completeUploadExternal.
  filesUploadV2: ['files:write'],
  'views.open': [],
  'views.publish': [],
  'views.update': [],
  // https://docs.slack.dev/reference/methods/users.info: the person's time zone, for reminders at a sensible hour.
  'users.info': ['users:read'],
};

/**
 * Each event the code listens to: the subscriptions it needs in the manifest and their scopes
 * (https://docs.slack.dev/reference/events). `message` arrives through one subscription per kind of channel.
 */
const EVENTS: Record<string, { subscriptions: string[]; scopes: string[] }> = {
  app_home_opened: { subscriptions: ['app_home_opened'], scopes: [] },
  message: { subscriptions: ['message.channels', 'message.groups'], scopes: ['channels:history', 'groups:history'] },
};

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  return ajv.compile(schema);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.parentPath.includes('generated'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** What the code really uses, read from its listeners and Web API calls. */
function usedBySource() {
  const source = sourceFiles(join(import.meta.dirname, '../src'))
    .map((file) => readFileSync(file, 'utf8'))
    .join('\n');
  const all = (pattern: RegExp) => [...new Set([...source.matchAll(pattern)].map((match) => match[1] as string))].sort();
  const commands = all(/\.command\(\s*'([^']+)'/g);
  const events = all(/\.event\(\s*'([^']+)'/g);
  const methods = all(/\bclient\.((?:[a-z]+\.)+[a-zA-Z]+|filesUploadV2)\(/g);
  return { commands, events, methods, interactive: /\.(action|view|options|shortcut)\(/.test(source) };
}

describe('manifest.json', () => {
  it("is valid against Slack's published manifest schema", () => {
    const validate = validator();
    expect(validate(manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('really validates: the invalid example Slack publishes is refused', () => {
    const validate = validator();
    expect(validate(JSON.parse(readFileSync(join(SLACK_DATA, 'manifest-example.v1.invalid.json'), 'utf8')))).toBe(false);
  });

  it('declares exactly the slash commands, events and bot scopes the code uses', () => {
    const used = usedBySource();
    const unknownMethods = used.methods.filter((method) => !(method in METHOD_SCOPES));
    expect(unknownMethods, 'add these methods and their scopes to METHOD_SCOPES').toEqual([]);
    const unknownEvents = used.events.filter((event) => !(event in EVENTS));
    expect(unknownEvents, 'add these events, their subscriptions and scopes to EVENTS').toEqual([]);

    const scopes = new Set([
      ...(used.commands.length ? ['commands'] : []),
      ...used.methods.flatMap((method) => METHOD_SCOPES[method] ?? []),
      ...used.events.flatMap((event) => EVENTS[event]?.scopes ?? []),
    ]);
    expect(manifest.features.slash_commands.map((c: { command: string }) => c.command).sort()).toEqual(used.commands);
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(used.events.flatMap((event) => EVENTS[event]?.subscriptions ?? []).sort());
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...scopes].sort());
  });

  it('has a bot user, the App Home tab and interactivity, with placeholder request URLs', () => {
    expect(manifest.features.bot_user.display_name).toBeTruthy();
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    const urls = [
      ...manifest.features.slash_commands.map((c: { url: string }) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    for (const url of urls) expect(url).toBe('https://your-app.example.com/slack/events');
  });
});
