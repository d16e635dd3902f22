import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/config.js';

const VALID = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'secret' };

function problems(env: Record<string, string>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the config to be refused');
}

describe('configuration', () => {
  it('has defaults for everything but the Slack credentials', () => {
    expect(parseConfig(VALID)).toEqual({
      ...VALID,
      SLACK_API_URL: 'https://slack.com/api/',
      PORT: 3000,
      DATABASE_URL: { kind: 'embedded', dataDir: './data' },
      LOG_LEVEL: 'info',
      ADMIN_USER_IDS: [],
    });
  });

  it('chooses the store from DATABASE_URL', () => {
    const store = (DATABASE_URL: string) => parseConfig({ ...VALID, DATABASE_URL }).DATABASE_URL;
    expect(store('')).toEqual({ kind: 'embedded', dataDir: './data' });
    expect(store('file:///var/lib/campaigns')).toEqual({ kind: 'embedded', dataDir: '/var/lib/campaigns' });
    expect(store('memory://')).toEqual({ kind: 'memory' });
    expect(store('postgresql://app:pw@db:5432/campaigns')).toEqual({ kind: 'server', url: 'postgresql://app:pw@db:5432/campaigns', schema: undefined });
    expect(store('postgres://db/campaigns?schema=tenant_a&sslmode=require')).toEqual({
      kind: 'server',
      url: 'postgres://db/campaigns?sslmode=require',
      schema: 'tenant_a',
    });
  });

  it('reads the admins, Socket Mode token and API URL', () => {
    const config = parseConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_APP_TOKEN: 'xapp-1',
      SLACK_API_URL: 'https://slack-gov.com/api',
      ADMIN_USER_IDS: ' U012ABC, W0456DEF ,',
      PORT: '8080',
    });
    expect(config.ADMIN_USER_IDS).toEqual(['U012ABC', 'W0456DEF']);
    expect(config.SLACK_SIGNING_SECRET).toBeUndefined();
    expect(config.SLACK_API_URL).toBe('https://slack-gov.com/api/');
    expect(config.PORT).toBe(8080);
  });

  it('lists every problem at once, each with how to fix it', () => {
    const message = problems({
      SLACK_BOT_TOKEN: 'xoxp-user-token',
      SLACK_APP_TOKEN: 'not-an-app-token',
      SLACK_API_URL: 'ftp://slack.com',
      PORT: '70000',
      DATABASE_URL: 'mysql://db',
      LOG_LEVEL: 'loud',
      ADMIN_USER_IDS: 'U012ABC,alice',
    });
    expect(message.split('\n').filter((line) => line.startsWith('  - ')).map((line) => line.split(' ')[3])).toEqual([
      'SLACK_BOT_TOKEN',
      'SLACK_APP_TOKEN',
      'SLACK_API_URL',
      'PORT',
      'DATABASE_URL',
      'LOG_LEVEL',
      'ADMIN_USER_IDS',
    ]);
    expect(message).toContain('starting with xoxb-');
    expect(message).toContain('"alice", which is not a Slack user ID');
  });

  it('asks for the signing secret in HTTP mode, together with the missing token', () => {
    const message = problems({});
    expect(message).toContain('SLACK_BOT_TOKEN is missing');
    expect(message).toContain('SLACK_SIGNING_SECRET is missing');
    expect(message).toContain('manifest.json');
  });
});
