import { describe, expect, it } from 'vitest';
import { CAPTION_LIMITS } from '../../src/domain/compliance.js';
import { APPROVE_POST } from '../../src/views/approvals.js';
import { CAMPAIGN_FIELDS as F } from '../../src/views/campaign-form.js';
import { POST_FIELDS } from '../../src/views/post-form.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import type { SlackCall } from '../support/fake-slack.js';
import { harnessForTests } from '../support/harness.js';
import { collaboratingCampaign, PEOPLE, T0 } from '../support/factories.js';
import { buttonsOf, slackUsersOf } from '../support/slack-user.js';
import { entityHistory, getPost } from '../support/records.js';

const harness = harnessForTests({ now: () => T0 });
const { member, salesPic } = slackUsersOf(harness);

const prisma = () => harness.running.db.prisma;
const texts = (call: SlackCall) => mrkdwnTexts(call.args).join('\n');
const approveButton = (call: SlackCall) =>
  buttonsOf(call.args as never).find((button) => button.action_id === APPROVE_POST) as unknown as { value: string; confirm?: { text: { text: string } } };

/** Waits for the next call to `method` (after those already made) that matches. */
function next(method: string, matches: (call: SlackCall) => boolean): Promise<SlackCall> {
  const seen = new Set(harness.fakeSlack.callsTo(method));
  return harness.fakeSlack.waitFor(method, (call) => !seen.has(call) && matches(call));
}

/** `/campaign post` as the member with `caption`, for the campaign's first account: the card posted in the channel. */
async function submit(campaignId: number, caption: string): Promise<SlackCall> {
  const form = await member.openModal(`post C-${campaignId}`);
  const account = (form.blocks.find((block) => block.block_id === POST_FIELDS.account)!.element as unknown as { options: Array<{ value: string }> }).options[0]!
    .value;
  const card = next('chat.postMessage', (call) => texts(call).includes(caption.split(' ')[0]!));
  expect(
    (
      await member.submit(form, {
        [POST_FIELDS.account]: account,
        [POST_FIELDS.plannedDate]: '2026-12-05',
        [POST_FIELDS.content]: caption,
        [POST_FIELDS.mediaUrls]: null,
      })
    ).body,
  ).toBe('');
  return card;
}

describe('compliance checks on a draft post', () => {
  it('the card lists each check; Approve asks to confirm the failed ones by name; the checks are kept with the post', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Checks', { requiredTags: ['#GlowPlan', '@glowlabs'], forbiddenWords: ['guaranteed'] });
    const caption = 'Guaranteed <glow> https://glow.example.com/?utm_source=influencers @glowlabs';
    const card = await submit(scenario.id, caption);
    const limit = CAPTION_LIMITS[scenario.account.platform]!.toLocaleString('en-US');
    expect(texts(card)).toContain(
      [
        ':x: Disclosure (none of #ad, #sponsored, #PR)',
        ':x: Required tags (missing #GlowPlan)',
        ':white_check_mark: Tracking link (with utm_source)',
        `:white_check_mark: Length (${caption.length} / ${limit} characters)`,
        ':x: Forbidden words (found guaranteed)',
      ].join(' · '),
    );
    expect(texts(card)).toContain('Guaranteed &lt;glow&gt;');
    expect(approveButton(card).confirm?.text.text).toBe(
      'This post fails 3 checks: Disclosure (none of #ad, #sponsored, #PR); Required tags (missing #GlowPlan); Forbidden words (found guaranteed). Approve it anyway?',
    );
    expect(blockKitViolations(card.args, 'message')).toEqual([]);
    const postId = Number(approveButton(card).value.split(':')[0]);
    expect((await getPost(prisma(), postId))?.checks?.map((check) => [check.rule, check.passed])).toEqual([
      ['disclosure', false],
      ['required_tags', false],
      ['tracking_link', true],
      ['length', true],
      ['forbidden_words', false],
    ]);
  });

  it('a caption that passes every check: no confirmation on Approve', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Clean checks', { requiredTags: ['#GlowPlan'] });
    const card = await submit(scenario.id, 'Night routine #GlowPlan #ad https://glow.example.com/?utm_source=influencers');
    expect(texts(card)).toContain(':white_check_mark: Disclosure (#ad) · :white_check_mark: Required tags (#GlowPlan) · :white_check_mark: Tracking link');
    expect(texts(card)).not.toContain(':x:');
    expect(approveButton(card).confirm).toBeUndefined();
  });

  it('editing the brief checks the waiting posts again: their cards are updated, the history says so', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Recheck', { requiredTags: ['#GlowPlan'], forbiddenWords: ['cure'] });
    const card = await submit(scenario.id, 'This cure works #ad https://glow.example.com/?utm_source=influencers');
    expect(texts(card)).toContain(':x: Required tags (missing #GlowPlan)');
    const postId = Number(approveButton(card).value.split(':')[0]);

    const edit = await salesPic.openModal(`edit C-${scenario.id}`);
    const updated = next('chat.update', (call) => texts(call).includes('This cure works') && !texts(call).includes('Required tags'));
    expect((await salesPic.submit(edit, { [F.requiredTags]: null, [F.forbiddenWords]: null, [F.disclosureWords]: '#PR, Paid partnership' })).body).toBe('');
    const after = await updated;
    expect(texts(after)).toContain(':x: Disclosure (none of #PR, Paid partnership) · :white_check_mark: Tracking link');
    expect(texts(after)).not.toContain('Forbidden words');
    expect(approveButton(after).confirm?.text.text).toBe('This post fails a check: Disclosure (none of #PR, Paid partnership). Approve it anyway?');
    const rechecked = (await entityHistory(prisma(), 'post', postId)).filter((entry) => entry.action === 'post.rechecked');
    expect(rechecked).toMatchObject([{ actor: PEOPLE.salesPic, details: { failed: ['disclosure'] } }]);
  });

  it('the brief form says which required tag is not a tag, and saves nothing', async () => {
    const scenario = await collaboratingCampaign(prisma(), 'Bad tags');
    const edit = await salesPic.openModal(`edit C-${scenario.id}`);
    const answer = await salesPic.submit(edit, { [F.requiredTags]: '#GlowPlan GlowLabs' });
    expect(answer.body).toEqual({
      response_action: 'errors',
      errors: { [F.requiredTags]: 'Each tag starts with # or @ (e.g. #GlowPlan, @glowlabs): “GlowLabs” does not.' },
    });
  });
});
