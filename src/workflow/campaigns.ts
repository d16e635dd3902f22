import {
  type BriefErrors,
  type Campaign,
  type CampaignBrief,
  type EditableField,
  FIELD_LABELS,
  briefErrors,
  campaignReference,
  fieldText,
  lockedFields,
  parseCampaignReference,
} from '../domain/brief.js';
import {
  CAMPAIGN_MOVE_PERMISSION,
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  mayDelete,
  moveCampaign,
  openRecruitmentUntil,
  recruitmentIsDue,
} from '../domain/campaign.js';
import { type Decision, allow, refuse } from '../domain/decision.js';
import { type HistoryEntry, SYSTEM_ACTOR } from '../domain/history.js';
import { stageAtCollaborationStart } from '../domain/participation.js';
import type { Action } from '../domain/roles.js';
import type { Delivery } from '../domain/deliveries.js';
import {
  campaignMessages,
  campaignsRecruitingUntil,
  rememberCampaignMessages,
  deleteCampaign,
  findCampaign,
  findCampaignsByTitle,
  insertCampaign,
  listingByStatus,
  saveCampaign,
  type StatusListing,
} from '../store/campaigns.js';
import type { Prisma } from '../store/database.js';
import { deliveryFailed, supersedeFailedDeliveries } from '../store/deliveries.js';
import { participantsOf, saveParticipant } from '../store/participants.js';
import { findSubmission, recordSubmission } from '../store/submissions.js';
import type { Tx } from '../store/tx.js';
import { type Acting, change, event, ifCurrent, permission, record } from './change.js';
import { recheckWaitingPosts } from './posts.js';
import { quorumErrors } from '../domain/quorum.js';
import { campaignStepKind } from '../domain/transitions.js';
import { deadlineErrors } from '../domain/timing.js';
import { stepSnapshot, undoSides } from './undo.js';

export type CreateResult = { ok: true; campaign: Campaign; repeated: boolean } | { ok: false; errors: BriefErrors };

/**
 * Creates a Draft. `submissionKey` (the Slack view ID) makes a repeated submission of the same
 * modal return the campaign it already created instead of a second one.
 */
export async function createCampaign(prisma: Prisma, brief: CampaignBrief, acting: Acting, submissionKey?: string): Promise<CreateResult> {
  const errors = briefErrors(brief);
  if (Object.keys(errors).length) return { ok: false, errors };
  const earlier = async () => {
    const submission = submissionKey ? await findSubmission(prisma, submissionKey) : undefined;
    return submission ? await findCampaign(prisma, Number(submission.entityId)) : undefined;
  };
  const repeated = await earlier();
  if (repeated) return { ok: true, campaign: repeated, repeated: true };
  try {
    const campaign = await prisma.$transaction(async (tx) => {
      const created = await insertCampaign(tx, brief, acting.userId, acting.now);
      if (submissionKey) await recordSubmission(tx, submissionKey, 'campaign', created.id, acting.now);
      await record(tx, [
        event(acting, 'campaign', created.id, 'campaign.created', {
          to: created.status,
          details: { reference: campaignReference(created.id), title: created.title },
        }),
      ]);
      return created;
    });
    return { ok: true, campaign, repeated: false };
  } catch (error) {
    // The same submission raced us and won the key: answer with what it created.
    const won = await earlier();
    if (won) return { ok: true, campaign: won, repeated: true };
    throw error;
  }
}

async function load(tx: Tx, campaignId: number): Promise<Decision<Campaign>> {
  const campaign = await findCampaign(tx, campaignId);
  return campaign ? allow(campaign) : refuse('campaign-not-found', `Campaign ${campaignReference(campaignId)} does not exist.`);
}

/** The campaign, if the actor may take `action` on the version they saw. */
async function openCampaign(tx: Tx, id: number, action: Action, acting: Acting, seen: number | undefined): Promise<Decision<Campaign>> {
  const loaded = await load(tx, id);
  if (!loaded.ok) return loaded;
  return (await permission(tx, action, acting, loaded.value)) ?? (await ifCurrent(tx, 'campaign', loaded.value, seen)) ?? loaded;
}

/**
 * The shape of every campaign use case, in one transaction: load the campaign, check permission and
 * the version the actor saw; then `decide` states the use case's own rule, saves and records.
 */
function changeCampaign<T>(
  prisma: Prisma,
  id: number,
  action: Action,
  acting: Acting,
  seen: number | undefined,
  decide: (tx: Tx, campaign: Campaign) => Promise<Decision<T>>,
): Promise<Decision<T>> {
  return change(prisma, async (tx) => {
    const opened = await openCampaign(tx, id, action, acting, seen);
    return opened.ok ? decide(tx, opened.value) : opened;
  });
}

/** Saves what the domain decided, with the history `events` of it (which may change more, in the same transaction). */
async function saveDecided(
  tx: Tx,
  before: Campaign,
  decided: Decision<Campaign>,
  events: (after: Campaign) => Promise<HistoryEntry[]>,
): Promise<Decision<Campaign>> {
  if (!decided.ok) return decided;
  const after = await saveCampaign(tx, before, decided.value);
  await record(tx, await events(after));
  return allow(after);
}

/** One lifecycle step to `to`, recorded as `historyAction` (with the reason, if any). */
function moveTo(tx: Tx, before: Campaign, to: CampaignStatus, historyAction: string, acting: Acting, reason?: string): Promise<Decision<Campaign>> {
  return saveDecided(tx, before, moveCampaign(before, to, acting.now), async (after) => {
    // Each publication asks for approval in a new message; the previous one keeps its decision.
    if (to === 'proposal_published') await rememberCampaignMessages(tx, before.id, { proposalMessageTs: null });
    // A reversible step keeps both sides, so its Undo restores exactly what was there (src/domain/transitions.ts).
    const details = campaignStepKind(before.status, to) === 'reversible' ? { undo: undoSides(stepSnapshot(before), stepSnapshot(after)) } : undefined;
    return [event(acting, 'campaign', before.id, historyAction, { from: before.status, to, ...(reason ? { reason } : {}), ...(details ? { details } : {}) })];
  });
}

/** A lifecycle step as a use case: where it goes and its history event (the move's permission comes with it). */
const step =
  (to: CampaignStatus, historyAction: string) =>
  (prisma: Prisma, id: number, acting: Acting, seen?: number): Promise<Decision<Campaign>> =>
    changeCampaign(prisma, id, CAMPAIGN_MOVE_PERMISSION[to], acting, seen, (tx, before) => moveTo(tx, before, to, historyAction, acting));

/**
 * Publishes the proposal: approvers get a new approval request in the channel. Publishing again
 * while the request never reached Slack (its delivery failed) sends it again instead of refusing.
 */
export const publishProposal = (prisma: Prisma, id: number, acting: Acting, seen?: number): Promise<Decision<Campaign>> =>
  changeCampaign(prisma, id, CAMPAIGN_MOVE_PERMISSION.proposal_published, acting, seen, async (tx, campaign) => {
    const request = `proposal_request:${id}`;
    const unsent = campaign.status === 'proposal_published' && !(await campaignMessages(tx, id))?.proposalMessageTs && (await deliveryFailed(tx, request));
    if (!unsent) return moveTo(tx, campaign, 'proposal_published', 'campaign.proposal_published', acting);
    await supersedeFailedDeliveries(tx, request, acting.now);
    await record(tx, [event(acting, 'campaign', id, 'campaign.proposal_request_resent', { from: campaign.status, to: campaign.status })]);
    return allow(campaign);
  });

export const approveProposal = step('proposal_approved', 'campaign.proposal_approved');

/** A rejected proposal goes back to Draft with the reason in its history; it still can never be deleted. */
export async function rejectProposal(prisma: Prisma, id: number, reason: string, acting: Acting, seen?: number): Promise<Decision<Campaign>> {
  if (!reason.trim()) return refuse('rejection-needs-reason', 'A rejection needs a reason.');
  return changeCampaign(prisma, id, CAMPAIGN_MOVE_PERMISSION.draft, acting, seen, (tx, before) =>
    moveTo(tx, before, 'draft', 'campaign.proposal_rejected', acting, reason.trim()),
  );
}

/**
 * Opens recruitment until `closeDate` (undefined keeps the brief's date; null closes by hand):
 * the date is saved with the step, in the same transaction and history event.
 */
export const openRecruitment = (prisma: Prisma, id: number, acting: Acting, seen?: number, closeDate?: Date | null): Promise<Decision<Campaign>> =>
  changeCampaign(prisma, id, CAMPAIGN_MOVE_PERMISSION.recruiting, acting, seen, (tx, before) =>
    saveDecided(tx, before, openRecruitmentUntil(before, closeDate === undefined ? before.recruitmentCloseDate : closeDate, acting.now), async (after) => [
      event(acting, 'campaign', id, 'campaign.recruitment_opened', {
        from: before.status,
        to: after.status,
        details: { recruitmentCloseDate: fieldText(after, 'recruitmentCloseDate') },
      }),
    ]),
  );

/** May this user open recruitment now? Checked before the modal opens (opening re-checks). */
export async function mayOpenRecruitment(prisma: Prisma, id: number, acting: Acting, seen?: number): Promise<Decision<Campaign>> {
  const loaded = await load(prisma, id);
  if (!loaded.ok) return loaded;
  const refusal = await permission(prisma, CAMPAIGN_MOVE_PERMISSION.recruiting, acting, loaded.value);
  if (refusal) return refusal;
  const opened = moveCampaign(loaded.value, 'recruiting', acting.now);
  // A button seen before a change that made the step impossible answers what happened.
  return opened.ok ? loaded : ((await ifCurrent(prisma, 'campaign', loaded.value, seen)) ?? opened);
}

export const closeRecruitment = step('recruitment_closed', 'campaign.recruitment_closed');

export const completeCampaign = step('completed', 'campaign.completed');

export const archiveCampaign = step('archived', 'campaign.archived');

/**
 * Starts collaboration, exactly once: signed participants become Collaborating, every other
 * participant still in play becomes Not selected, all in the same transaction.
 */
export const startCollaboration = (prisma: Prisma, id: number, acting: Acting, seen?: number): Promise<Decision<Campaign>> =>
  changeCampaign(prisma, id, CAMPAIGN_MOVE_PERMISSION.collaborating, acting, seen, (tx, before) =>
    saveDecided(tx, before, moveCampaign(before, 'collaborating', acting.now), async (after) => {
      const events = [event(acting, 'campaign', id, 'campaign.collaboration_started', { from: before.status, to: after.status })];
      for (const participant of await participantsOf(tx, id)) {
        const stage = stageAtCollaborationStart(participant.stage);
        if (stage === participant.stage) continue;
        await saveParticipant(tx, participant, { ...participant, stage });
        events.push(event(acting, 'participant', participant.id, 'participant.moved', { from: participant.stage, to: stage, reason: 'collaboration started' }));
      }
      return events;
    }),
  );

/** Deletes a draft that was never published; the history keeps the deletion. */
export const deleteDraft = (prisma: Prisma, id: number, acting: Acting, seen?: number): Promise<Decision<Campaign>> =>
  changeCampaign(prisma, id, 'deleteDraft', acting, seen, async (tx, campaign) => {
    const allowed = mayDelete(campaign);
    if (!allowed.ok) return allowed;
    // Recorded first, while the campaign still names the people whose App Homes change; its card travels with the delivery.
    const cardTs = (await campaignMessages(tx, id))?.cardTs;
    const card: Delivery[] = cardTs
      ? [
          {
            kind: 'deleted_card',
            campaignId: id,
            channelId: campaign.channelId,
            ts: cardTs,
            campaign: { ...campaign },
            by: acting.userId,
            at: acting.now.toISOString(),
          },
        ]
      : [];
    await record(tx, [event(acting, 'campaign', id, 'campaign.deleted', { from: campaign.status, details: { title: campaign.title } })], card);
    await deleteCampaign(tx, campaign);
    return allow(campaign);
  });

/**
 * Changes part of a campaign's brief (from `/campaign edit` or its settings) unless it is archived.
 * The whole brief is checked again, locked fields are refused, and each changed field is one
 * history event with its old and new value. The refusal carries field errors when the brief
 * became invalid. Nothing changed: nothing saved, nothing recorded.
 */
/** Brief fields the compliance checks read: changing one checks the waiting posts again. */
const COMPLIANCE_FIELDS: EditableField[] = ['disclosureWords', 'requiredTags', 'forbiddenWords', 'trackingUrl'];

export async function editBrief(
  prisma: Prisma,
  id: number,
  changes: Partial<CampaignBrief & Pick<Campaign, 'digestMuted' | 'quorum' | 'timing'>>,
  acting: Acting,
  seen?: number,
): Promise<Decision<Campaign> | { ok: false; errors: BriefErrors }> {
  let invalid: BriefErrors | undefined;
  const decided = await changeCampaign(prisma, id, 'editCampaign', acting, seen, async (tx, before) => {
    if (before.status === 'archived') return refuse('archived-read-only', 'Archived campaigns are read-only.');
    const changed = (Object.keys(FIELD_LABELS) as EditableField[]).filter(
      (key) => key in changes && JSON.stringify(changes[key]) !== JSON.stringify(before[key]),
    );
    const locked = lockedFields(before);
    const refused = changed.filter((field) => locked[field]);
    if (refused.length) return refuse('brief-field-locked', refused.map((field) => `${FIELD_LABELS[field]}: ${locked[field]}`).join(' '));
    const merged = { ...before, ...changes };
    const quorumProblem = changed.includes('quorum') || changed.includes('approverIds') ? quorumErrors(merged.quorum, merged.approverIds) : undefined;
    const timingProblems = changed.includes('timing') ? Object.values(deadlineErrors(merged.timing.deadlines)) : [];
    const errors: BriefErrors = {
      ...briefErrors(merged),
      ...(quorumProblem ? { quorum: quorumProblem } : {}),
      ...(timingProblems.length ? { timing: timingProblems.join(' ') } : {}),
    };
    if (Object.keys(errors).length) {
      invalid = errors;
      return refuse('invalid-brief', Object.values(errors).join(' '));
    }
    if (changed.length === 0) return allow(before);
    const after = await saveCampaign(tx, before, merged);
    const rechecked = changed.some((field) => COMPLIANCE_FIELDS.includes(field)) ? await recheckWaitingPosts(tx, after, acting) : [];
    await record(
      tx,
      [
        ...changed.map((field) =>
          event(acting, 'campaign', id, 'campaign.brief_edited', {
            from: fieldText(before, field),
            to: fieldText(after, field),
            details: { field, label: FIELD_LABELS[field] },
          }),
        ),
        ...rechecked,
      ],
      [],
      after,
    );
    return allow(after);
  });
  return invalid ? { ok: false, errors: invalid } : decided;
}

/** Called by the scheduler: closes recruitment of every campaign whose close date has come, as `system`. */
export async function closeDueRecruitments(prisma: Prisma, now: Date): Promise<Campaign[]> {
  const due = (await campaignsRecruitingUntil(prisma, now)).filter((campaign) => recruitmentIsDue(campaign, now));
  const closed: Campaign[] = [];
  for (const campaign of due) {
    const decision = await change(prisma, async (tx) => {
      const current = await findCampaign(tx, campaign.id);
      if (!current || !recruitmentIsDue(current, now)) return refuse('not-due', 'Recruitment is no longer due to close.');
      return saveDecided(tx, current, moveCampaign(current, 'recruitment_closed', now), async (after) => [
        event({ userId: SYSTEM_ACTOR, now }, 'campaign', current.id, 'campaign.recruitment_closed', {
          from: current.status,
          to: after.status,
          reason: 'recruitment close date reached',
        }),
      ]);
    });
    if (decision.ok) closed.push(decision.value);
  }
  return closed;
}

export async function getCampaign(prisma: Prisma, id: number): Promise<Campaign | undefined> {
  return findCampaign(prisma, id);
}

/** What a user typed for `<campaign>`: its reference (C-12) or a part of its title. */
export async function findCampaigns(prisma: Prisma, text: string, limit = 10): Promise<Campaign[]> {
  const id = parseCampaignReference(text);
  if (id !== undefined) {
    const campaign = await findCampaign(prisma, id);
    return campaign ? [campaign] : [];
  }
  return text.trim() ? findCampaignsByTitle(prisma, text.trim(), limit) : [];
}

/** Active campaigns by status (totals, and the newest of each status), for `/campaign list`. */
export function listActiveCampaigns(prisma: Prisma, perStatus: number): Promise<StatusListing[]> {
  return listingByStatus(
    prisma,
    CAMPAIGN_STATUSES.filter((status) => status !== 'archived'),
    perStatus,
  );
}

/** May this user decide the proposal now? Checked before the reject modal opens (the decision re-checks). */
export async function mayDecideProposal(prisma: Prisma, id: number, acting: Acting, seen?: number): Promise<Decision<Campaign>> {
  const opened = await openCampaign(prisma, id, CAMPAIGN_MOVE_PERMISSION.proposal_approved, acting, seen);
  return opened.ok ? moveCampaign(opened.value, 'proposal_approved', acting.now) : opened;
}

/** May this user edit the campaign now? Checked before its settings modal opens (saving re-checks). */
export async function mayEditCampaign(prisma: Prisma, id: number, acting: Acting): Promise<Decision<Campaign>> {
  const loaded = await load(prisma, id);
  if (!loaded.ok) return loaded;
  if (loaded.value.status === 'archived') return refuse('archived-read-only', 'Archived campaigns are read-only.');
  return (await permission(prisma, 'editCampaign', acting, loaded.value)) ?? loaded;
}
