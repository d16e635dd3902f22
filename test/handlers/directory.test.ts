import { describe, expect, it } from 'vitest';
import { type OpenedModal, modalOpenedBy } from '../support/slack-user.js';
import * as campaigns from '../../src/workflow/campaigns.js';
import { addInfluencers } from '../../src/workflow/influencers.js';
import { listParticipants } from '../../src/workflow/participants.js';
import {
  ADD_INFLUENCER,
  ADD_PARTICIPANTS,
  CSV_BLOCK,
  CSV_COLUMNS,
  EDIT_INFLUENCER,
  IMPORT_INFLUENCERS,
  INFLUENCER_FIELDS as F,
  PICK_BLOCK,
  accountBlockId,
  influencerDraft,
  influencerModal,
} from '../../src/views/directory.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { accountValues, profileValues, recruitingCampaign, PEOPLE, at, influencer, ok, influencerWithYoutube } from '../support/factories.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;
const named = (name: string) => prisma().influencer.findMany({ where: { name }, include: { accounts: true } });
type Message = { response_type: string; text: string; blocks: unknown[] };

/** Runs the command and returns the modal it opened. */
async function opened(text: string): Promise<OpenedModal> {
  const view = await modalOpenedBy(harness, async () => {
    const { status, body } = await harness.slack.command(text);
    expect({ status, body }).toEqual({ status: 200, body: '' });
  });
  expect(blockKitViolations(view as unknown as Record<string, unknown>, 'modal')).toEqual([]);
  return view;
}

const textInput = (value: string | null) => ({ value: { type: 'plain_text_input', value } });

type Field = 'name' | 'country' | 'niches' | 'email' | 'platform' | 'handle' | 'followers' | 'avgEngagement';
/** A one-account form (its row `key`; the add form's first row is n1). */
function influencerValues(overrides: Partial<Record<Field, string | null>> = {}, key = 'n1') {
  const { platform, handle, followers, avgEngagement, ...profile } = overrides;
  const account = Object.fromEntries(Object.entries({ platform, handle, followers, avgEngagement }).filter(([, v]) => v !== undefined));
  return { ...profileValues(profile), ...accountValues(key, account) };
}

/** What `/campaign influencers add` opens with: one empty account, row n1. */
const ADD_FORM = influencerModal(influencerDraft()).private_metadata!;

const csv = (...rows: string[]) => ({ [CSV_BLOCK]: textInput([CSV_COLUMNS.join(','), ...rows].join('\n')) });

describe('/campaign influencers add', () => {
  it('opens the modal after acknowledging; a valid submission adds the influencer with one account', async () => {
    const view = await opened('influencers add');
    expect(view.callback_id).toBe(ADD_INFLUENCER);
    const done = await harness.slack.viewSubmission({ callback_id: ADD_INFLUENCER, private_metadata: view.private_metadata, values: influencerValues() });
    expect(done).toEqual({ status: 200, body: '' });
    const [chika] = await named('Chika Mori');
    expect(chika).toMatchObject({ country: 'JP', niches: ['beauty', 'skincare'], email: 'chika@example.com' });
    expect(chika!.accounts).toMatchObject([{ platform: 'instagram', handle: 'chika', followers: 88000, avgEngagementPct: 2.5 }]);
  });

  it.each([
    ['a bad email', { email: 'chika@' }, F.email, 'Enter a valid email address, e.g. name@example.com.'],
    ['negative followers', { followers: '-5' }, accountBlockId('n1', 'followers'), 'Followers must be a whole number, zero or more.'],
    ['no platform', { platform: null }, accountBlockId('n1', 'platform'), 'Choose a platform: instagram, tiktok, youtube, x, facebook, threads, other.'],
    ['an engagement over 100 %', { avgEngagement: '150' }, accountBlockId('n1', 'avgEngagement'), 'Average engagement is a percentage between 0 and 100.'],
    ['a blank name', { name: '  ' }, F.name, 'The name is required.'],
  ])('shows %s as a field error and saves nothing', async (_, overrides, block, message) => {
    const before = await prisma().influencer.count();
    const { body } = await harness.slack.viewSubmission({
      callback_id: ADD_INFLUENCER,
      private_metadata: ADD_FORM,
      values: influencerValues({ name: 'Rejected Person', handle: 'rejected', ...overrides }),
    });
    expect(body).toEqual({ response_action: 'errors', errors: { [block]: message } });
    expect(await prisma().influencer.count()).toBe(before);
  });

  it('a handle already in the directory is a field error on the handle; a replayed submission adds nothing twice', async () => {
    const values = influencerValues({ name: 'Dai Sato', handle: 'daisato' });
    expect((await harness.slack.viewSubmission({ callback_id: ADD_INFLUENCER, private_metadata: ADD_FORM, values })).body).toBe('');
    const replayed = await harness.slack.replay();
    expect(replayed.body).toEqual({
      response_action: 'errors',
      errors: { [accountBlockId('n1', 'handle')]: 'Instagram @daisato is already in the directory (Dai Sato).' },
    });
    expect(await named('Dai Sato')).toHaveLength(1);
  });
});

describe('/campaign influencers search', () => {
  it('lists matches ephemerally with country, niches and accounts; user text is escaped', async () => {
    ok(
      await addInfluencers(
        prisma(),
        [
          influencer('<!channel> Eri *Bold*', 'eri_search', 250_000, {
            niches: ['gaming'],
            country: 'KR',
            accounts: [{ platform: 'tiktok', handle: 'eri_search', followers: 250_000, avgEngagementPct: 4.1 }],
          }),
          influencer('Fumi Low', 'fumi_search', 900, {
            niches: ['gaming'],
            country: 'KR',
            accounts: [{ platform: 'tiktok', handle: 'fumi_search', followers: 900, avgEngagementPct: null }],
          }),
        ],
        at(PEOPLE.member),
      ),
    );
    const body = await harness.slack.answer('influencers search gaming platform:TikTok country:kr min:1000');
    const message = body as Message;
    expect(message.response_type).toBe('ephemeral');
    const texts = mrkdwnTexts(message).join('\n');
    expect(texts).toContain('&lt;!channel&gt; Eri *Bold*');
    expect(texts).toContain('KR · gaming — TikTok @eri_search 250k (4.1 %)');
    expect(texts).not.toContain('<!channel>');
    expect(texts).not.toContain('Fumi Low');
    expect(blockKitViolations(message as unknown as Record<string, unknown>, 'message')).toEqual([]);

    // Without "search", the words are filters too.
    expect(mrkdwnTexts(await harness.slack.answer('influencers niche:gaming')).join('\n')).toContain('Fumi Low');
  });

  it('shows at most 40 and counts the rest', async () => {
    ok(
      await addInfluencers(
        prisma(),
        Array.from({ length: 45 }, (_, i) => influencer(`Many ${String(i).padStart(2, '0')}`, `many${i}`, 1000 + i, { niches: ['crowd'] })),
        at(PEOPLE.member),
      ),
    );
    const message = (await harness.slack.answer('influencers search crowd')) as Message;
    const texts = mrkdwnTexts(message).join('\n');
    expect(texts).toContain('45 matching');
    expect(texts).toContain('Many 39');
    expect(texts).not.toContain('Many 40');
    expect(texts).toContain('+5 more');
    expect(blockKitViolations(message as unknown as Record<string, unknown>, 'message')).toEqual([]);
  });

  it.each([
    ['platform:myspace', '`myspace` is not a platform'],
    ['min:lots', '`min:lots` must be a whole number'],
    ['age:30', '`age:30` is not a filter'],
    ['platform:<!here>', '`&lt;!here&gt;` is not a platform'],
  ])('answers a bad filter (%s) with why and the usage', async (filter, why) => {
    const message = (await harness.slack.answer(`influencers search ${filter}`)) as Message;
    expect(message.response_type).toBe('ephemeral');
    expect(message.text).toContain(why);
    expect(message.text).toContain('Usage: `/campaign influencers');
    expect(message.text).not.toContain('<!here>');
  });
});

describe('/campaign influencers import', () => {
  it('imports every row at once, and a replayed submission imports nothing twice', async () => {
    const view = await opened('influencers import');
    expect(view.callback_id).toBe(IMPORT_INFLUENCERS);
    const values = csv('Gin Ono,JP,food;travel,gin@example.com,instagram,gin_csv,12000,3.1', '"Hana, Kim",KR,beauty,,TikTok,@hana_csv,5000,');
    const done = await harness.slack.viewSubmission({ callback_id: IMPORT_INFLUENCERS, values, id: 'V0IMPORT1' });
    expect(done.body).toMatchObject({
      response_action: 'update',
      view: { blocks: [{ text: { text: ':white_check_mark: Added 2 influencers to the directory.' } }] },
    });
    expect((await named('Gin Ono'))[0]).toMatchObject({
      niches: ['food', 'travel'],
      accounts: [{ platform: 'instagram', handle: 'gin_csv', followers: 12000 }],
    });
    expect((await named('Hana, Kim'))[0]).toMatchObject({ email: null, accounts: [{ platform: 'tiktok', handle: 'hana_csv', avgEngagementPct: null }] });

    const replayed = await harness.slack.replay();
    expect(replayed.body).toMatchObject({ response_action: 'errors' });
    expect(await named('Gin Ono')).toHaveLength(1);
    expect(await named('Hana, Kim')).toHaveLength(1);
  });

  it.each([
    [
      'a bad row, named by number',
      csv('Ok Row,JP,a,,instagram,ok_row,1,', 'Bad Row,JP,a,not-an-email,instagram,bad_row,many,'),
      'Row 2: Enter a valid email address, e.g. name@example.com. Followers must be a whole number, zero or more.',
    ],
    ['an unknown platform', csv('Odd Row,JP,a,,myspace,odd_row,1,'), 'Row 1: Choose a platform: instagram, tiktok, youtube, x, facebook, threads, other.'],
    ['a short row', csv('Short Row,JP,a'), 'Row 1: expected 8 values, found 3.'],
    ['the same handle twice', csv('Twin A,JP,a,,instagram,twin,1,', 'Twin B,JP,a,,instagram,@Twin,1,'), 'Row 2: instagram @twin is also on row 1.'],
    [
      'a handle already in the directory',
      csv('New Row,JP,a,,instagram,new_row,1,', 'Taken Row,JP,a,,instagram,gin_csv,1,'),
      'Row 2: instagram @gin_csv is already in the directory (Gin Ono).\nNothing was imported.',
    ],
    ['a wrong header', { [CSV_BLOCK]: textInput('name,handle\nX,x') }, `The first line must be the header \`${CSV_COLUMNS.join(',')}\`.`],
    ['too many rows', csv(...Array.from({ length: 201 }, (_, i) => `Bulk ${i},JP,a,,instagram,bulk${i},1,`)), 'At most 200 rows at a time; this has 201.'],
    ['an unclosed quote', csv('"Open,JP,a,,instagram,open,1,'), 'The CSV could not be read'],
  ])('refuses %s in the modal and imports nothing', async (_, values, problem) => {
    const before = await prisma().influencer.count();
    const { body } = await harness.slack.viewSubmission({ callback_id: IMPORT_INFLUENCERS, values });
    expect(body).toMatchObject({ response_action: 'errors', errors: { [CSV_BLOCK]: expect.stringContaining(problem) } });
    expect(await prisma().influencer.count()).toBe(before);
  });
});

describe('/campaign influencers edit', () => {
  it('opens the add modal pre-filled with only IDs in private_metadata; saves; a stale submission is refused', async () => {
    const [ivy] = ok(
      await addInfluencers(prisma(), [influencerWithYoutube('Ivy Edit', 'ivy_edit', 3000, 1.5, { handle: 'ivy_tube', followers: 700 })], at(PEOPLE.member)),
    );
    const view = await opened('influencers edit ivy edit');
    expect(view.callback_id).toBe(EDIT_INFLUENCER);
    const [insta, tube] = ivy!.accounts.map((a) => `a${a.id}`) as [string, string];
    expect(JSON.parse(view.private_metadata!)).toEqual({ influencerId: ivy!.id, version: ivy!.version, accounts: [insta, tube], next: 1 });
    const handle = view.blocks.find((b) => b.block_id === accountBlockId(tube, 'handle'))!.element!;
    expect(handle.initial_value).toBe('ivy_tube');

    const tubeValues = accountValues(tube, { platform: 'youtube', handle: 'ivy_tube', followers: '700', avgEngagement: null });
    const values = { ...influencerValues({ name: 'Ivy Edited', handle: 'ivy_edit', followers: '4000', email: '' }, insta), ...tubeValues };
    const saved = await harness.slack.viewSubmission({ callback_id: EDIT_INFLUENCER, private_metadata: view.private_metadata, values });
    expect(saved).toEqual({ status: 200, body: '' });
    const [edited] = await named('Ivy Edited');
    expect(edited).toMatchObject({ email: null, version: ivy!.version + 1 });
    expect(edited!.accounts.map((a) => `${a.platform}:${a.handle}:${a.followers}`).sort()).toEqual(['instagram:ivy_edit:4000', 'youtube:ivy_tube:700']);

    const stale = await harness.slack.viewSubmission({
      callback_id: EDIT_INFLUENCER,
      private_metadata: view.private_metadata,
      values: { ...influencerValues({ name: 'Ivy Again', handle: 'ivy_edit' }, insta), ...tubeValues },
    });
    expect(stale.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(stale.body)).toContain('Nothing was changed');
    expect(await named('Ivy Again')).toHaveLength(0);
  });

  it('answers a name matching nobody or several, ephemerally', async () => {
    const none = (await harness.slack.answer('influencers edit Nobody <!here>')) as Message;
    expect(none.text).toContain('No influencer matches `Nobody &lt;!here&gt;`');
    const several = (await harness.slack.answer('influencers edit many 1')) as Message;
    expect(several.text).toContain('matches several influencers');
    expect(mrkdwnTexts(several).join('\n')).toContain('Many 10');
  });
});

describe('/campaign add <campaign>', () => {
  it('offers directory influencers on the campaign platforms; adds the chosen ones once, even when replayed', async () => {
    const scenario = await recruitingCampaign(prisma(), 'Directory pick');
    const [jun] = ok(await addInfluencers(prisma(), [influencer('Jun <@U0BOSS> Pick', 'jun_pick', 120_000)], at(PEOPLE.member)));
    const view = await opened(`add C-${scenario.id}`);
    expect(view.callback_id).toBe(ADD_PARTICIPANTS);
    const options = view.blocks.find((b) => b.block_id === PICK_BLOCK)!.element!.options as Array<{ text: { text: string }; value: string }>;
    expect(options).toContainEqual({ text: { type: 'plain_text', text: 'Jun <@U0BOSS> Pick · 120k followers' }, value: String(jun!.id) });
    expect(options.some((o) => o.text.text.startsWith('Aiko Tanaka'))).toBe(false);
    expect(mrkdwnTexts(view).join('\n')).toContain('/campaign influencers search');

    const values = {
      [PICK_BLOCK]: { value: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'Jun' }, value: String(jun!.id) }] } },
    };
    const done = await harness.slack.viewSubmission({ callback_id: ADD_PARTICIPANTS, private_metadata: view.private_metadata, values });
    expect(done).toEqual({ status: 200, body: '' });
    await harness.slack.replay();
    const added = (await listParticipants(prisma(), scenario.id)).filter((p) => p.influencerId === jun!.id);
    expect(added).toHaveLength(1);
    expect(added[0]!.accountIds).toEqual([jun!.accounts[0]!.id]);

    const empty = await harness.slack.viewSubmission({
      callback_id: ADD_PARTICIPANTS,
      private_metadata: view.private_metadata,
      values: { [PICK_BLOCK]: { value: { type: 'multi_static_select', selected_options: [] } } },
    });
    expect(empty.body).toEqual({ response_action: 'errors', errors: { [PICK_BLOCK]: 'Choose at least one influencer.' } });
  });

  it('refuses in the modal once recruitment is closed', async () => {
    const scenario = await recruitingCampaign(prisma(), 'Closed pick');
    ok(await addInfluencers(prisma(), [influencer('Kai Late', 'kai_late', 5000)], at(PEOPLE.member)));
    const view = await opened(`add C-${scenario.id}`);
    ok(await campaigns.closeRecruitment(prisma(), scenario.id, at(PEOPLE.salesPic)));
    const kai = (await named('Kai Late'))[0]!;
    const values = {
      [PICK_BLOCK]: { value: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'Kai' }, value: String(kai.id) }] } },
    };
    const refused = await harness.slack.viewSubmission({ callback_id: ADD_PARTICIPANTS, private_metadata: view.private_metadata, values });
    expect(refused.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(refused.body)).toContain('Recruitment is closed: no new participants.');
    expect((await listParticipants(prisma(), scenario.id)).some((p) => p.influencerId === kai.id)).toBe(false);
  });

  it('narrows the choice with the same filters as the directory search', async () => {
    const scenario = await recruitingCampaign(prisma(), 'Filtered pick');
    ok(
      await addInfluencers(
        prisma(),
        [influencer('Lia Big', 'lia_big', 900_000, { niches: ['travel'] }), influencer('Mo Small', 'mo_small', 2_000, { niches: ['travel'] })],
        at(PEOPLE.member),
      ),
    );
    const view = await opened(`add C-${scenario.id} niche:travel min:100000`);
    const options = view.blocks.find((b) => b.block_id === PICK_BLOCK)!.element!.options as Array<{ text: { text: string } }>;
    expect(options.map((o) => o.text.text)).toEqual(['Lia Big · 900k followers']);
    const bad = (await harness.slack.answer(`add C-${scenario.id} min:lots`)) as { text: string };
    expect(bad.text).toContain('must be a whole number of followers');
  });
});
