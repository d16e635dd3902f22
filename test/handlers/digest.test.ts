import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { SERVER_URL, freshDatabaseUrl } from '../support/database.js';
import { type Harness, startHarness } from '../support/harness.js';
import { recruitingCampaign } from '../support/scenario.js';
import { PEOPLE } from '../support/workflow.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ ADMIN_USER_IDS: PEOPLE.admin });
});
afterAll(() => harness?.stop());

describe('/campaign digest', () => {
  it("previews a campaign's digest and the overview ephemerally, and marks nothing sent", async () => {
    const scenario = await recruitingCampaign(harness.running.db.prisma, 'Preview <!channel>');
    const one = (await harness.slack.command(`digest C-${scenario.id}`)).body as { response_type: string; blocks: unknown[] };
    expect(one.response_type).toBe('ephemeral');
    const text = mrkdwnTexts(one).join('\n') + JSON.stringify(one.blocks);
    expect(text).toContain(`C-${scenario.id}`);
    expect(mrkdwnTexts(one).join('\n')).not.toContain('<!channel>');
    expect(blockKitViolations(one as Record<string, unknown>, 'message')).toEqual([]);

    const overview = (await harness.slack.command('digest')).body as { response_type: string; blocks: unknown[] };
    expect(overview.response_type).toBe('ephemeral');
    expect(JSON.stringify(overview.blocks)).toContain(`C-${scenario.id}`);
    expect(await harness.running.db.prisma.digestRun.count()).toBe(0);
  });
});

describe.skipIf(SERVER_URL)('npm run digest -- --dry-run', { timeout: 120_000 }, () => {
  it('prints the digests as text from the configured database, without Slack', async () => {
    const database = await freshDatabaseUrl();
    const root = join(import.meta.dirname, '../..');
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/digest-cli.ts'), '--dry-run'], { cwd: root, env: { PATH: process.env.PATH ?? '', DATABASE_URL: database.url }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const [code] = await once(child, 'exit');
    await database.drop();
    expect(code).toBe(0);
    expect(output).toContain('Digest schedule: 09:00 UTC, ISO weekdays 1,2,3,4,5');
    expect(output).toContain('overview (no overview channel set)');
  });
});
