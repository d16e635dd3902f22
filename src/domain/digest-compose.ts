/**
 * Composes what one campaign's daily digest says. Pure: no I/O and no clock (`now` comes in with
 * the input), so every rule is testable with literal dates.
 */
import type { CampaignDigest, CampaignDigestInput, DueSoon, Health } from './digest.js';
import { isFinished } from './campaign.js';
import { historyNames } from './history.js';
import { type Participant, PHASES, STAGES, agreementExpired, agreementExpiresAt, lateDeliverables as lateOf, uncoveredDeliverables } from './participation.js';
import { isEffective } from './posts.js';
import { failedChecks } from './compliance.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Recruitment closing within this many days (0 = today) is called out. */
export const RECRUITMENT_CLOSING_DAYS = 3;
/** A post waiting this many whole days for a decision makes the campaign need attention. */
export const SLOW_APPROVAL_DAYS = 2;
/** At most this many items in `needsSomeone`. */
export const MAX_NEEDS = 3;

/** Whole days from the UTC calendar day of `from` to the UTC calendar day of `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor(to.getTime() / DAY_MS) - Math.floor(from.getTime() / DAY_MS);
}

/**
 * With `counted` tallies, the rows a digest needs; any more give the same digest. Posts: awaiting
 * approval, approved and planned for tomorrow or earlier, or named by a change. Participants: with an
 * agreement sent, in the collaboration phase with fewer posted posts than their deliverables due
 * by tomorrow, owning one of those posts, or named by a change.
 */
export const DIGEST_ROWS = {
  agreementStage: 'agreement_sent',
  deliverablesDueStages: PHASES.collaboration,
} as const;

export function composeCampaignDigest(input: CampaignDigestInput): CampaignDigest {
  const { campaign, participants, posts, changes, metrics, now } = input;
  const nameOf = (participationId: number) => participants.find((p) => p.id === participationId)?.influencerName ?? 'an unknown influencer';

  const { counted } = input;
  const stageCount = (stage: Participant['stage']) => (counted ? (counted.stages[stage] ?? 0) : participants.filter((p) => p.stage === stage).length);
  const funnel = STAGES.map((stage) => ({ stage, count: stageCount(stage) })).filter((s) => s.count > 0);
  const effectivePosts = (participantId: number) =>
    counted ? (counted.effectivePosts.get(participantId) ?? 0) : posts.filter((post) => post.participationId === participantId && isEffective(post)).length;

  // Waiting time: the post's latest change among `changes` (its submission, normally) counts as
  // the start. `changes` only covers the time since the previous digest, so a post submitted
  // before then and untouched since has no change here and counts 0 days: the simple rule asked for.
  const lastChangeOf = (postId: number): Date | undefined => {
    let latest: Date | undefined;
    for (const entry of changes) {
      if (entry.entityType === 'post' && entry.entityId === String(postId) && (!latest || entry.at > latest)) latest = entry.at;
    }
    return latest;
  };
  const awaitingApproval = posts
    .filter((post) => post.status === 'pending_approval')
    .map((post) => {
      const since = lastChangeOf(post.id);
      return {
        post,
        influencerName: nameOf(post.participationId),
        waitingDays: since ? Math.max(0, daysBetween(since, now)) : 0,
        approverIds: [...campaign.approverIds],
      };
    })
    .sort((a, b) => b.waitingDays - a.waitingDays || a.post.id - b.post.id);

  const duePosts = posts
    .filter((post) => post.status === 'approved' && daysBetween(post.plannedDate, now) >= 0)
    .map((post) => ({ post, influencerName: nameOf(post.participationId), overdueDays: daysBetween(post.plannedDate, now) }))
    .sort((a, b) => b.overdueDays - a.overdueDays || a.post.id - b.post.id);

  const expiredAgreements = participants
    .filter((p) => agreementExpired(p, campaign, now))
    .map((participant) => ({ participant, expiredAt: agreementExpiresAt(participant, campaign) as Date }))
    .sort((a, b) => a.expiredAt.getTime() - b.expiredAt.getTime() || a.participant.id - b.participant.id);

  const pendingAgreements = participants
    .filter((p) => p.stage === 'agreement_sent' && !agreementExpired(p, campaign, now))
    .map((participant) => ({ participant, expiresAt: agreementExpiresAt(participant, campaign) as Date }))
    .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime() || a.participant.id - b.participant.id);

  const lateDeliverables = participants.flatMap((participant) =>
    lateOf(participant, effectivePosts(participant.id), now).map((deliverable) => ({ participant, deliverable })),
  );

  // Looking ahead: today and tomorrow. A deliverable counts while the posted posts do not cover
  // everything due up to it (the rule of lateDeliverables).
  const soon = (date: Date): 0 | 1 | undefined => {
    const days = daysBetween(now, date);
    return days === 0 || days === 1 ? days : undefined;
  };
  const dueSoon: DueSoon[] = [
    ...posts.flatMap((post): DueSoon[] => {
      const inDays = soon(post.plannedDate);
      return inDays !== undefined && (post.status === 'approved' || post.status === 'pending_approval')
        ? [{ kind: 'post', inDays, post, influencerName: nameOf(post.participationId) }]
        : [];
    }),
    ...participants.flatMap((participant) =>
      uncoveredDeliverables(participant, effectivePosts(participant.id)).flatMap((deliverable): DueSoon[] => {
        const inDays = soon(deliverable.dueDate);
        return inDays !== undefined ? [{ kind: 'deliverable', inDays, participant, deliverable }] : [];
      }),
    ),
    ...pendingAgreements.flatMap(({ participant, expiresAt }): DueSoon[] => {
      const inDays = soon(expiresAt);
      return inDays !== undefined ? [{ kind: 'agreement', inDays, participant, expiresAt }] : [];
    }),
  ].sort((a, b) => a.inDays - b.inDays);

  let recruitmentClosesInDays: number | null = null;
  if (campaign.status === 'recruiting' && campaign.recruitmentCloseDate) {
    const days = daysBetween(now, campaign.recruitmentCloseDate);
    if (days >= 0 && days <= RECRUITMENT_CLOSING_DAYS) recruitmentClosesInDays = days;
  }

  const daysToEnd = daysBetween(now, campaign.endDate);

  let health: Health = 'on_track';
  if (expiredAgreements.length > 0 || lateDeliverables.length > 0 || awaitingApproval.some((a) => a.waitingDays >= SLOW_APPROVAL_DAYS) || metrics.overBudget) {
    health = 'needs_attention';
  }
  if (duePosts.some((d) => d.overdueDays >= 1) || (daysToEnd < 0 && !isFinished(campaign))) health = 'late';

  const quiet =
    changes.length === 0 &&
    awaitingApproval.length === 0 &&
    duePosts.length === 0 &&
    expiredAgreements.length === 0 &&
    lateDeliverables.length === 0 &&
    dueSoon.length === 0 &&
    recruitmentClosesInDays === null;

  return {
    campaign,
    health,
    funnel,
    changes: [...changes].sort((a, b) => a.at.getTime() - b.at.getTime()),
    names: historyNames(campaign.currency, participants, posts),
    awaitingApproval,
    duePosts,
    expiredAgreements,
    pendingAgreements,
    lateDeliverables,
    dueSoon,
    timeZone: input.timeZone ?? 'UTC',
    recruitmentClosesInDays,
    daysToEnd,
    metrics,
    quiet,
  };
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * The top items needing someone, most urgent kind first: posts awaiting approval (the approvers),
 * posts due or overdue (the influencer PIC), expired agreements and late deliverables (the influencer
 * PIC), over budget (the sales PIC). One item per kind, at most three. `what` is plain text without user text.
 */
export function needsSomeone(d: CampaignDigest): Array<{ what: string; who: string[] }> {
  const items: Array<{ what: string; who: string[] }> = [];
  const { campaign } = d;
  if (d.awaitingApproval.length) {
    const oldest = d.awaitingApproval[0]!.waitingDays;
    const age = oldest > 0 ? ` (oldest ${plural(oldest, 'day')})` : '';
    const failing = d.awaitingApproval.filter((a) => failedChecks(a.post.checks ?? []).length > 0).length;
    const checks = failing
      ? `; ${failing === d.awaitingApproval.length && failing > 1 ? 'all' : failing} ${failing === 1 ? 'fails' : 'fail'} a compliance check`
      : '';
    items.push({ what: `${plural(d.awaitingApproval.length, 'post')} awaiting approval${age}${checks}`, who: [...new Set(campaign.approverIds)] });
  }
  if (d.duePosts.length) {
    const overdue = d.duePosts.filter((p) => p.overdueDays > 0).length;
    const what = overdue
      ? `${plural(d.duePosts.length, 'post')} due to go live (${overdue} overdue)`
      : `${plural(d.duePosts.length, 'post')} due to go live today`;
    items.push({ what, who: [campaign.influencerPicId] });
  }
  if (d.expiredAgreements.length) {
    items.push({ what: `${plural(d.expiredAgreements.length, 'agreement')} past the signing window`, who: [campaign.influencerPicId] });
  }
  if (d.lateDeliverables.length) {
    items.push({ what: `${plural(d.lateDeliverables.length, 'deliverable')} past the due date`, who: [campaign.influencerPicId] });
  }
  if (d.metrics.overBudget) items.push({ what: 'over budget', who: [campaign.salesPicId] });
  return items.slice(0, MAX_NEEDS);
}
