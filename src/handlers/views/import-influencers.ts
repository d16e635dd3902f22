import type { Listeners } from '../listeners.js';
import { CSV_BLOCK, IMPORT_INFLUENCERS, importProblemsText, importedModal } from '../../views/directory.js';
import { refusalModal } from '../../views/refusals.js';
import { importInfluencers, importProblems } from '../../workflow/influencers.js';
import type { HandlerContext } from '../context.js';
import { parseInfluencerCsv } from './directory-form.js';
import { read } from './form.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  // All or none: a replayed submission finds every account taken and adds nothing twice.
  listeners.view(IMPORT_INFLUENCERS, async ({ ack, body, view }) => {
    const parsed = parseInfluencerCsv(read(view.state.values, CSV_BLOCK).value ?? '');
    if ('problem' in parsed) return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: parsed.problem } });
    if (parsed.problems.length) {
      // The rows that read well are checked against the directory too, so every problem shows at once.
      const problems = [...parsed.problems, ...(await importProblems(prisma, parsed.rows))].sort((a, b) => a.row - b.row);
      return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: importProblemsText(problems) } });
    }
    const imported = await importInfluencers(prisma, parsed.rows, { userId: body.user.id, now: now() });
    if (!imported.ok && 'problems' in imported) return ack({ response_action: 'errors', errors: { [CSV_BLOCK]: importProblemsText(imported.problems) } });
    if (!imported.ok) return ack({ response_action: 'update', view: refusalModal('Import influencers', imported) });
    await ack({ response_action: 'update', view: importedModal(imported.value) });
  });
}
