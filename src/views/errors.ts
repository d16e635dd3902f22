import type { ModalView } from '@slack/types';
import { textModal } from './blocks.js';

export function unexpectedErrorText(reference: string): string {
  return `:x: Something went wrong on our side and nothing was changed. If it happens again, give this reference to your admin: \`${reference}\`.`;
}

export function unexpectedErrorModal(reference: string): ModalView {
  return textModal('Something went wrong', unexpectedErrorText(reference));
}

export function outOfDateText(reference: string): string {
  return `:information_source: This message or form is out of date, so nothing was changed. Open it again from the campaign's latest message, your App Home or \`/campaign show\` to see where things stand now. If it keeps happening, give this reference to your admin: \`${reference}\`.`;
}

export function outOfDateModal(reference: string): ModalView {
  return textModal('Out of date', outOfDateText(reference));
}
