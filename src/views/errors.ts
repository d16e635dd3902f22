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
