import { PLATFORMS, type Platform } from '../../domain/brief.js';
import type { InfluencerFilter } from '../../domain/influencer.js';
import { notice } from '../../views/campaigns.js';
import {
  MAX_LISTED,
  MAX_PICK,
  addParticipantsModal,
  directoryMessage,
  importModal,
  influencerDraft,
  influencerModal,
  influencerNotFound,
  noCandidates,
  searchProblem,
} from '../../views/directory.js';
import { userText } from '../../views/mrkdwn.js';
import { directoryCandidates, lookUpInfluencer } from '../../workflow/directory.js';
import { findInfluencers } from '../../workflow/influencers.js';
import { type CommandInput, type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

const FILTER_KEYS = ['niche', 'platform', 'country', 'min'] as const;

/** `niche:beauty platform:tiktok country:JP min:10000`; other words are the niche. */
export function parseDirectoryFilter(words: string[]): { ok: true; filter: InfluencerFilter } | { ok: false; problem: string } {
  const filter: InfluencerFilter = {};
  const niche: string[] = [];
  for (const word of words) {
    const [, key, value = ''] = /^([a-z]+):(.*)$/i.exec(word) ?? [undefined, undefined, word];
    const name = key?.toLowerCase();
    if (name !== undefined && !(FILTER_KEYS as readonly string[]).includes(name)) {
      return { ok: false, problem: `\`${userText(word, 60)}\` is not a filter; use ${FILTER_KEYS.map((k) => `\`${k}:\``).join(', ')}.` };
    }
    if (name === 'platform') {
      if (!(PLATFORMS as readonly string[]).includes(value.toLowerCase()))
        return { ok: false, problem: `\`${userText(value, 40)}\` is not a platform; use one of ${PLATFORMS.join(', ')}.` };
      filter.platform = value.toLowerCase() as Platform;
    } else if (name === 'min') {
      if (!/^\d{1,10}$/.test(value)) return { ok: false, problem: `\`min:${userText(value, 40)}\` must be a whole number of followers, e.g. \`min:10000\`.` };
      filter.minFollowers = Number(value);
    } else if (name === 'country') {
      if (!value) return { ok: false, problem: 'Say which country, e.g. `country:JP`.' };
      filter.country = value;
    } else if (value) niche.push(value);
  }
  if (niche.length) filter.niche = niche.join(' ');
  return { ok: true, filter };
}

async function search(input: CommandInput, words: string[], usage: string): Promise<unknown> {
  const parsed = parseDirectoryFilter(words);
  if (!parsed.ok) return input.respond(ephemeral(searchProblem(parsed.problem, usage)));
  const found = await findInfluencers(input.context.prisma, parsed.filter, MAX_LISTED);
  await input.respond(ephemeral(directoryMessage(parsed.filter, found)));
}

async function edit(input: CommandInput, typed: string, usage: string): Promise<unknown> {
  if (!typed) return input.respond(ephemeral(notice(`:warning: Say whom to edit: \`/campaign ${usage}\` (part of the name, or the ID).`)));
  const { found, matches } = await lookUpInfluencer(input.context.prisma, typed);
  if (!found) return input.respond(ephemeral(influencerNotFound(typed, matches, usage)));
  await input.client.views.open({ trigger_id: input.triggerId, view: influencerModal(influencerDraft(found)) });
}

export const influencers: Subcommand = {
  name: 'influencers',
  usage: 'influencers [add | edit <name> | search <filters> | import]',
  summary: 'the influencer directory: each influencer with their social accounts',
  async run(input) {
    const [verb = '', ...rest] = input.args.split(/\s+/).filter(Boolean);
    switch (verb.toLowerCase()) {
      case 'add':
        await input.client.views.open({ trigger_id: input.triggerId, view: influencerModal(influencerDraft()) });
        return;
      case 'import':
        await input.client.views.open({ trigger_id: input.triggerId, view: importModal() });
        return;
      case 'edit':
        return edit(input, rest.join(' '), 'influencers edit <name or id>');
      case 'search':
        return search(input, rest, this.usage);
      default:
        return search(input, verb ? [verb, ...rest] : [], this.usage);
    }
  },
};

export const add: Subcommand = {
  name: 'add',
  usage: 'add <campaign> [niche:… platform:… country:… min:…]',
  summary: 'add influencers from the directory to a campaign, choosing which accounts post',
  async run(input) {
    // Words with a colon are directory filters; the rest names the campaign.
    const words = input.args.split(/\s+/).filter(Boolean);
    const filters = parseDirectoryFilter(words.filter((word) => word.includes(':')));
    if (!filters.ok) return input.respond(ephemeral(searchProblem(filters.problem, this.usage)));
    const campaign = await campaignArgument({ ...input, args: words.filter((word) => !word.includes(':')).join(' ') }, this.usage);
    if (!campaign) return;
    const candidates = await directoryCandidates(input.context.prisma, campaign, filters.filter, MAX_PICK);
    if (candidates.length === 0) return input.respond(ephemeral(noCandidates(campaign)));
    await input.client.views.open({ trigger_id: input.triggerId, view: addParticipantsModal(campaign, candidates, filters.filter) });
  },
};
