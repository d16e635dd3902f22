import type { ModalView } from '@slack/types';
import { type Campaign, campaignReference } from '../domain/brief.js';
import { context, input, modal, section } from './blocks.js';
import { userText } from './mrkdwn.js';
import type { CampaignStatus } from '../domain/campaign.js';
import { type TransitionKind, UNDO_WINDOW_TEXT, campaignStepKind } from '../domain/transitions.js';
import { kindText } from './transitions.js';
import { z } from 'zod';
import { metadataOf, storedInt } from './metadata.js';

export const CONFIRM_STEP = 'campaign_step';
export const REJECT_REASON = 'reject_reason';
export const REASON_BLOCK = 'reason';
export const MAX_REASON = 1000;

/** Lifecycle steps a manager confirms in a modal; irreversible ones say so plainly. */
export const STEPS = {
  delete: { title: 'Delete draft', button: 'Delete', what: 'delete the draft', irreversible: 'A deleted draft cannot be restored; its history is kept.' },
  publish: {
    title: 'Publish proposal',
    button: 'Publish',
    what: 'publish the proposal and ask the approvers to approve it',
    irreversible: 'Once published, this campaign can never be deleted, only archived.',
  },
  close: {
    title: 'Close recruitment',
    button: 'Close',
    what: `close recruitment: no new invitations or applications. The confirmation offers Undo for ${UNDO_WINDOW_TEXT}`,
    irreversible: undefined,
  },
  'start-collaboration': {
    title: 'Start collaboration',
    button: 'Start',
    what: 'start collaboration: signed influencers become Collaborating, every other participant becomes Not selected',
    irreversible: 'This happens once and cannot be undone: the group is fixed.',
  },
  complete: {
    title: 'Complete campaign',
    button: 'Complete',
    what: 'complete the campaign, so approvers can give final approval to posted posts',
    irreversible: 'A completed campaign cannot be reopened.',
  },
  archive: { title: 'Archive campaign', button: 'Archive', what: 'archive the campaign', irreversible: 'An archived campaign is read-only forever.' },
} as const;
export type Step = keyof typeof STEPS;

const STEP_TARGETS: Record<Exclude<Step, 'delete'>, CampaignStatus> = {
  publish: 'proposal_published',
  close: 'recruitment_closed',
  'start-collaboration': 'collaborating',
  complete: 'completed',
  archive: 'archived',
};

/** The declared kind of a step from where the campaign is (src/domain/transitions.ts); deleting a draft is final too. */
function stepKind(step: Step, from: CampaignStatus): TransitionKind {
  return step === 'delete' ? 'irreversible' : campaignStepKind(from, STEP_TARGETS[step]);
}

/** private_metadata carries only IDs and versions; everything else is re-read on submit. */
export const stepMetadata = z.object({ step: z.enum(Object.keys(STEPS) as [Step, ...Step[]]), campaignId: storedInt, version: storedInt });

export function confirmStepModal(step: Step, campaign: Campaign): ModalView {
  const { title, button, what, irreversible } = STEPS[step];

  const name = `*${campaignReference(campaign.id)} ${userText(campaign.title, 150)}*`;
  return modal({
    callback_id: CONFIRM_STEP,
    private_metadata: metadataOf(stepMetadata, { step, campaignId: campaign.id, version: campaign.version }),
    title,
    submit: button,
    blocks: [
      section(`You are about to ${what} for ${name}.`),
      ...(irreversible ? [section(`:warning: *${irreversible}*`)] : []),
      context(kindText(stepKind(step, campaign.status))),
    ],
  });
}

export const rejectMetadata = z.object({
  /** A proposal's rejection, a post's "needs work", or a post's approval with corrections: each needs its text. */
  kind: z.enum(['post', 'proposal', 'corrections']),
  id: storedInt,
  version: storedInt,
});
type RejectMetadata = z.infer<typeof rejectMetadata>;

export const REASON_FORMS: Record<RejectMetadata['kind'], { title: string; submit: string; label: string }> = {
  post: { title: 'Needs work', submit: 'Send back', label: 'What needs work? The submitter sees this and it stays in the history.' },
  proposal: { title: 'Reject proposal', submit: 'Reject', label: 'Why? The submitter sees this and it stays in the history.' },
  corrections: {
    title: 'Approve with corrections',
    submit: 'Approve',
    label: 'What to correct before it goes live? The submitter sees this and it stays in the history.',
  },
};

/** A rejection always carries a reason, and an approval with corrections its note: the modal will not submit without one. */
export function rejectReasonModal(metadata: RejectMetadata, subject: string): ModalView {
  const form = REASON_FORMS[metadata.kind];
  return modal({
    callback_id: REJECT_REASON,
    private_metadata: metadataOf(rejectMetadata, metadata),
    title: form.title,
    submit: form.submit,
    blocks: [section(userText(subject, 2900)), input(REASON_BLOCK, form.label, { type: 'plain_text_input', multiline: true, max_length: MAX_REASON })],
  });
}

export const FINAL_APPROVE = 'post_final_approve';

export const finalApproveMetadata = z.object({ id: storedInt, version: storedInt });

/** Final approval is irreversible: the modal says so before anything happens. */
export function finalApproveModal(metadata: z.infer<typeof finalApproveMetadata>, subject: string): ModalView {
  return modal({
    callback_id: FINAL_APPROVE,
    private_metadata: metadataOf(finalApproveMetadata, metadata),
    title: 'Final approval',
    submit: 'Final approve',
    blocks: [section(userText(subject, 2800)), section(':warning: *Final approval cannot be undone.*')],
  });
}
