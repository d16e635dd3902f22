// The view gallery: every kind of message, form and App Home the app shows, rendered by the app's
// own view functions from sample data, so anyone can see it without a Slack workspace.
// `npm run preview` writes docs/views/ (a Markdown page with a Block Kit Builder link per view, and
// the JSON); test/views/gallery.test.ts checks each view against Block Kit's limits and the page against the views.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Campaign } from '../../src/domain/brief.js';
import { composeCampaignDigest } from '../../src/domain/digest-compose.js';
import type { HistoryEntry } from '../../src/domain/history.js';
import { historyNames } from '../../src/domain/history.js';
import type { Participant } from '../../src/domain/participation.js';
import type { Post } from '../../src/domain/posts.js';
import { campaignReport } from '../../src/domain/report.js';
import { SUBCOMMANDS } from '../../src/handlers/commands/index.js';
import { decisionReply, proposalApprovalMessage } from '../../src/views/approvals.js';
import { campaignCard } from '../../src/views/campaign-card.js';
import { createCampaignModal } from '../../src/views/campaign-form.js';
import { campaignDetails, campaignList, historyMessage } from '../../src/views/campaigns.js';
import { campaignDigestMessage, overviewMessage } from '../../src/views/digest.js';
import { finalApproveConfirmModal } from '../../src/views/final-approval.js';
import { helpMessage } from '../../src/views/help.js';
import { homeView } from '../../src/views/home.js';
import { confirmStepModal, rejectReasonModal } from '../../src/views/modals.js';
import { moveModal } from '../../src/views/participants.js';
import { submitPostModal } from '../../src/views/post-form.js';
import { reminderMessage } from '../../src/views/reminders.js';
import { reportMessage } from '../../src/views/report.js';
import { recordResultsModal } from '../../src/views/results-form.js';
import { campaignSettingsModal, settingsModal } from '../../src/views/settings.js';
import { movedModal, reopenAnnouncement, reopenModal } from '../../src/views/transitions.js';
import { METRICS, campaignFixture, day, participant, post, postEvent, T0 } from './factories.js';
import { reviewCards } from './review-cards.js';

export type Surface = 'message' | 'modal' | 'home';
export interface GalleryView {
  name: string;
  surface: Surface;
  /** What Slack receives: a message's text and blocks, or a view. */
  payload: Record<string, unknown>;
}

export const GALLERY_DIR = join(import.meta.dirname, '../../docs/views');

const campaign: Campaign = campaignFixture({
  id: 12,
  title: 'Glow serum launch',
  advertiser: 'Glow Labs',
  status: 'collaborating',
  approverIds: ['U0CLIENT', 'U0LEGAL'],
});
const recruiting: Campaign = { ...campaign, status: 'recruiting', collaborationStartedAt: null };
const people: Participant[] = [
  participant(1, { influencerName: 'Aiko Tanaka', stage: 'collaborating', budgetMinor: 50_000, influencerCostMinor: 30_000 }),
  participant(2, { influencerName: 'Ben Ito', stage: 'approved' }),
  participant(3, { influencerName: 'Chika Mori', stage: 'agreement_sent', agreementSentAt: day('2026-11-21') }),
  participant(4, { influencerName: 'Dewi Lestari', stage: 'rejected' }),
];
const waiting: Post = post(31, {
  status: 'pending_approval',
  revision: 2,
  version: 5,
  content: 'Morning routine with the new night serum #GlowPlan #ad',
  plannedDate: day('2026-12-05'),
  reviewRequestedAt: new Date('2026-11-23T08:00:00Z'),
});
const posted: Post = post(32, {
  status: 'posted',
  postUrl: 'https://instagram.com/p/glow',
  metrics: {
    impressions: 48_000,
    reach: 31_000,
    likes: 2_400,
    comments: 180,
    shares: 95,
    saves: 310,
    clicks: 420,
    conversions: 12,
    attributedRevenueMinor: 96_000,
  },
});
const event = (action: string, actor: string, extra: Partial<HistoryEntry> = {}) => postEvent(action, actor, T0, extra);
const view = (name: string, surface: Surface, payload: object): GalleryView => ({ name, surface, payload: payload as Record<string, unknown> });

/** Every view in the gallery, in the order a campaign meets them. */
export function galleryViews(): GalleryView[] {
  const names = historyNames('USD', people, [{ id: 31, participationId: 1 }]);
  const history: HistoryEntry[] = [
    {
      actor: 'U0SALES',
      at: day('2026-10-20'),
      entityType: 'campaign',
      entityId: '12',
      action: 'campaign.proposal_published',
      from: 'draft',
      to: 'proposal_published',
    },
    { actor: 'U0MEMBER', at: day('2026-11-02'), entityType: 'participant', entityId: '1', action: 'participant.moved', from: 'applied', to: 'approved' },
    event('post.rejected', 'U0LEGAL', { reason: 'Add the #ad disclosure.' }),
    event('post.reminded', 'deadline', { details: { to: 'U0CLIENT', reason: 'approval' } }),
  ];
  const report = campaignReport({
    campaign: { ...campaign, status: 'completed' },
    participants: people,
    posts: [posted],
    followers: new Map(people.map((p) => [p.id, 120_000])),
    now: T0,
  });
  const digest = composeCampaignDigest({ campaign, participants: people, posts: [waiting, posted], changes: history, metrics: METRICS, now: T0 });
  const home = {
    postsToDecide: [{ campaign, influencerName: 'Aiko Tanaka', post: waiting }],
    postsToFinalApprove: [],
    proposalsToDecide: [{ ...campaign, id: 14, title: 'Summer sun care', status: 'proposal_published' as const }],
    stepsToTake: [recruiting],
    campaigns: [campaign, recruiting],
    latePosts: [],
    expiredAgreements: [],
    followUps: [{ campaign: recruiting, participant: people[2]! }],
    timeZone: 'Asia/Tokyo',
    now: T0,
  };
  return [
    view('Help (/campaign help)', 'message', helpMessage(SUBCOMMANDS)),
    view('Create a campaign (form)', 'modal', createCampaignModal('U0MEMBER')),
    view('Campaign card in its channel', 'message', campaignCard(campaign)),
    view('Proposal approval request', 'message', proposalApprovalMessage({ ...campaign, status: 'proposal_published' }, 'U0SALES')),
    view('Publish proposal (confirmation)', 'modal', confirmStepModal('publish', { ...campaign, status: 'draft', publishedAt: null })),
    view(
      'Campaign list (/campaign list)',
      'message',
      campaignList([
        { status: 'collaborating', total: 1, campaigns: [campaign] },
        { status: 'recruiting', total: 1, campaigns: [recruiting] },
      ]),
    ),
    view('Campaign details (/campaign show)', 'message', campaignDetails(report, new Map(), new Map())),
    view('Move participants (form)', 'modal', moveModal(recruiting, people, [people[1]!])),
    view('Moved, with Undo', 'modal', movedModal([{ name: 'Ben Ito', to: 'deliverables', kind: 'reversible', eventId: '901' }], [])),
    view('Reopen a decision (admins)', 'modal', reopenModal(recruiting, [people[3]!])),
    view(
      'Reopen announced in the channel',
      'message',
      reopenAnnouncement(recruiting, 'Dewi Lestari', {
        actor: 'U0ADMIN',
        at: T0,
        entityType: 'participant',
        entityId: '4',
        action: 'participant.reopened',
        from: 'rejected',
        to: 'reviewing',
        reason: 'The client asked for a second look.',
      }),
    ),
    view(
      'Submit a draft post (form)',
      'modal',
      submitPostModal(campaign, [
        {
          participantId: 1,
          influencerName: 'Aiko Tanaka',
          account: { id: 7, platform: 'instagram', handle: 'aiko.glow', followers: 120_000, avgEngagementPct: 4.2 },
        },
      ]),
    ),
    ...reviewCards().map((card) => view(`Draft post card: ${card.state}`, 'message', card.message)),
    view('Needs work (reason form)', 'modal', rejectReasonModal({ kind: 'post', id: 31, version: 5 }, 'Draft post for Aiko Tanaka (revision 2)')),
    view(
      'Decision told in the post thread',
      'message',
      decisionReply({ ...waiting, status: 'rejected' }, event('post.rejected', 'U0LEGAL', { reason: 'Add the #ad disclosure.' })),
    ),
    view(
      'Reminder: your decision is waiting',
      'message',
      reminderMessage({
        on: 'post',
        reason: 'approval',
        campaign,
        influencerName: 'Aiko Tanaka',
        post: waiting,
        revision: 2,
        mayDecide: true,
        waitingFor: ['U0CLIENT'],
        decisionDue: new Date('2026-11-26T08:00:00Z'),
      }),
    ),
    view(
      'Reminder: escalated to the PICs',
      'message',
      reminderMessage({
        on: 'post',
        reason: 'escalation',
        campaign,
        influencerName: 'Aiko Tanaka',
        post: waiting,
        revision: 2,
        mayDecide: false,
        waitingFor: ['U0CLIENT', 'U0LEGAL'],
      }),
    ),
    view(
      'Reminder: agreement about to expire',
      'message',
      reminderMessage({
        on: 'participant',
        reason: 'agreement_expiring',
        campaign: recruiting,
        influencerName: 'Chika Mori',
        dueToday: [],
        agreementExpiresAt: day('2026-11-24'),
        stillOut: true,
      }),
    ),
    view('Record results (form)', 'modal', recordResultsModal(campaign, [{ post: { ...waiting, status: 'approved' }, influencerName: 'Aiko Tanaka' }])),
    view(
      'Final approval (confirmation)',
      'modal',
      finalApproveConfirmModal({ ...campaign, status: 'completed' }, [{ post: posted, influencerName: 'Aiko Tanaka' }]),
    ),
    view('Report (/campaign report)', 'message', reportMessage(report, T0)),
    view('History (/campaign history)', 'message', historyMessage(campaign, history, names)),
    view("Campaign's daily digest", 'message', campaignDigestMessage(digest, { quietMessage: true })!),
    view("Managers' overview", 'message', overviewMessage([digest], [])),
    view('Campaign settings (reminders, deadlines, quorum)', 'modal', campaignSettingsModal(campaign)),
    view(
      'Workspace settings (admins)',
      'modal',
      settingsModal(['U0ADMIN'], { time: '09:00', timeZone: 'Asia/Tokyo', days: [1, 2, 3, 4, 5], overviewChannelId: 'C0MANAGERS', quietDayMessage: true }),
    ),
    view('App Home', 'home', homeView({ userId: 'U0CLIENT', isAdmin: false, subcommands: SUBCOMMANDS, home })),
  ];
}

/** Block Kit Builder opens a payload from its URL fragment: a message's blocks, or the view itself. */
export function builderLink(entry: GalleryView): string {
  const payload = entry.surface === 'message' ? { blocks: entry.payload.blocks } : entry.payload;
  return `https://app.slack.com/block-kit-builder/#${encodeURIComponent(JSON.stringify(payload))}`;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** The gallery's files: one JSON per view and the Markdown page linking them. */
export function galleryFiles(): Map<string, string> {
  const views = galleryViews();
  const files = new Map<string, string>();
  const lines = [
    '# What the app shows in Slack',
    '',
    "Generated by `npm run preview` from the app's own view functions with sample data (`test/support/gallery.ts`); do not edit by hand.",
    "Each link opens the view in Slack's Block Kit Builder (sign in to Slack in the browser); the JSON next to it is what the app sends.",
    '',
    '| View | Surface | Open | JSON |',
    '|---|---|---|---|',
  ];
  views.forEach((entry, i) => {
    const file = `${String(i + 1).padStart(2, '0')}-${slug(entry.name)}.json`;
    files.set(file, `${JSON.stringify(entry.payload, null, 2)}\n`);
    lines.push(`| ${entry.name.replaceAll('|', '\\|')} | ${entry.surface} | [Block Kit Builder](${builderLink(entry)}) | [${file}](${file}) |`);
  });
  files.set('README.md', `${lines.join('\n')}\n`);
  return files;
}

/** Files that differ from what is written in docs/views, by name. */
export function staleGalleryFiles(): string[] {
  return [...galleryFiles()]
    .filter(([name, text]) => {
      try {
        return readFileSync(join(GALLERY_DIR, name), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([name]) => name);
}

if (process.argv.includes('--write')) {
  rmSync(GALLERY_DIR, { recursive: true, force: true });
  mkdirSync(GALLERY_DIR, { recursive: true });
  for (const [name, text] of galleryFiles()) writeFileSync(join(GALLERY_DIR, name), text);
  console.log(`Wrote ${galleryFiles().size - 1} views to docs/views/README.md`);
}
