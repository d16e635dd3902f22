import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, NODE_RANGE, envSchema, nodeVersionProblem, parseConfig } from '../src/config.js';

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
    expect(
      message
        .split('\n')
        .filter((line) => line.startsWith('  - '))
        .map((line) => line.split(' ')[3]),
    ).toEqual(['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_API_URL', 'PORT', 'DATABASE_URL', 'LOG_LEVEL', 'ADMIN_USER_IDS']);
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

describe('the Node.js range', () => {
  it('accepts what the dependencies need (^20.19 || ^22.12 || >=24) and names the range otherwise, in one line', () => {
    for (const fine of ['20.19.0', 'v20.20.2', '22.12.0', '24.0.0', '25.1.0']) expect(nodeVersionProblem(fine), fine).toBeUndefined();
    for (const old of ['18.20.0', '20.12.0', '20.18.3', '22.11.0', '23.6.0']) {
      expect(nodeVersionProblem(old), old).toBe(`Cannot start: Node.js ${old} is too old; this app needs ${NODE_RANGE} (see README.md, "Quick start").`);
    }
  });

  it('is the one package.json declares', () => {
    expect(JSON.parse(readFileSync('package.json', 'utf8')).engines.node).toBe(NODE_RANGE);
  });
});

describe('.env.example', () => {
  it('lists every variable the app reads, each with a comment saying where to find it', () => {
    const lines = readFileSync('.env.example', 'utf8').split('\n');
    const listed = lines.filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split('=')[0]);
    expect(listed.sort()).toEqual(Object.keys(envSchema.shape).sort());
    for (const name of listed) expect(lines[lines.findIndex((line) => line.startsWith(`${name}=`)) - 1], name).toMatch(/^# /);
  });
});
