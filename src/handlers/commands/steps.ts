import { type Step, confirmStepModal } from '../../views/modals.js';
import { open } from './open.js';
import { type Subcommand, campaignArgument } from './subcommand.js';

/** Lifecycle steps: name the campaign, confirm in a modal, the submission does the step. */
function step(name: Step, summary: string): Subcommand {
  return {
    name,
    usage: `${name} <campaign>`,
    summary,
    async run(input) {
      const campaign = await campaignArgument(input, this.usage);
      if (!campaign) return;
      await input.client.views.open({ trigger_id: input.triggerId, view: confirmStepModal(name, campaign) });
    },
  };
}

export const steps: Subcommand[] = [
  step('delete', 'delete a draft that was never published (managers)'),
  step('publish', 'publish the proposal for approval (managers); approvers then approve or reject it with its buttons'),
  open,
  step('close', 'close recruitment (managers)'),
  step('start-collaboration', 'fix the group and start collaborating (managers)'),
  step('complete', 'complete the campaign (managers)'),
  step('archive', 'archive: read-only from then on (managers)'),
];
