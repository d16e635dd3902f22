import type { Campaign } from '../domain/brief.js';
import { type Decision, allow, refuse } from '../domain/decision.js';
import type { CampaignDigest, CampaignDigestInput } from '../domain/digest.js';
import { composeCampaignDigest } from '../domain/digest-compose.js';
import { type DigestSchedule, digestDue, scheduleErrors } from '../domain/schedule.js';
import type { HistoryEntry } from '../domain/history.js';
import { campaignMetrics } from '../domain/metrics.js';
import { listCampaigns } from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import {
  type DigestSettings,
  changesBetween,
  claimDigestRuns,
  digestRows,
  campaignTallies,
  failedDigestsSince,
  finishDigestRun,
  lastCampaignDigests,
  lastDigestAt,
  readDigestSettings,
  writeDigestSettings,
} from '../store/digests.js';
import type { Tx } from '../store/tx.js';
import { slackErrorCode } from '../slack-client.js';
import { type Acting, change, event, permission, record } from './change.js';

const DAY = 24 * 60 * 60 * 1000;
const ACTIVE = ['proposal_published', 'proposal_approved', 'recruiting', 'recruitment_closed', 'collaborating', 'completed'] as const;

export function digestSettings(prisma: Tx): Promise<DigestSettings> {
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
 * the participants and posts it lists or names, and the tallies the database counted. A fixed
 * number of statements however many campaigns, each row read once.
 */
async function inputsFor(prisma: Tx, campaigns: Campaign[], now: Date): Promise<CampaignDigestInput[]> {
  if (!campaigns.length) return [];
  const ids = campaigns.map((campaign) => campaign.id);
  const lastDigests = await lastCampaignDigests(prisma, ids, now);
  const sinceOf = (campaignId: number) => lastDigests.get(campaignId) ?? new Date(now.getTime() - DAY);
  const changedAfter = new Date([...lastDigests.values()].reduce((min, at) => Math.min(min, at.getTime()), now.getTime() - DAY));
  const changes = await changesBetween(prisma, changedAfter, now);
  const [tallies, rows, settings] = await Promise.all([campaignTallies(prisma, ids), digestRows(prisma, ids, changes, now), readDigestSettings(prisma)]);

  // Every participant and post a change names is among the rows: that is how changes find their campaign.
  const campaignOfParticipant = new Map(rows.participants.map((p) => [p.id, p.campaignId]));
  const campaignOfPost = new Map(rows.posts.map((post) => [post.id, campaignOfParticipant.get(post.participationId)]));
  const campaignOfChange = (entry: HistoryEntry): number | undefined => {
    const id = Number(entry.entityId);
    if (entry.entityType === 'campaign') return id;
    return entry.entityType === 'participant' ? campaignOfParticipant.get(id) : campaignOfPost.get(id);
  };
  const participantsOf = groupBy(rows.participants, (p) => p.campaignId);
  const postsOf = groupBy(rows.posts, (post) => campaignOfParticipant.get(post.participationId));
  const changesOf = groupBy(changes, campaignOfChange);

  return campaigns.map((campaign) => {
    const participants = participantsOf.get(campaign.id) ?? [];
    const tally = tallies.get(campaign.id);
    const since = sinceOf(campaign.id);
    return {
      campaign,
      participants,
      posts: postsOf.get(campaign.id) ?? [],
      changes: (changesOf.get(campaign.id) ?? []).filter((entry) => entry.at > since),
      metrics: campaignMetrics({ budgetMinor: campaign.budgetMinor, participants: tally ? [tally.numbers] : [] }),
      now,
      timeZone: settings.timeZone,
      counted: { stages: tally?.stages ?? {}, effectivePosts: new Map(participants.map((p) => [p.id, p.effectivePosts])) },
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
async function composeDigests(prisma: Tx, campaigns: Campaign[], now: Date): Promise<CampaignDigest[]> {
  return (await inputsFor(prisma, campaigns, now)).map(composeCampaignDigest);
}

/** One campaign's digest now, for `/campaign digest`: nothing is claimed or sent. */
export async function previewDigest(prisma: Tx, campaign: Campaign, now: Date): Promise<CampaignDigest> {
  return (await composeDigests(prisma, [campaign], now))[0]!;
}

/** Every active campaign's digest now, for the overview and the dry run. */
export async function activeDigests(prisma: Tx, now: Date): Promise<CampaignDigest[]> {
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

  const active = await listCampaigns(prisma, { statuses: [...ACTIVE] });
  const overviewChannel = settings.overviewChannelId;
  const runs = active.filter((campaign) => !campaign.digestMuted).map((campaign) => ({ channelId: campaign.channelId, kind: `campaign:${campaign.id}` }));
  if (overviewChannel) runs.push({ channelId: overviewChannel, kind: 'overview' });
  // One statement claims every run of the day; the next ticks of the day find them taken.
  const claimed = await claimDigestRuns(prisma, runs, localDate, now);
  for (const run of runs) if (!claimed.has(`${run.channelId}/${run.kind}`)) report.skipped.push(`${run.channelId}/${run.kind}`);
  if (!claimed.size) return report;

  // Composed once, in a fixed number of statements, for the campaigns claimed (all of them for the overview).
  const overviewClaimed = overviewChannel !== null && claimed.has(`${overviewChannel}/overview`);
  let composed: Promise<Map<number, CampaignDigest>> | undefined;
  const digests = () =>
    (composed ??= composeDigests(prisma, overviewClaimed ? active : active.filter((c) => claimed.has(`${c.channelId}/campaign:${c.id}`)), now).then(
      (list) => new Map(list.map((digest) => [digest.campaign.id, digest])),
    ));

  const attempt = async (channelId: string, kind: string, send: () => Promise<string | undefined>) => {
    const runId = claimed.get(`${channelId}/${kind}`);
    if (runId === undefined) return;
    try {
      const ts = await send();
      await finishDigestRun(prisma, runId, ts ? { status: 'sent', messageTs: ts } : { status: 'quiet' }, now);
      if (ts) report.sent.push(`${channelId}/${kind}`);
    } catch (error) {
      const reason = slackErrorCode(error) ?? (error instanceof Error ? error.message : String(error));
      await finishDigestRun(prisma, runId, { status: 'failed', error: reason }, now);
      report.failed.push({ channelId, error: reason });
    }
  };

  // Campaigns sharing a channel are posted one after another, channels side by side: a channel
  // with many campaigns (the poster spaces its posts) does not hold up the others.
  const byChannel = new Map<string, Campaign[]>();
  for (const campaign of active) {
    if (!campaign.digestMuted) byChannel.set(campaign.channelId, [...(byChannel.get(campaign.channelId) ?? []), campaign]);
  }
  await Promise.all(
    [...byChannel].map(async ([channelId, campaigns]) => {
      for (const campaign of campaigns) {
        await attempt(channelId, `campaign:${campaign.id}`, async () =>
          post(channelId, { kind: 'campaign', digest: (await digests()).get(campaign.id)!, quietDayMessage: settings.quietDayMessage }),
        );
      }
    }),
  );
  if (overviewChannel) {
    await attempt(overviewChannel, 'overview', async () => {
      const since = (await lastDigestAt(prisma, 'overview', now)) ?? new Date(now.getTime() - DAY);
      return post(overviewChannel, { kind: 'overview', digests: [...(await digests()).values()], failed: await failedDigestsSince(prisma, since) });
    });
  }
  return report;
}
