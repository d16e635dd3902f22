import type { App } from '@slack/bolt';
import { z } from 'zod';
import type { Campaign } from '../../domain/brief.js';
import type { Decision } from '../../domain/decision.js';
import { CREATE_CAMPAIGN } from '../../views/campaign-form.js';
import { CONFIRM_STEP, FINAL_APPROVE, MAX_REASON, REASON_BLOCK, REJECT_REASON, STEPS, type Step } from '../../views/modals.js';
import { refusalModal } from '../../views/refusals.js';
import { stepDoneModal } from '../../views/transitions.js';
import { campaignStepKind } from '../../domain/transitions.js';
import { campaignReference } from '../../domain/brief.js';
import { lastEventId } from '../../workflow/history.js';
import * as campaigns from '../../workflow/campaigns.js';
import { SUBMIT_POST } from '../../views/post-form.js';
import { ADMINS_BLOCK, CAMPAIGN_SETTINGS, DIGEST_FIELDS, SETTINGS, TIMING_FIELDS } from '../../views/settings.js';
import { digestSettingsErrors, updateDigestSettings } from '../../workflow/digests.js';
import { setAdmins } from '../../workflow/admins.js';
import { approvePost, finalApprovePost, rejectPost, submitPost } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import * as campaignEdits from './campaign-edits.js';
import * as agreements from './agreements.js';
import * as deliverables from './deliverables.js';
import * as directory from './directory.js';
import * as finalApproval from './final-approval.js';
import * as participants from './participants.js';
import * as posts from './posts.js';
import * as results from './results.js';
import { tellAboutCollaboration } from '../influencer-messages.js';
import { briefErrorsByBlock, parseCampaignBrief, parseCampaignSettings, parseDigestSettings } from './campaign-brief.js';
import { read } from './form.js';
import { parseDraftPost } from './post-form.js';
import { readMetadata, storedInt } from '../odd-input.js';

const stepMetadata = z.object({ step: z.enum(Object.keys(STEPS) as [Step, ...Step[]]), campaignId: storedInt, version: storedInt });
const postMetadata = z.object({ id: storedInt, version: storedInt });
const rejectMetadata = z.object({ kind: z.enum(['post', 'proposal', 'corrections']), id: storedInt, version: storedInt });

const STEP_USE_CASES: Record<Step, typeof campaigns.publishProposal> = {
  delete: campaigns.deleteDraft,
  publish: campaigns.publishProposal,
  close: campaigns.closeRecruitment,
  'start-collaboration': campaigns.startCollaboration,
  complete: campaigns.completeCampaign,
  archive: campaigns.archiveCampaign,
};

export function register(app: App, context: HandlerContext): void {
  const { prisma, now } = context;
  campaignEdits.register(app, context);
  agreements.register(app, context);
  deliverables.register(app, context);
  directory.register(app, context);
  participants.register(app, context);
  posts.register(app, context);
  results.register(app, context);
  finalApproval.register(app, context);
  app.view(CREATE_CAMPAIGN, async ({ ack, body, view }) => {
    const parsed = parseCampaignBrief(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const created = await campaigns.createCampaign(prisma, parsed.brief, { userId: body.user.id, now: now() }, view.id);
    if (!created.ok) return ack({ response_action: 'errors', errors: briefErrorsByBlock(created.errors) });
    await ack();
  });

  app.view(FINAL_APPROVE, async ({ ack, body, view }) => {
    const { id, version } = readMetadata(postMetadata, view.private_metadata);
    const acting = { userId: body.user.id, now: now() };
    const decided = await finalApprovePost(prisma, id, acting, version);
    if (!decided.ok) return ack({ response_action: 'update', view: refusalModal('Final approval', decided) });
    await ack();
  });

  app.view(CAMPAIGN_SETTINGS, async ({ ack, body, view }) => {
    const { campaignId, version } = readMetadata(z.object({ campaignId: storedInt, version: storedInt }), view.private_metadata);
    const parsed = parseCampaignSettings(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const saved = await campaigns.editBrief(prisma, campaignId, parsed.changes, { userId: body.user.id, now: now() }, version);
    if (!saved.ok) {
      return 'errors' in saved
        ? ack({
            response_action: 'errors',
            errors: Object.fromEntries(
              Object.entries(briefErrorsByBlock(saved.errors)).map(([block, message]) => [block === 'timing' ? TIMING_FIELDS.decideAfter : block, message]),
            ),
          })
        : ack({ response_action: 'update', view: refusalModal('Campaign settings', saved) });
    }
    await ack();
  });

  app.view(SETTINGS, async ({ ack, body, view }) => {
    const acting = { userId: body.user.id, now: now() };
    const chosenAdmins = read(view.state.values, ADMINS_BLOCK).selected_users ?? [];
    const schedule = parseDigestSettings(view.state.values);
    // Every fault at once, checked before anything is saved, so the two settings change together or not at all.
    const errors = {
      ...(chosenAdmins.length === 0 ? { [ADMINS_BLOCK]: 'Keep at least one admin.' } : {}),
      ...Object.fromEntries(
        Object.entries(digestSettingsErrors(schedule)).map(([field, message]) => [DIGEST_FIELDS[field as keyof typeof DIGEST_FIELDS], message]),
      ),
    };
    if (Object.keys(errors).length) return ack({ response_action: 'errors', errors });
    const digest = await updateDigestSettings(prisma, schedule, acting);
    if (!digest.ok) return ack({ response_action: 'update', view: refusalModal('Settings', digest) });
    const saved = await setAdmins(prisma, chosenAdmins, acting);
    if (!saved.ok) return ack({ response_action: 'update', view: refusalModal('Settings', saved) });
    await ack();
  });

  app.view(SUBMIT_POST, async ({ ack, body, view }) => {
    const parsed = parseDraftPost(view.state.values);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const submitted = await submitPost(prisma, parsed.draft, { userId: body.user.id, now: now() }, view.id);
    if (!submitted.ok) return ack({ response_action: 'update', view: refusalModal('Submit draft post', submitted) });
    await ack();
  });

  app.view(CONFIRM_STEP, async ({ ack, body, view, client, logger }) => {
    const { step, campaignId, version } = readMetadata(stepMetadata, view.private_metadata);
    const acting = { userId: body.user.id, now: now() };
    const decided: Decision<Campaign> = await STEP_USE_CASES[step](prisma, campaignId, acting, version);
    if (!decided.ok) return ack({ response_action: 'update', view: refusalModal(STEPS[step].title, decided) });
    // A reversible step's confirmation offers its Undo (src/domain/transitions.ts); the others close.
    if (step === 'close') {
      const closedId = await lastEventId(prisma, 'campaign', campaignId, 'campaign.recruitment_closed');
      return ack({
        response_action: 'update',
        view: stepDoneModal(
          STEPS.close.title,
          `Recruitment is closed for ${campaignReference(campaignId)}.`,
          campaignStepKind('recruiting', 'recruitment_closed'),
          closedId,
        ),
      });
    }
    await ack();
    if (step === 'start-collaboration') await tellAboutCollaboration(client, prisma, logger, decided.value, acting.userId);
  });

  app.view(REJECT_REASON, async ({ ack, body, view }) => {
    const metadata = readMetadata(rejectMetadata, view.private_metadata);
    const reason = (read(view.state.values, REASON_BLOCK).value ?? '').trim();
    if (!reason)
      return ack({
        response_action: 'errors',
        errors: {
          [REASON_BLOCK]: metadata.kind === 'corrections' ? 'Say what to correct, so the submitter can fix it.' : 'Say why, so the submitter can fix it.',
        },
      });
    if (reason.length > MAX_REASON) return ack({ response_action: 'errors', errors: { [REASON_BLOCK]: `At most ${MAX_REASON} characters.` } });
    const acting = { userId: body.user.id, now: now() };
    if (metadata.kind === 'proposal') {
      const decided = await campaigns.rejectProposal(prisma, metadata.id, reason, acting, metadata.version);
      if (!decided.ok) return ack({ response_action: 'update', view: refusalModal('Reject proposal', decided) });
      await ack();
      return;
    }
    if (metadata.kind === 'corrections') {
      const decided = await approvePost(prisma, metadata.id, acting, metadata.version, reason);
      if (!decided.ok) return ack({ response_action: 'update', view: refusalModal('Approve with corrections', decided) });
      await ack();
      return;
    }
    const decided = await rejectPost(prisma, metadata.id, reason, acting, metadata.version);
    if (!decided.ok) return ack({ response_action: 'update', view: refusalModal('Needs work', decided) });
    await ack();
  });
}
