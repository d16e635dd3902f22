import type { Subcommand } from './subcommand.js';

export const influencers: Subcommand = {
  name: 'influencers',
  usage: 'influencers [add | edit <name> | search <filters> | import]',
  summary: 'the influencer directory',
  async run({ ack }) {
    await ack({ response_type: 'ephemeral', text: 'Coming soon.' });
  },
};

export const add: Subcommand = {
  name: 'add',
  usage: 'add <campaign>',
  summary: 'add influencers from the directory to a campaign',
  async run({ ack }) {
    await ack({ response_type: 'ephemeral', text: 'Coming soon.' });
  },
};
