import type { ModalView } from '@slack/types';

export function unexpectedErrorText(reference: string): string {
  return `:x: Something went wrong on our side and nothing was changed. If it happens again, give this reference to your admin: \`${reference}\`.`;
}

export function unexpectedErrorModal(reference: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Something went wrong' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: unexpectedErrorText(reference) } }],
  };
}

export function outOfDateText(reference: string): string {
  return `:information_source: This message or form is out of date, so nothing was changed. Open it again from the campaign's latest message, your App Home or \`/campaign show\` to see where things stand now. If it keeps happening, give this reference to your admin: \`${reference}\`.`;
}

export function outOfDateModal(reference: string): ModalView {
  return {
    type: 'modal',
    title: { type: 'plain_text', text: 'Out of date' },
    close: { type: 'plain_text', text: 'Close' },
    blocks: [{ type: 'section', text: { type: 'mrkdwn', text: outOfDateText(reference) } }],
  };
}
