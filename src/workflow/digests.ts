import type { Campaign } from '../domain/brief.js';
import { type Decision, allow, refuse } from '../domain/decision.js';
import type { CampaignDigest, CampaignDigestInput } from '../domain/digest.js';
import { composeCampaignDigest } from '../domain/digest-compose.js';
import { type DigestSchedule, digestDue, scheduleErrors } from '../domain/schedule.js';
import type { HistoryEntry } from '../domain/history.js';
import { campaignMetrics } from '../domain/metrics.js';
import { isEffective } from '../domain/posts.js';
import { listCampaigns } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import {
  type DigestSettings,
  changesBetween,
  claimDigestRun,
  digestRowsOf,
  failedDigestsSince,
  finishDigestRun,
  lastCampaignDigests,
  lastDigestAt,
  readDigestSettings,
  writeDigestSettings,
} from '../store/digests.js';
import { type Acting, change, event, permission, record } from './change.js';

const DAY = 24 * 60 * 60 * 1000;
const ACTIVE = ['proposal_published', 'proposal_approved', 'recruiting', 'recruitment_closed', 'collaborating', 'completed'] as const;

export function digestSettings(prisma: Prisma): Promise<DigestSettings> {
  return readDigestSettings(prisma);
}

/** Every fault of the digest schedule at once (time, time zone, days), for the settings form. */
export function digestSettingsErrors(settings: DigestSchedule) {
  return scheduleErrors(settings);
}

export async function updateDigestSettings(prisma: Prisma, settings: Omit<DigestSettings, 'version'>, acting: Acting): Promise<Decision<DigestSettings>> {
  const errors = scheduleErrors(settings);
  if (Object.keys(errors).length) return refuse('invalid-digest-schedule', Object.values(errors).join(' '));
  return change(prisma, async (tx) => {
    const refusal = await permission(tx, 'manageAdmins', acting);
    if (refusal) return refusal;
    await writeDigestSettings(tx, settings);
    await record(tx, [event(acting, 'settings', 0, 'settings.digest_changed', { entityId: 'digest', details: { ...settings } })]);
    return allow(await readDigestSettings(tx));
  });
}

/**
 * Every campaign's digest input at once: what changed since its previous digest (or the last day),
 * its participants, posts and numbers. A fixed number of statements however many campaigns, each
 * row read once.
 */
async function inputsFor(prisma: Prisma, campaigns: Campaign[], now: Date): Promise<CampaignDigestInput[]> {
  const ids = campaigns.map((campaign) => campaign.id);
  const [lastDigests, rows, settings] = await Promise.all([lastCampaignDigests(prisma, ids, now), digestRowsOf(prisma, ids), readDigestSettings(prisma)]);
  const sinceOf = (campaignId: number) => lastDigests.get(campaignId) ?? new Date(now.getTime() - DAY);
  const earliest = [...lastDigests.values()].reduce((min, at) => Math.min(min, at.getTime()), now.getTime() - DAY);
  const changes = ids.length ? await changesBetween(prisma, new Date(earliest), now) : [];

  const participantsOf = groupBy(rows.participants, (p) => p.campaignId);
  const campaignOfParticipant = new Map(rows.participants.map((p) => [p.id, p.campaignId]));
  const postsOf = groupBy(rows.posts, (post) => campaignOfParticipant.get(post.participationId)!);
  const campaignOfPost = new Map(rows.posts.map((post) => [post.id, campaignOfParticipant.get(post.participationId)!]));
  const campaignOfChange = (entry: HistoryEntry): number | undefined => {
    const id = Number(entry.entityId);
    if (entry.entityType === 'campaign') return id;
    return entry.entityType === 'participant' ? campaignOfParticipant.get(id) : campaignOfPost.get(id);
  };
  const changesOf = groupBy(changes, (entry) => campaignOfChange(entry));

  return campaigns.map((campaign) => {
    const participants = participantsOf.get(campaign.id) ?? [];
    const posts = postsOf.get(campaign.id) ?? [];
    const since = sinceOf(campaign.id);
    const numbers = participants.map((p) => ({
      budgetMinor: p.budgetMinor,
      influencerCostMinor: p.influencerCostMinor,
      shippingCostMinor: p.shippingCostMinor,
      followers: p.followers,
      posts: posts.flatMap((post) => (post.participationId === p.id && isEffective(post) && post.metrics ? [post.metrics] : [])),
    }));
    return {
      campaign,
      participants,
      posts,
      changes: (changesOf.get(campaign.id) ?? []).filter((entry) => entry.at > since),
      metrics: campaignMetrics({ budgetMinor: campaign.budgetMinor, participants: numbers }),
      now,
      timeZone: settings.timeZone,
    };
  });
}

function groupBy<T, K>(items: T[], keyOf: (item: T) => K | undefined): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** These campaigns' digests now: nothing is claimed or sent. */
export async function composeDigests(prisma: Prisma, campaigns: Campaign[], now: Date): Promise<CampaignDigest[]> {
  return (await inputsFor(prisma, campaigns, now)).map(composeCampaignDigest);
}

/** One campaign's digest now, for `/campaign digest`: nothing is claimed or sent. */
export async function previewDigest(prisma: Prisma, campaign: Campaign, now: Date): Promise<CampaignDigest> {
  return (await composeDigests(prisma, [campaign], now))[0]!;
}

/** Every active campaign's digest now, for the overview and the dry run. */
export async function activeDigests(prisma: Prisma, now: Date): Promise<CampaignDigest[]> {
  return composeDigests(prisma, await listCampaigns(prisma, { statuses: [...ACTIVE] }), now);
}

/** What a digest post carries. */
export type DigestToPost =
  | { kind: 'campaign'; digest: CampaignDigest; quietDayMessage: boolean }
  | { kind: 'overview'; digests: CampaignDigest[]; failed: Array<{ channelId: string; error: string }> };

/** Posts to Slack and resolves with the message ts, or undefined when there was nothing to post. Rate limits are its concern, not the claim's. */
export type PostDigest = (channelId: string, digest: DigestToPost) => Promise<string | undefined>;

export interface DigestRunReport {
  localDate: string;
  sent: string[];
  skipped: string[];
  failed: Array<{ channelId: string; error: string }>;
}

/**
 * Posts today's digests if they are due. Each (channel, local day, kind) is claimed before it is
 * composed and posted, so several instances, every-minute ticks or a retry never post one twice;
 * a run that fails is recorded, does not stop the others, and is listed in the next overview.
 * A claimed run whose process dies before posting is lost for the day, never doubled.
 */
export async function runDueDigests(prisma: Prisma, now: Date, post: PostDigest): Promise<DigestRunReport | undefined> {
  const settings = await readDigestSettings(prisma);
  const { due, localDate } = digestDue(settings, now);
  if (!due) return undefined;
  const report: DigestRunReport = { localDate, sent: [], skipped: [], failed: [] };

  const attempt = async (channelId: string, kind: string, send: () => Promise<string | undefined>) => {
    const runId = await claimDigestRun(prisma, { channelId, localDate, kind }, now);
    if (runId === undefined) return void report.skipped.push(`${channelId}/${kind}`);
    try {
      const ts = await send();
      await finishDigestRun(prisma, runId, ts ? { status: 'sent', messageTs: ts } : { status: 'quiet' }, now);
      if (ts) report.sent.push(`${channelId}/${kind}`);
    } catch (error) {
      const reason = (error as { data?: { error?: string } }).data?.error ?? (error instanceof Error ? error.message : String(error));
      await finishDigestRun(prisma, runId, { status: 'failed', error: reason }, now);
      report.failed.push({ channelId, error: reason });
    }
  };

  // Campaigns sharing a channel are posted one after another, channels side by side: a channel
  // with many campaigns (the poster spaces its posts) does not hold up the others.
  const byChannel = new Map<string, Campaign[]>();
  for (const campaign of await listCampaigns(prisma, { statuses: [...ACTIVE] })) {
    if (!campaign.digestMuted) byChannel.set(campaign.channelId, [...(byChannel.get(campaign.channelId) ?? []), campaign]);
  }
  await Promise.all(
    [...byChannel].map(async ([channelId, campaigns]) => {
      for (const campaign of campaigns) {
        await attempt(channelId, `campaign:${campaign.id}`, async () => post(channelId, { kind: 'campaign', digest: await previewDigest(prisma, campaign, now), quietDayMessage: settings.quietDayMessage }));
      }
    }),
  );
  const overviewChannel = settings.overviewChannelId;
  if (overviewChannel) {
    await attempt(overviewChannel, 'overview', async () => {
      const since = (await lastDigestAt(prisma, 'overview', now)) ?? new Date(now.getTime() - DAY);
      return post(overviewChannel, { kind: 'overview', digests: await activeDigests(prisma, now), failed: await failedDigestsSince(prisma, since) });
    });
  }
  return report;
}
