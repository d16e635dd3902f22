import { type Campaign, campaignReference } from '../domain/brief.js';
import { label } from '../domain/campaign.js';
import { STAGE_LABELS, describeDeliverable } from '../domain/participation.js';
import type { CampaignReport, LateItem } from '../domain/report.js';
import { context, fieldsSection, header, section } from './blocks.js';
import { FORMULAS, calendarDate, count, money, rate, slackDate } from './format.js';
import type { SlackMessage } from './help.js';
import { link, oneLine as inline, userText } from './mrkdwn.js';

const MAX_LATE = 10;
const MAX_PROFITS = 15;
const field = (name: string, value: string) => `*${name}*\n${value}`;

function lateLine(item: LateItem): string {
  const days = (n: number) => count(n, 'day');
  switch (item.kind) {
    case 'campaign_past_end':
      return `• The campaign ended ${days(item.days)} ago and is not completed`;
    case 'post_not_live':
      return `• *${inline(item.influencerName, 80)}* · post #${item.post.id} approved, planned ${calendarDate(item.post.plannedDate)}, not live: ${days(item.days)} late`;
    case 'post_awaiting_approval':
      return `• *${inline(item.influencerName, 80)}* · post #${item.post.id} still awaits approval, planned ${calendarDate(item.post.plannedDate)}: ${days(item.days)} late`;
    case 'agreement_expired':
      return `• *${inline(item.influencerName, 80)}* · agreement not signed; the signing window ended ${slackDate(item.expiredAt, '{date_short}')}`;
    case 'deliverable_late':
      return `• *${inline(item.influencerName, 80)}* · deliverable ${inline(describeDeliverable(item.deliverable), 200)} not posted: ${days(item.days)} late`;
  }
}

/** The line above the report sent to the PICs and approvers when a campaign completes. */
export function completionIntro(campaign: Campaign, completedBy: string): string {
  const ref = campaignReference(campaign.id);
  return `:checkered_flag: <@${completedBy}> completed *${ref} ${userText(campaign.title, 150)}*. Approvers can now give final approval to its posted posts: \`/campaign final-approve ${ref}\`.`;
}

/** The report's Block Kit summary, with an optional line above it; the CSV and the chart go with it as files. */
export function reportMessage(
  report: CampaignReport,
  now: Date,
  { filesNote = 'The CSV and the chart follow in the thread.', intro }: { filesNote?: string; intro?: string } = {},
): SlackMessage {
  const { campaign, metrics: m } = report;
  const ref = campaignReference(campaign.id);
  const cur = campaign.currency;
  const over = m.overBudget ? `\n:warning: over budget by ${money(-m.remainingBudgetMinor, cur)}` : `\n${money(m.remainingBudgetMinor, cur)} left`;
  const perInfluencer =
    report.costPerInfluencerMinor === null ? 'not available' : `${money(report.costPerInfluencerMinor, cur)} (${count(report.influencers, 'influencer')})`;
  const perEngagement = m.costPerEngagementMinor === null ? 'not available' : money(m.costPerEngagementMinor, cur);
  const top = report.topPosts.map(({ post, influencerName, engagements, engagementRatePct }, i) => {
    const where = post.postUrl ? link(post.postUrl, `post #${post.id}`) : `post #${post.id}`;
    return `${i + 1}. *${inline(influencerName, 80)}* · ${where} · ${count(engagements, 'engagement')} · ${rate(engagementRatePct)} of ${(post.metrics?.reach ?? 0).toLocaleString('en')} reach`;
  });
  const profits = report.participants
    .slice(0, MAX_PROFITS)
    .map(({ participant, metrics }) => `• *${inline(participant.influencerName, 80)}* ${money(metrics.profitMinor, cur)}`);
  if (report.participants.length > MAX_PROFITS) profits.push(`+${report.participants.length - MAX_PROFITS} more in the CSV`);
  const late = report.late.slice(0, MAX_LATE).map(lateLine);
  if (report.late.length > MAX_LATE) late.push(`+${report.late.length - MAX_LATE} more`);
  const funnel = report.funnel.length ? report.funnel.map((s) => `${STAGE_LABELS[s.stage]} ${s.count}`).join(' → ') : 'no participants';
  const title = inline(campaign.title, 120);
  return {
    text: `${intro ? `${intro}\n` : ''}Report for ${ref} ${title}: spend ${money(m.totalCostMinor, cur)} of ${money(m.budgetMinor, cur)}, ${count(m.engagements, 'engagement')}, ROI ${rate(m.roiPct)}`,
    blocks: [
      ...(intro ? [section(intro)] : []),
      header(`Report · ${ref} ${campaign.title}`.slice(0, 150)),
      fieldsSection([
        field('Spend vs budget', `${money(m.totalCostMinor, cur)} of ${money(m.budgetMinor, cur)} (${rate(m.budgetUsedPct)})${over}`),
        field('Cost per influencer', perInfluencer),
        field('Potential reach', `${m.potentialReach.toLocaleString('en')} followers`),
        field('Engagements', `${m.engagements.toLocaleString('en')} on ${m.reach.toLocaleString('en')} reach`),
        field('Engagement rate', rate(m.engagementRatePct)),
        field('Cost per engagement', perEngagement),
        field('ROI', `${rate(m.roiPct)} (${money(m.attributedRevenueMinor, cur)} attributed revenue)`),
        field('Profit', `${money(m.profitMinor, cur)} (budget ${money(m.budgetMinor, cur)} − influencer costs ${money(m.influencerCostMinor, cur)})`),
        field(
          'Posts',
          `${report.posts.planned} planned · ${report.posts.approved} approved · ${report.posts.posted} posted · ${report.posts.finalApproved} final approved`,
        ),
        field(
          'Reviews',
          `${report.reviews.approved} approved · ${report.reviews.withCorrections} approved with corrections · ${report.reviews.needsWork} needs work`,
        ),
      ]),
      section(`*Funnel:* ${funnel}`),
      section(`*Profit by influencer*\n${profits.length ? profits.join('\n') : 'No participants yet.'}`),
      section(`*Top posts by engagement*\n${top.length ? top.join('\n') : 'No posted results yet.'}`),
      section(`*Late* (${report.late.length})\n${late.length ? late.join('\n') : 'Nothing is late.'}`),
      context(FORMULAS),
      context(`${label(campaign.status)} · amounts in ${cur} · as of ${slackDate(now)} · ${filesNote}`),
    ],
  };
}
