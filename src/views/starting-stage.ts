import type { KnownBlock } from '@slack/types';
import type { Campaign } from '../domain/brief.js';
import { LATER_START_STAGES, STAGE_LABELS } from '../domain/participation.js';
import { input, option, plain } from './blocks.js';

/** Optional inputs of the `/campaign add` form: join at a later stage ("already agreed off-platform"), with why. */
export const STARTING_STAGE_FIELDS = { stage: 'start_stage', reason: 'start_reason' } as const;
export const CANDIDATE_START = 'candidate';
export const MAX_START_REASON = 500;

export function startingStageBlocks(campaign: Campaign): KnownBlock[] {
  const stages = LATER_START_STAGES.filter((stage) => stage !== 'deliverables' || campaign.optionalStages.deliverables);
  const candidate = option(CANDIDATE_START, 'Candidate (the usual start)');
  return [
    input(
      STARTING_STAGE_FIELDS.stage,
      'Starting stage',
      {
        type: 'static_select',
        initial_option: candidate,
        options: [candidate, ...stages.map((stage) => option(stage, STAGE_LABELS[stage]))],
      },
      { optional: true, hint: 'PICs only: a later stage for influencers already agreed off-platform, while recruiting or after recruitment closes.' },
    ),
    input(
      STARTING_STAGE_FIELDS.reason,
      'Why a later stage?',
      { type: 'plain_text_input', max_length: MAX_START_REASON, placeholder: plain('e.g. Agreed by email on 2 Dec') },
      { optional: true, hint: 'Required with a later stage; kept in the history.' },
    ),
  ];
}
