import { describe, expect, it } from 'vitest';
import { type OpenedModal, modalOpenedBy } from '../support/slack-user.js';
import { MAX_ACCOUNTS } from '../../src/domain/influencer.js';
import { VALUE } from '../../src/views/blocks.js';
import {
  ADD_ACCOUNT,
  ADD_PARTICIPANTS,
  CSV_BLOCK,
  CSV_COLUMNS,
  EDIT_INFLUENCER,
  IMPORT_INFLUENCERS,
  INFLUENCER_FIELDS as F,
  PICK_BLOCK,
  REMOVE_ACCOUNT,
  accountBlockId,
  accountsBlockId,
} from '../../src/views/directory.js';
import { addInfluencers, editInfluencer } from '../../src/workflow/influencers.js';
import { listParticipants } from '../../src/workflow/participants.js';
import { blockKitViolations, mrkdwnTexts } from '../support/block-kit.js';
import { harnessForTests } from '../support/harness.js';
import { accountValues, profileValues, recruitingCampaign, PEOPLE, at, influencer, ok, influencerWithYoutube } from '../support/factories.js';
import { entityHistory } from '../support/records.js';

const harness = harnessForTests();

const prisma = () => harness.running.db.prisma;
const named = (name: string) => prisma().influencer.findMany({ where: { name }, include: { accounts: { orderBy: { id: 'asc' } } } });
const accountsOf = async (name: string) => (await named(name))[0]!.accounts.map((a) => `${a.platform} @${a.handle} ${a.followers}`);
const actions = async (influencerId: number) => (await entityHistory(prisma(), 'influencer', influencerId)).map((e) => e.action);
const keys = (modal: OpenedModal) => JSON.parse(modal.private_metadata).accounts as string[];
const block = (modal: OpenedModal, blockId: string) => modal.blocks.find((b) => b.block_id === blockId);
const withinLimits = (modal: OpenedModal) => expect(blockKitViolations(modal as unknown as Record<string, unknown>, 'modal')).toEqual([]);

async function opened(text: string): Promise<OpenedModal> {
  const modal = await modalOpenedBy(harness, async () => expect((await harness.slack.command(text)).body).toBe(''));
  withinLimits(modal);
  return modal;
}

const clickAddAccount = (modal: OpenedModal, values = {}) =>
  harness.slack.inModal<OpenedModal>(modal, { action_id: ADD_ACCOUNT, block_id: ADD_ACCOUNT }, { values });
const clickRemove = (modal: OpenedModal, key: string, values = {}) =>
  harness.slack.inModal<OpenedModal>(modal, { action_id: REMOVE_ACCOUNT, block_id: `account.${key}`, value: key }, { values });
const save = (modal: OpenedModal, values: Record<string, Record<string, unknown>>) =>
  harness.slack.viewSubmission({ callback_id: modal.callback_id, private_metadata: modal.private_metadata, values });

describe('the influencer form with several social accounts', () => {
  it('"Add account" redraws the form with a new group of inputs, keeping what was typed; saving adds every account', async () => {
    const form = await opened('influencers add');
    expect(block(form, `account.n1`)?.accessory, 'a single account cannot be removed').toBeUndefined();
    const typed = { ...profileValues({ name: 'Nao Multi', email: 'nao@example.com' }), ...accountValues('n1', { handle: 'nao_insta', followers: '51000' }) };
    const twoRows = await clickAddAccount(form, typed);
    withinLimits(twoRows);
    expect(keys(twoRows)).toEqual(['n1', 'n2']);
    expect(block(twoRows, F.name)!.element!.initial_value).toBe('Nao Multi');
    expect(block(twoRows, accountBlockId('n1', 'handle'))!.element!.initial_value).toBe('nao_insta');
    expect(block(twoRows, accountBlockId('n1', 'platform'))!.element!.initial_option).toMatchObject({ value: 'instagram' });
    expect(block(twoRows, accountBlockId('n2', 'handle'))!.element!.initial_value).toBeUndefined();
    expect(block(twoRows, 'account.n1')!.accessory).toMatchObject({ action_id: REMOVE_ACCOUNT, value: 'n1' });

    const saved = await save(twoRows, {
      ...typed,
      ...accountValues('n2', { platform: 'tiktok', handle: '@nao_tok', followers: '230000', avgEngagement: null }),
    });
    expect(saved).toEqual({ status: 200, body: '' });
    expect(await accountsOf('Nao Multi')).toEqual(['instagram @nao_insta 51000', 'tiktok @nao_tok 230000']);
    const [nao] = await named('Nao Multi');
    const [added] = await entityHistory(prisma(), 'influencer', nao!.id);
    expect(added).toMatchObject({
      action: 'influencer.added',
      actor: 'U0MEMBER',
      details: { name: 'Nao Multi', accounts: [{ handle: 'nao_insta' }, { handle: 'nao_tok' }] },
    });
  });

  it('edits, adds and removes accounts in one save, one history event per change', async () => {
    const [oto] = ok(
      await addInfluencers(prisma(), [influencerWithYoutube('Oto Edit', 'oto_insta', 1000, 2, { handle: 'oto_tube', followers: 300 })], at(PEOPLE.member)),
    );
    const [insta, tube] = oto!.accounts.map((a) => `a${a.id}`) as [string, string];
    const form = await opened(`influencers edit ${oto!.id}`);
    expect(form.callback_id).toBe(EDIT_INFLUENCER);
    expect(keys(form)).toEqual([insta, tube]);
    expect(block(form, accountBlockId(tube, 'handle'))!.element!.initial_value).toBe('oto_tube');

    const withoutTube = await clickRemove(form, tube);
    expect(keys(withoutTube)).toEqual([insta]);
    const withNew = await clickAddAccount(withoutTube);
    expect(keys(withNew)).toEqual([insta, 'n1']);
    const values = {
      ...profileValues({ name: 'Oto Edit', email: 'oto_insta@example.com', niches: 'beauty' }),
      ...accountValues(insta, { handle: 'oto_insta', followers: '1500', avgEngagement: '2' }),
      ...accountValues('n1', { platform: 'tiktok', handle: 'oto_tok', followers: '9000', avgEngagement: null }),
    };
    expect(await save(withNew, values)).toEqual({ status: 200, body: '' });
    expect(await accountsOf('Oto Edit')).toEqual(['instagram @oto_insta 1500', 'tiktok @oto_tok 9000']);
    const history = await entityHistory(prisma(), 'influencer', oto!.id);
    expect(history.map((e) => e.action)).toEqual(['influencer.added', 'influencer.account_added', 'influencer.account_edited', 'influencer.account_removed']);
    expect(history.find((e) => e.action === 'influencer.account_edited')!.details).toMatchObject({ from: { followers: 1000 }, to: { followers: 1500 } });

    // Saving the same values again changes nothing and records nothing.
    const again = await opened(`influencers edit ${oto!.id}`);
    const [insta2, tok2] = keys(again) as [string, string];
    expect(
      await save(again, {
        ...values,
        ...accountValues(insta2, { handle: 'oto_insta', followers: '1500', avgEngagement: '2' }),
        ...accountValues(tok2, { platform: 'tiktok', handle: 'oto_tok', followers: '9000', avgEngagement: null }),
      }),
    ).toEqual({ status: 200, body: '' });
    expect(await actions(oto!.id)).toHaveLength(4);
  });

  it('keeps an account a campaign uses, saying why, and refuses to save without it', async () => {
    const scenario = await recruitingCampaign(prisma(), 'Accounts in use');
    const aiko = scenario.influencers[0]!;
    const tube = { platform: 'youtube' as const, handle: `aiko_tube${scenario.id}`, followers: 10, avgEngagementPct: null };
    ok(await editInfluencer(prisma(), aiko.id, { ...aiko, accounts: [...aiko.accounts, tube] }, at(PEOPLE.member)));
    const form = await opened(`influencers edit ${aiko.id}`);
    const [used, spare] = keys(form) as [string, string];

    const refused = await clickRemove(form, used);
    expect(keys(refused), 'the row stays').toEqual([used, spare]);
    expect(block(refused, `account.${used}`)!.text!.text).toContain(
      `:no_entry: Instagram @aiko${scenario.id} cannot be removed: C-${scenario.id} Accounts in use uses it.`,
    );
    withinLimits(refused);

    // The form was open before the account got used: saving without it changes nothing.
    const stale = await save(
      { ...form, private_metadata: JSON.stringify({ ...JSON.parse(form.private_metadata), accounts: [spare] }) },
      {
        ...profileValues({ name: 'Aiko Tanaka', email: aiko.email }),
        ...accountValues(spare, { platform: 'youtube', handle: `aiko_tube${scenario.id}`, followers: '10', avgEngagement: null }),
      },
    );
    expect(stale.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(stale.body)).toContain('cannot be removed');
    expect((await named('Aiko Tanaka')).find((i) => i.id === aiko.id)!.accounts).toHaveLength(2);
  });

  it('shows every field error of every account at once, and saves nothing', async () => {
    ok(await addInfluencers(prisma(), [influencer('Pia Taken', 'pia_taken', 10)], at(PEOPLE.member)));
    const form = await clickAddAccount(await clickAddAccount(await opened('influencers add')));
    expect(keys(form)).toEqual(['n1', 'n2', 'n3']);
    const { body } = await save(form, {
      ...profileValues({ name: ' ', email: 'not-an-email' }),
      ...accountValues('n1', { handle: 'pia_taken' }),
      ...accountValues('n2', { platform: null, followers: 'lots', handle: 'ok_handle' }),
      ...accountValues('n3', { handle: '@PIA_TAKEN' }),
    });
    expect(body).toEqual({
      response_action: 'errors',
      errors: {
        [F.name]: 'The name is required.',
        [F.email]: 'Enter a valid email address, e.g. name@example.com.',
        [accountBlockId('n1', 'handle')]: 'Instagram @pia_taken is already in the directory (Pia Taken).',
        [accountBlockId('n2', 'platform')]: 'Choose a platform: instagram, tiktok, youtube, x, facebook, threads, other.',
        [accountBlockId('n2', 'followers')]: 'Followers must be a whole number, zero or more.',
        [accountBlockId('n3', 'handle')]: 'Instagram @PIA_TAKEN is listed twice.',
      },
    });
    expect(await prisma().influencer.count({ where: { name: ' ' } })).toBe(0);
  });

  it(`offers "Add account" up to ${MAX_ACCOUNTS} accounts, within Block Kit limits`, async () => {
    let form = await opened('influencers add');
    for (let i = 1; i < MAX_ACCOUNTS; i++) form = await clickAddAccount(form);
    expect(keys(form)).toHaveLength(MAX_ACCOUNTS);
    withinLimits(form);
    expect(block(form, ADD_ACCOUNT)).toBeUndefined();
    expect(mrkdwnTexts(form).join('\n')).toContain(`at most ${MAX_ACCOUNTS} social accounts`);
  });
});

const csv = (...rows: string[]) => ({ [CSV_BLOCK]: { [VALUE]: { type: 'plain_text_input', value: [CSV_COLUMNS.join(','), ...rows].join('\n') } } });
const importRows = (...rows: string[]) => harness.slack.viewSubmission({ callback_id: IMPORT_INFLUENCERS, values: csv(...rows) });

describe('/campaign influencers import with several accounts', () => {
  it('makes rows sharing an email one influencer, and adds accounts to the influencer already having that email', async () => {
    const [rin] = ok(await addInfluencers(prisma(), [influencer('Rin Known', 'rin_insta', 100, { email: 'rin@example.com' })], at(PEOPLE.member)));
    const { body } = await importRows(
      'Sho Many,JP,food,sho@example.com,instagram,sho_insta,1000,',
      'Sho Many,JP,travel,SHO@example.com,tiktok,sho_tok,2000,4.5',
      'rin known,JP,beauty,rin@example.com,youtube,rin_tube,300,',
    );
    expect(body).toMatchObject({ response_action: 'update' });
    const texts = mrkdwnTexts(body).join('\n');
    expect(texts).toContain('Added 1 influencer to the directory.');
    expect(texts).toContain('Added accounts to 1 influencer already in it: Rin Known.');
    expect(await named('Sho Many')).toHaveLength(1);
    expect((await named('Sho Many'))[0]).toMatchObject({ niches: ['food', 'travel'] });
    expect(await accountsOf('Sho Many')).toEqual(['instagram @sho_insta 1000', 'tiktok @sho_tok 2000']);
    expect(await accountsOf('Rin Known')).toEqual(['instagram @rin_insta 100', 'youtube @rin_tube 300']);
    expect(await actions(rin!.id)).toEqual(['influencer.added', 'influencer.account_added']);
  });

  it('names every problem of every row at once and imports nothing', async () => {
    ok(await addInfluencers(prisma(), [influencer('Tae Known', 'tae_insta', 100, { email: 'tae@example.com' })], at(PEOPLE.member)));
    const before = await prisma().influencer.count();
    const { body } = await importRows(
      'Uma New,JP,food,uma@example.com,instagram,uma_insta,1000,',
      'Uma Other,JP,food,uma@example.com,tiktok,uma_tok,1000,',
      'Vic Bad,JP,food,,instagram,vic,many,',
      'Tae Typo,JP,food,tae@example.com,youtube,tae_tube,1,',
      'Wes Taken,JP,food,,instagram,tae_insta,1,',
    );
    expect(body).toEqual({
      response_action: 'errors',
      errors: {
        [CSV_BLOCK]: [
          'Row 2: same email as row 1 but another name; rows sharing an email are one influencer.',
          'Row 3: Followers must be a whole number, zero or more.',
          `Row 4: tae@example.com belongs to Tae Known (id ${(await named('Tae Known'))[0]!.id}) in the directory; use that name to add accounts, or another email.`,
          'Row 5: instagram @tae_insta is already in the directory (Tae Known).',
          'Nothing was imported.',
        ].join('\n'),
      },
    });
    expect(await prisma().influencer.count()).toBe(before);
    expect(await accountsOf('Tae Known')).toEqual(['instagram @tae_insta 100']);
  });
});

describe('/campaign add asks which accounts will post', () => {
  const pick = (modal: OpenedModal, ids: number[]) =>
    harness.slack.inModal<OpenedModal>(modal, {
      type: 'multi_static_select',
      block_id: PICK_BLOCK,
      action_id: VALUE,
      selected_options: ids.map((id) => ({ text: { type: 'plain_text', text: 'x' }, value: String(id) })),
    });
  const chosenValues = (ids: number[], accounts: Record<number, number[]> = {}) => ({
    [PICK_BLOCK]: {
      [VALUE]: { type: 'multi_static_select', selected_options: ids.map((id) => ({ text: { type: 'plain_text', text: 'x' }, value: String(id) })) },
    },
    ...Object.fromEntries(
      Object.entries(accounts).map(([id, accountIds]) => [
        accountsBlockId(Number(id)),
        { [VALUE]: { type: 'checkboxes', selected_options: accountIds.map((a) => ({ text: { type: 'plain_text', text: 'x' }, value: String(a) })) } },
      ]),
    ),
  });

  it('offers the accounts of an influencer with several, the campaign platforms ticked; saves the choice', async () => {
    const scenario = await recruitingCampaign(prisma(), 'Which accounts');
    const [yui, zen] = ok(
      await addInfluencers(
        prisma(),
        [
          influencer('Yui Three', 'yui_insta', 5000, {
            accounts: [
              { platform: 'instagram', handle: 'yui_insta', followers: 5000, avgEngagementPct: null },
              { platform: 'tiktok', handle: 'yui_tok', followers: 7000, avgEngagementPct: null },
              { platform: 'youtube', handle: 'yui_tube', followers: 900, avgEngagementPct: null },
            ],
          }),
          influencer('Zen One', 'zen_insta', 800),
        ],
        at(PEOPLE.member),
      ),
    );
    const [yInsta, yTok, yTube] = yui!.accounts.map((a) => a.id) as [number, number, number];
    const form = await opened(`add C-${scenario.id}`);
    const chosen = await pick(form, [yui!.id, zen!.id]);
    withinLimits(chosen);
    expect(block(chosen, PICK_BLOCK)!.element!.initial_options).toHaveLength(2);
    expect(block(chosen, accountsBlockId(zen!.id)), 'one account: nothing to ask').toBeUndefined();
    const choice = block(chosen, accountsBlockId(yui!.id))!.element!;
    expect((choice.options as Array<{ text: { text: string } }>).map((o) => o.text.text)).toEqual([
      'Instagram @yui_insta · 5k followers',
      'TikTok @yui_tok · 7k followers',
      'YouTube @yui_tube · 900 followers',
    ]);
    expect((choice.initial_options as Array<{ value: string }>).map((o) => Number(o.value))).toEqual([yInsta, yTok]);

    const unticked = await harness.slack.viewSubmission({
      callback_id: ADD_PARTICIPANTS,
      private_metadata: chosen.private_metadata,
      values: chosenValues([yui!.id, zen!.id], { [yui!.id]: [] }),
    });
    expect(unticked.body).toEqual({ response_action: 'errors', errors: { [accountsBlockId(yui!.id)]: 'Choose at least one account that will post.' } });

    const done = await harness.slack.viewSubmission({
      callback_id: ADD_PARTICIPANTS,
      private_metadata: chosen.private_metadata,
      values: chosenValues([yui!.id, zen!.id], { [yui!.id]: [yTube] }),
    });
    expect(done).toEqual({ status: 200, body: '' });
    const added = await listParticipants(prisma(), scenario.id);
    expect(added.find((p) => p.influencerId === yui!.id)!.accountIds).toEqual([yTube]);
    expect(added.find((p) => p.influencerId === zen!.id)!.accountIds).toEqual([zen!.accounts[0]!.id]);
    const [event] = await entityHistory(prisma(), 'participant', added.find((p) => p.influencerId === yui!.id)!.id);
    expect(event).toMatchObject({ action: 'participant.added', details: { accountIds: [yTube] } });
  });

  it("refuses an account that is not the influencer's, and adds nobody", async () => {
    const scenario = await recruitingCampaign(prisma(), 'Foreign account');
    const [amy, bo] = ok(
      await addInfluencers(
        prisma(),
        [
          influencer('Amy Two', 'amy_insta', 10, {
            accounts: [
              { platform: 'instagram', handle: 'amy_insta', followers: 10, avgEngagementPct: null },
              { platform: 'tiktok', handle: 'amy_tok', followers: 10, avgEngagementPct: null },
            ],
          }),
          influencer('Bo Other', 'bo_insta', 10),
        ],
        at(PEOPLE.member),
      ),
    );
    const form = await opened(`add C-${scenario.id}`);
    const refused = await harness.slack.viewSubmission({
      callback_id: ADD_PARTICIPANTS,
      private_metadata: form.private_metadata,
      values: chosenValues([amy!.id], { [amy!.id]: [bo!.accounts[0]!.id] }),
    });
    expect(refused.body).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(refused.body)).toContain('An account chosen for Amy Two belongs to someone else.');
    expect((await listParticipants(prisma(), scenario.id)).some((p) => p.influencerId === amy!.id)).toBe(false);
  });
});
