import type { ModalView } from '@slack/types';
import { type Campaign, campaignReference } from '../../domain/brief.js';
import type { Participant } from '../../domain/participation.js';
import { mayResend, resendModal } from '../../views/agreements.js';
import { notice } from '../../views/campaigns.js';
import { deliverablesModal } from '../../views/deliverables.js';
import { costsModal, moveModal } from '../../views/participants.js';
import { reopenModal } from '../../views/transitions.js';
import { refusalText } from '../../views/refusals.js';
import { mayReopen } from '../../workflow/undo.js';
import { listParticipants } from '../../workflow/participants.js';
import { type CommandInput, type Subcommand, campaignArgument, ephemeral } from './subcommand.js';

/** The campaign and its participants, or answers why there is nothing to open. */
async function campaignWithParticipants(input: CommandInput, usage: string): Promise<{ campaign: Campaign; participants: Participant[] } | undefined> {
  const campaign = await campaignArgument(input, usage);
  if (!campaign) return undefined;
  const participants = await listParticipants(input.context.prisma, campaign.id);
  if (participants.length > 0) return { campaign, participants };
  await input.respond(ephemeral(notice(`:no_entry: ${campaignReference(campaign.id)} has no participants yet: add influencers with \`/campaign add\`.`)));
  return undefined;
}

/** `<name> <campaign>` that opens a form on the campaign's participants. */
function participantsForm(about: Omit<Subcommand, 'run'>, form: (campaign: Campaign, participants: Participant[]) => ModalView): Subcommand {
  return {
    ...about,
    async run(input) {
      const found = await campaignWithParticipants(input, about.usage);
      if (!found) return;
      await input.client.views.open({ trigger_id: input.triggerId, view: form(found.campaign, found.participants) });
    },
  };
}

export const move = participantsForm({ name: 'move', usage: 'move <campaign>', summary: 'move participants to another stage' }, moveModal);

export const budget = participantsForm({ name: 'budget', usage: 'budget <campaign>', summary: 'edit participant budgets and costs (managers)' }, costsModal);

export const deliverables = participantsForm(
  { name: 'deliverables', usage: 'deliverables <campaign>', summary: 'what a participant must post: platform, kind, how many, due date (Candidates phase)' },
  deliverablesModal,
);

export const resend: Subcommand = {
  name: 'resend',
  usage: 'resend <campaign>',
  summary: 'send a declined or expired agreement again, until collaboration starts (PICs)',
  async run(input) {
    const found = await campaignWithParticipants(input, this.usage);
    if (!found) return;
    const resendable = found.participants.filter((p) => mayResend(p, found.campaign, input.context.now()));
    if (resendable.length === 0) {
      const ref = campaignReference(found.campaign.id);
      return input.respond(
        ephemeral(
          notice(
            `:no_entry: No agreement to send again in ${ref}: only expired or declined agreements can be sent again, until collaboration starts. \`/campaign show ${ref}\` shows each agreement's clock.`,
          ),
        ),
      );
    }
    await input.client.views.open({ trigger_id: input.triggerId, view: resendModal(found.campaign, resendable) });
  },
};

export const reopen: Subcommand = {
  name: 'reopen',
  usage: 'reopen <campaign>',
  summary: "reopen an applicant's Approved or Rejected decision back to Reviewing, with a reason posted in the channel (admins)",
  async run(input) {
    const found = await campaignWithParticipants(input, this.usage);
    if (!found) return;
    const allowed = await mayReopen(input.context.prisma, found.campaign, { userId: input.userId, now: input.context.now() });
    if (!allowed.ok) return input.respond(ephemeral(notice(refusalText(allowed))));
    const decided = found.participants.filter((p) => p.stage === 'approved' || p.stage === 'rejected');
    if (decided.length === 0) {
      return input.respond(
        ephemeral(
          notice(`:no_entry: No decision to reopen in ${campaignReference(found.campaign.id)}: only Approved or Rejected applicants can go back to Reviewing.`),
        ),
      );
    }
    await input.client.views.open({ trigger_id: input.triggerId, view: reopenModal(found.campaign, decided) });
  },
};
