import type { HomeView } from '@slack/types';
import type { SubcommandUsage } from './help.js';
import { helpMessage } from './help.js';

export interface HomeData {
  userId: string;
  isAdmin: boolean;
  subcommands: SubcommandUsage[];
}

export function homeView({ userId, isAdmin, subcommands }: HomeData): HomeView {
  const role = isAdmin ? 'You are an *admin* of this app.' : 'Ask an admin if you need more rights.';
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: 'Influencer campaigns' } },
      { type: 'section', text: { type: 'mrkdwn', text: `Hello <@${userId}>. ${role}` } },
      { type: 'divider' },
      ...helpMessage(subcommands).blocks,
    ],
  };
}
