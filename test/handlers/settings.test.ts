import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMINS_BLOCK, SETTINGS } from '../../src/views/settings.js';
import { admins } from '../../src/workflow/admins.js';
import { blockKitViolations } from '../support/block-kit.js';
import { type Harness, startHarness } from '../support/harness.js';
import { PEOPLE } from '../support/workflow.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ ADMIN_USER_IDS: PEOPLE.admin });
});
afterAll(() => harness?.stop());

const adminsValue = (users: string[]) => ({ [ADMINS_BLOCK]: { value: { type: 'multi_users_select', selected_users: users } } });

describe('/campaign settings', () => {
  it('is refused ephemerally to a non-admin', async () => {
    const { body } = await harness.slack.command('settings', { userId: PEOPLE.member });
    expect(body).toMatchObject({ response_type: 'ephemeral', text: ':no_entry: Only an admin can manage admins.' });
  });

  it('lets an admin change the admins, records each grant and removal, and keeps at least one', async () => {
    await harness.slack.command('settings', { userId: PEOPLE.admin });
    const opened = await harness.fakeSlack.waitFor('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === SETTINGS);
    expect(blockKitViolations(opened.args.view as Record<string, unknown>, 'modal')).toEqual([]);

    const none = await harness.slack.viewSubmission({ callback_id: SETTINGS, values: adminsValue([]) }, { userId: PEOPLE.admin });
    expect(none.body).toEqual({ response_action: 'errors', errors: { [ADMINS_BLOCK]: 'Keep at least one admin.' } });

    const saved = await harness.slack.viewSubmission({ callback_id: SETTINGS, values: adminsValue([PEOPLE.salesPic]) }, { userId: PEOPLE.admin });
    expect(saved).toEqual({ status: 200, body: '' });
    expect(await admins(harness.running.db.prisma)).toEqual([PEOPLE.salesPic]);
    const events = await harness.running.db.prisma.historyEvent.findMany({ where: { entityType: 'admin' }, orderBy: { id: 'asc' } });
    expect(events.map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ['admin.granted', PEOPLE.admin, 'system'],
      ['admin.granted', PEOPLE.salesPic, PEOPLE.admin],
      ['admin.revoked', PEOPLE.admin, PEOPLE.admin],
    ]);

    const formerAdmin = await harness.slack.viewSubmission({ callback_id: SETTINGS, values: adminsValue([PEOPLE.admin]) }, { userId: PEOPLE.admin });
    expect(JSON.stringify(formerAdmin.body)).toContain('Only an admin can manage admins.');
  });
});
