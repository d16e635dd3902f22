import { LATER_START_STAGES, type Stage } from '../../domain/participation.js';
import { CANDIDATE_START, MAX_START_REASON, STARTING_STAGE_FIELDS } from '../../views/starting-stage.js';
import type { StartingStage } from '../../workflow/participants.js';
import { type StateValues, read } from './form.js';

/** The optional starting stage of `/campaign add`: none for Candidate, else the stage with its required reason. */
export function parseStartingStage(values: StateValues): { ok: true; start?: StartingStage } | { ok: false; errors: Record<string, string> } {
  const chosen = read(values, STARTING_STAGE_FIELDS.stage).selected_option?.value ?? CANDIDATE_START;
  const reason = (read(values, STARTING_STAGE_FIELDS.reason).value ?? '').trim();
  if (chosen === CANDIDATE_START) return { ok: true };
  if (!(LATER_START_STAGES as readonly string[]).includes(chosen))
    return { ok: false, errors: { [STARTING_STAGE_FIELDS.stage]: 'Choose one of the listed stages.' } };
  if (!reason) return { ok: false, errors: { [STARTING_STAGE_FIELDS.reason]: 'Say why they start at a later stage (e.g. already agreed off-platform).' } };
  if (reason.length > MAX_START_REASON) return { ok: false, errors: { [STARTING_STAGE_FIELDS.reason]: `At most ${MAX_START_REASON} characters.` } };
  return { ok: true, start: { stage: chosen as Stage, reason } };
}
