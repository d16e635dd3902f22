import type { Listeners } from '../listeners.js';
import { currencyDigits } from '../../views/format.js';
import { refusalModal } from '../../views/refusals.js';
import { RECORD_RESULTS, RESULT_FIELDS, resultsMetadata } from '../../views/results-form.js';
import { getCampaign } from '../../workflow/campaigns.js';
import { postContext, recordPostResult } from '../../workflow/posts.js';
import type { HandlerContext } from '../context.js';
import { parseResults } from './results-form.js';
import { readMetadata } from '../payload.js';

export function register(listeners: Listeners, { prisma, now }: HandlerContext): void {
  listeners.view(RECORD_RESULTS, async ({ ack, body, view }) => {
    const meta = readMetadata(resultsMetadata, view.private_metadata);
    const single = 'postId' in meta ? await postContext(prisma, meta.postId) : undefined;
    const campaign = single?.campaign ?? ('campaignId' in meta ? await getCampaign(prisma, meta.campaignId) : undefined);
    const parsed = parseResults(view.state.values, currencyDigits(campaign?.currency ?? 'USD'), !single);
    if (!parsed.ok) return ack({ response_action: 'errors', errors: parsed.errors });
    const postId = 'postId' in meta ? meta.postId : (parsed.postId as number);
    const seenVersion = 'version' in meta ? meta.version : undefined;
    const recorded = await recordPostResult(prisma, postId, parsed.result, { userId: body.user.id, now: now() }, seenVersion, view.id);
    if (!recorded.ok) {
      return recorded.rule === 'result-needs-url-or-metrics'
        ? ack({ response_action: 'errors', errors: { [RESULT_FIELDS.postUrl]: 'Give the live post URL or at least one number.' } })
        : ack({ response_action: 'update', view: refusalModal('Record results', recorded) });
    }
    await ack();
  });
}
