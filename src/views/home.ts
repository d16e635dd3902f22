import type { HomeView, KnownBlock } from '@slack/types';
import { campaignReference } from '../domain/brief.js';
import { CAMPAIGN_STATUSES, type CampaignStatus, NEXT_MANAGER_STEP, label } from '../domain/campaign.js';
import type { Home } from '../domain/home.js';
import { APPROVE_PROPOSAL, REJECT_PROPOSAL, decisionButtons, postDecisionButtons } from './approvals.js';
import { failedChecks } from '../domain/compliance.js';
import { listSections } from './campaigns.js';
import { followUpSection } from './agreements.js';
import { actions, button, context, divider, header, section } from './blocks.js';
import { calendarDate, slackDate, zonedDateTime } from './format.js';
import type { SubcommandUsage } from './help.js';
import { helpMessage } from './help.js';
import { userText } from './mrkdwn.js';
import { OPEN_RECRUITMENT_BUTTON } from './open-recruitment.js';

export const HOME_CREATE_CAMPAIGN = 'home_create_campaign';
export const FINAL_APPROVE_POST = 'post_final_approve_open';
const MAX_DECISIONS = 10;

export interface HomeData {
  userId: string;
  isAdmin: boolean;
  subcommands: SubcommandUsage[];
  home: Home;
  /** A one-off line at the top, e.g. why a click was refused. */
  notice?: string;
}

const more = (n: number): KnownBlock[] => (n > 0 ? [context(`+${n} more`)] : []);
const name = (id: number, title: string) => `*${campaignReference(id)}* ${userText(title, 60)}`;

function decisions(home: Home): KnownBlock[] {
  const total = home.postsToDecide.length + home.proposalsToDecide.length;
  if (total === 0) return [section('*Waiting for your decision*\nNothing right now.')];
  const blocks: KnownBlock[] = [section(`*Waiting for your decision* (${total})`)];
  for (const campaign of home.proposalsToDecide.slice(0, MAX_DECISIONS)) {
    blocks.push(section(`Proposal ${name(campaign.id, campaign.title)}`), decisionButtons(APPROVE_PROPOSAL, REJECT_PROPOSAL, campaign.id, campaign.version));
  }
  for (const { post, campaign, influencerName } of home.postsToDecide.slice(0, Math.max(0, MAX_DECISIONS - home.proposalsToDecide.length))) {
    const text = `Draft post for *${userText(influencerName, 60)}* in ${name(campaign.id, campaign.title)} (revision ${post.revision}, planned ${calendarDate(post.plannedDate)})\n>${userText(post.content, 300).replaceAll('\n', '\n>')}`;
    const failing = failedChecks(post.checks ?? []).length;
    const checks = failing ? `\n:x: Fails ${failing === 1 ? 'a compliance check' : `${failing} compliance checks`}` : '';
    blocks.push(section(`${text}${checks}`), postDecisionButtons(post));
  }
  return [...blocks, ...more(total - MAX_DECISIONS)];
}

/** A lifecycle step's button in App Home; its value is "<step>:<campaign id>:<version>". */
export const HOME_CAMPAIGN_STEP = 'home_campaign_step';

/** What each next step is called, and the command that takes it (the step's own button opens the same form). */
const NEXT_STEPS: Partial<Record<CampaignStatus, { label: string; command: string }>> = {
  proposal_published: { label: 'Publish proposal', command: 'publish' },
  recruiting: { label: 'Open recruitment', command: 'open' },
  recruitment_closed: { label: 'Close recruitment', command: 'close' },
  collaborating: { label: 'Start collaboration', command: 'start-collaboration' },
  completed: { label: 'Complete', command: 'complete' },
};

/** A PIC's campaigns and the lifecycle step each waits for, with its button. */
function stepsToTake(home: Home): KnownBlock[] {
  const steps = home.stepsToTake.flatMap((campaign) => {
    const to = NEXT_MANAGER_STEP[campaign.status];
    const step = to && NEXT_STEPS[to];
    return step ? [{ campaign, step }] : [];
  });
  if (steps.length === 0) return [];
  const blocks: KnownBlock[] = [section(`*Next steps in your campaigns* (${steps.length})`)];
  for (const { campaign, step } of steps.slice(0, MAX_DECISIONS)) {
    const opens = step.command === 'open';
    const value = `${opens ? '' : `${step.command}:`}${campaign.id}:${campaign.version}`;
    blocks.push(
      section(`${name(campaign.id, campaign.title)} · ${label(campaign.status)} · next: \`/campaign ${step.command} ${campaignReference(campaign.id)}\``, {
        accessory: button(opens ? OPEN_RECRUITMENT_BUTTON : HOME_CAMPAIGN_STEP, step.label, value),
      }),
    );
  }
  return [...blocks, ...more(steps.length - MAX_DECISIONS)];
}

function finalApprovals(home: Home): KnownBlock[] {
  if (home.postsToFinalApprove.length === 0) return [];
  const blocks: KnownBlock[] = [section(`*Ready for your final approval* (${home.postsToFinalApprove.length})`)];
  for (const { post, campaign, influencerName } of home.postsToFinalApprove.slice(0, MAX_DECISIONS)) {
    blocks.push(
      section(`Posted by *${userText(influencerName, 60)}* in ${name(campaign.id, campaign.title)}${post.postUrl ? ` · ${userText(post.postUrl, 200)}` : ''}`, {
        accessory: button(FINAL_APPROVE_POST, 'Final approve', `${post.id}:${post.version}`),
      }),
    );
  }
  const refs = [...new Set(home.postsToFinalApprove.map(({ campaign }) => campaignReference(campaign.id)))].slice(0, 5);
  const several = context(`Several at once: ${refs.map((ref) => `\`/campaign final-approve ${ref}\``).join(' · ')}`);
  return [...blocks, ...more(home.postsToFinalApprove.length - MAX_DECISIONS), several];
}

function overdue(home: Home): KnownBlock[] {
  const lines = [
    ...home.latePosts.map(
      ({ post, campaign, influencerName }) =>
        `:hourglass: ${name(campaign.id, campaign.title)}: ${userText(influencerName, 60)} was to post on ${calendarDate(post.plannedDate)}`,
    ),
    ...home.expiredAgreements.map(
      ({ campaign, influencerName, sentAt, expiresAt }) =>
        `:memo: ${name(campaign.id, campaign.title)}: agreement with ${userText(influencerName, 60)} sent ${slackDate(sentAt, '{date_short}')} has expired (sign by ${zonedDateTime(expiresAt, home.timeZone)} passed)`,
    ),
  ];
  return lines.length ? [section(`*Overdue* (${lines.length})`), ...listSections(lines, 4)] : [];
}

function campaigns(home: Home): KnownBlock[] {
  if (home.campaigns.length === 0) return [section('*Your campaigns*\nNone yet.')];
  const lines = CAMPAIGN_STATUSES.flatMap((status) => {
    const inStatus = home.campaigns.filter((c) => c.status === status);
    return inStatus.length
      ? [
          `*${label(status)}*: ${inStatus
            .slice(0, 10)
            .map((c) => name(c.id, c.title))
            .join(' · ')}${inStatus.length > 10 ? ` +${inStatus.length - 10} more` : ''}`,
        ]
      : [];
  });
  return [section('*Your campaigns*'), ...listSections(lines, 8)];
}

/** The App Home tab: what waits for this user, what is late, their campaigns, and the commands. */
export function homeView({ userId, isAdmin, subcommands, home, notice }: HomeData): HomeView {
  const role = isAdmin ? 'You are an *admin* of this app.' : 'Ask an admin if you need more rights.';
  const blocks: KnownBlock[] = [
    header('Influencer campaigns'),
    ...(notice ? [section(notice)] : []),
    section(`Hello <@${userId}>. ${role}`),
    actions([button(HOME_CREATE_CAMPAIGN, 'Create campaign', undefined, { style: 'primary' })]),
    divider(),
    ...decisions(home),
    ...stepsToTake(home),
    ...finalApprovals(home),
    ...overdue(home),
    ...followUpSection(home.followUps, home.now, home.timeZone, 12, { withCampaign: true, more: '`/campaign show <campaign>` lists them all.' }),
    divider(),
    ...campaigns(home),
    divider(),
    ...helpMessage(subcommands).blocks,
  ];
  return { type: 'home', blocks: blocks.slice(0, 100) };
}
