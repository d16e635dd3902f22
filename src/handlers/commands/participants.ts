import type { Subcommand } from './subcommand.js';

export const move: Subcommand = {
  name: 'move',
  usage: 'move <campaign>',
  summary: 'move participants to another stage',
  async run({ ack }) {
    await ack({ response_type: 'ephemeral', text: 'Coming soon.' });
  },
};

export const budget: Subcommand = {
  name: 'budget',
  usage: 'budget <campaign>',
  summary: 'edit participant budgets and costs (managers)',
  async run({ ack }) {
    await ack({ response_type: 'ephemeral', text: 'Coming soon.' });
  },
};
