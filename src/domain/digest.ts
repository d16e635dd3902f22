import type { Campaign } from './brief.js';
import type { HistoryEntry, HistoryNames } from './history.js';
import type { Metrics } from './metrics.js';
import type { Deliverable, Participant } from './participation.js';
import type { Post } from './posts.js';

/** What a digest reads of a participant. */
export type DigestParticipant = Pick<
  Participant,
  'id' | 'influencerName' | 'stage' | 'agreementSentAt' | 'agreementSignedAt' | 'agreementDeclinedAt' | 'deliverables'
>;
/** What a digest reads of a post. */
export type DigestPost = Pick<Post, 'id' | 'participationId' | 'status' | 'revision' | 'plannedDate' | 'content' | 'version' | 'checks'>;

/** Everything one campaign's digest is made from, loaded by the workflow. */
export interface CampaignDigestInput {
  campaign: Campaign;
  participants: DigestParticipant[];
  posts: DigestPost[];
  /** History of the campaign, its participants and posts since the previous digest (or the last day). */
  changes: HistoryEntry[];
  metrics: Metrics;
  now: Date;
  /** The workspace's IANA time zone, for agreement clocks (UTC when not given). */
  timeZone?: string;
  /**
   * Tallies the database counted, for digests of many campaigns at once: then `participants` and
   * `posts` need only hold the ones the digest lists or names, not all of them (see DIGEST_ROWS).
   */
  counted?: DigestTallies;
}

export interface DigestTallies {
  /** Participants per stage. */
  stages: Partial<Record<Participant['stage'], number>>;
  /** Posted (effective) posts per participant listed in `participants`. */
  effectivePosts: ReadonlyMap<number, number>;
}

export type Health = 'on_track' | 'needs_attention' | 'late';

/** What a digest says about one campaign; views turn it into Block Kit or plain text. */
export type DueSoon =
  | { kind: 'post'; inDays: 0 | 1; post: DigestPost; influencerName: string }
  | { kind: 'deliverable'; inDays: 0 | 1; participant: DigestParticipant; deliverable: Deliverable }
  | { kind: 'agreement'; inDays: 0 | 1; participant: DigestParticipant; expiresAt: Date };

export interface CampaignDigest {
  campaign: Campaign;
  health: Health;
  /** Participants per stage, in pipeline order, only stages with someone in them. */
  funnel: Array<{ stage: Participant['stage']; count: number }>;
  changes: HistoryEntry[];
  /** Who the changes are about, by name. */
  names: HistoryNames;
  /** Posts waiting for a decision, oldest first, with whole days waited. */
  awaitingApproval: Array<{ post: DigestPost; influencerName: string; waitingDays: number; approverIds: string[] }>;
  /** Approved posts planned for today or earlier and not posted yet. */
  duePosts: Array<{ post: DigestPost; influencerName: string; overdueDays: number }>;
  expiredAgreements: Array<{ participant: DigestParticipant; expiredAt: Date }>;
  /** Agreements sent and still within their signing window, the soonest to expire first. */
  pendingAgreements: Array<{ participant: DigestParticipant; expiresAt: Date }>;
  /** Deliverables past their due day without enough posted posts (see lateDeliverables). */
  lateDeliverables: Array<{ participant: DigestParticipant; deliverable: Deliverable }>;
  /** What falls due today (`inDays` 0) or tomorrow (1): planned posts, deliverables not yet met, agreements about to expire. */
  dueSoon: DueSoon[];
  timeZone: string;
  /** Days until recruitment closes, when it closes within 3 days. */
  recruitmentClosesInDays: number | null;
  /** Whole days to the end date; negative once past. */
  daysToEnd: number;
  metrics: Metrics;
  /** Nothing needs anyone today and nothing changed. */
  quiet: boolean;
}
