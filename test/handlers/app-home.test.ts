import { describe, expect, it } from 'vitest';
import { APPROVE_POST } from '../../src/views/approvals.js';
import { FINAL_APPROVE_POST, HOME_CREATE_CAMPAIGN } from '../../src/views/home.js';
import { FINAL_APPROVE } from '../../src/views/modals.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { CREATE_CAMPAIGN } from '../../src/views/campaign-form.js';
import * as posts from '../../src/workflow/posts.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, at, ok, submittedPost, livePost } from '../support/factories.js';
import { getPost } from '../support/records.js';

const harness = harnessForTests();

const texts = (call: SlackCall) => mrkdwnTexts(call.args.view).join('\n');

describe('App Home', () => {
  it('shows an approver the posts waiting for them with buttons, and approving there removes it; a second click explains at the top', async () => {
    const prisma = harness.running.db.prisma;
    const scenario = await collaboratingCampaign(prisma, 'Home flow');
    const post = await submittedPost(prisma, scenario, 'Home content');

    await harness.slack.appHomeOpened(PEOPLE.approver);
    const home = await harness.fakeSlack.waitFor('views.publish', (c) => c.args.user_id === PEOPLE.approver && texts(c).includes('Home content'));
    expect(texts(home)).toContain('*Waiting for your decision* (1)');
    expect(texts(home)).toContain(`*C-${scenario.id}* Home flow`);
    expect(blockKitViolations(home.args.view as Record<string, unknown>, 'home')).toEqual([]);

    const clicked = Date.now();
    await harness.slack.blockAction({ action_id: APPROVE_POST, value: `${post.id}:${post.version}` }, { userId: PEOPLE.approver, fromHome: true });
    // Published after the click (an App Home published before the post was submitted says the same).
    await harness.fakeSlack.waitFor('views.publish', (c) => c.at >= clicked && c.args.user_id === PEOPLE.approver && texts(c).includes('Nothing right now.'));

    await harness.slack.replay();
    await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.approver && texts(c).includes(`Already approved by <@${PEOPLE.approver}>`),
    );
  });

  it('opens the create-campaign modal from its button', async () => {
    await harness.slack.blockAction({ action_id: HOME_CREATE_CAMPAIGN }, { userId: PEOPLE.member, fromHome: true });
    const opened = await harness.fakeSlack.waitFor('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === CREATE_CAMPAIGN);
    expect(opened.args.trigger_id).toMatch(/trigger/);
  });

  it('lists a late planned post as overdue', async () => {
    const prisma = harness.running.db.prisma;
    const scenario = await collaboratingCampaign(prisma, 'Late flow');
    const post = await submittedPost(prisma, scenario, 'Late', { plannedDate: new Date('2020-01-01') });
    ok(await posts.approvePost(prisma, post.id, at(PEOPLE.approver)));
    await harness.slack.appHomeOpened(PEOPLE.salesPic);
    const home = await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.salesPic && texts(c).includes('Late flow') && texts(c).includes('was to post on'),
    );
    expect(texts(home)).toContain('was to post on 2020-01-01');
  });

  it('offers posted posts of a completed campaign for final approval, after a confirmation that says it cannot be undone', async () => {
    const prisma = harness.running.db.prisma;
    const scenario = await collaboratingCampaign(prisma, 'Final flow');
    const posted = await livePost(prisma, scenario, 'Final content', { postUrl: 'https://instagram.com/p/final' });
    ok(await campaigns.completeCampaign(prisma, scenario.id, at(PEOPLE.salesPic)));

    await harness.slack.appHomeOpened(PEOPLE.approver2);
    const home = await harness.fakeSlack.waitFor(
      'views.publish',
      (c) => c.args.user_id === PEOPLE.approver2 && texts(c).includes('Ready for your final approval'),
    );
    expect(texts(home)).toContain('Final flow');
    expect(texts(home)).toContain(`Several at once: \`/campaign final-approve C-${scenario.id}\``);

    await harness.slack.blockAction({ action_id: FINAL_APPROVE_POST, value: `${posted.id}:${posted.version}` }, { userId: PEOPLE.approver2, fromHome: true });
    const modal = (await harness.fakeSlack.waitFor('views.open', (c) => (c.args.view as { callback_id: string }).callback_id === FINAL_APPROVE)).args.view as {
      private_metadata: string;
      blocks: unknown[];
    };
    expect(JSON.stringify(modal.blocks)).toContain('cannot be undone');

    expect(
      (await harness.slack.viewSubmission({ callback_id: FINAL_APPROVE, private_metadata: modal.private_metadata, values: {} }, { userId: PEOPLE.member }))
        .body,
    ).toMatchObject({ response_action: 'update' });
    expect((await getPost(prisma, posted.id))?.status).toBe('posted');
    expect(
      await harness.slack.viewSubmission({ callback_id: FINAL_APPROVE, private_metadata: modal.private_metadata, values: {} }, { userId: PEOPLE.approver2 }),
    ).toEqual({ status: 200, body: '' });
    expect((await getPost(prisma, posted.id))?.status).toBe('final_approved');
    const again = await harness.slack.viewSubmission(
      { callback_id: FINAL_APPROVE, private_metadata: modal.private_metadata, values: {} },
      { userId: PEOPLE.approver },
    );
    expect(JSON.stringify(again.body)).toContain('Already given final approval by');
  });
});
