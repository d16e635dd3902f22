import type { ModalView } from '@slack/types';
import { campaignReference } from '../domain/brief.js';
import { label } from '../domain/campaign.js';
import { POST_STATUS_LABELS } from '../domain/posts.js';
import type { MessageSubject } from '../workflow/messages.js';
import { textModal } from './blocks.js';
import { oneLine } from './mrkdwn.js';

export const OUT_OF_DATE_TITLE = 'Form out of date';

/** The answer to a click on a button this app no longer has: where things stand now, when we know. */
export function outOfDateButtonText(subject: MessageSubject | undefined): string {
  const intro = ':information_source: This button is from an older version of this message; nothing was changed.';
  if (!subject) return `${intro} \`/campaign show <campaign>\` shows where a campaign stands, and \`/campaign help\` lists what you can do.`;
  const ref = campaignReference(subject.campaign.id);
  const now = subject.post
    ? `Post #${subject.post.id} of ${ref} is now *${POST_STATUS_LABELS[subject.post.status]}*`
    : `${ref} *${oneLine(subject.campaign.title, 150)}* is now *${label(subject.campaign.status)}*`;
  return `${intro} ${now}: \`/campaign show ${ref}\` shows where it stands.`;
}

/** Replaces a submitted form this app no longer has. */
export function outOfDateModal(): ModalView {
  return textModal(
    OUT_OF_DATE_TITLE,
    ':information_source: This form is from an older version of the app; nothing was saved. Open it again from `/campaign help` or the App Home.',
  );
}
