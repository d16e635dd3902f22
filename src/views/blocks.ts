// The Block Kit kit every view builds with: one builder per shape, Slack's own types as output.
// Slack's limits that belong to a shape (a section's 3,000 characters, an option's 75, a modal
// title's 24, a header's 150) are kept here, so a view cannot forget them.
import type {
  ActionsBlock,
  Button,
  ConfirmationDialog,
  ContextBlock,
  DividerBlock,
  HeaderBlock,
  InputBlock,
  KnownBlock,
  ModalView,
  MrkdwnElement,
  PlainTextElement,
  PlainTextOption,
  SectionBlock,
} from '@slack/types';
import { clampMrkdwn, truncate } from './mrkdwn.js';

/** Each modal input's action_id is "value": one element per block keeps the state easy to read. */
export const VALUE = 'value';

/** What a form's close button says; a modal that only tells something is closed with CLOSE. */
export const CANCEL = 'Cancel';
export const CLOSE = 'Close';

export const plain = (text: string): PlainTextElement => ({ type: 'plain_text', text });
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });

/** A section of mrkdwn text, cut at Slack's 3,000 characters (at a line break when one is near). */
export function section(text: string, { block_id, accessory }: { block_id?: string; accessory?: SectionBlock['accessory'] } = {}): SectionBlock {
  return { type: 'section', ...(block_id ? { block_id } : {}), text: mrkdwn(clampMrkdwn(text, 3000)), ...(accessory ? { accessory } : {}) };
}

/** A section of "*Name*\nvalue" fields, two columns in Slack. */
export const fieldsSection = (fields: string[]): SectionBlock => ({ type: 'section', fields: fields.map(mrkdwn) });

/** One line of small grey mrkdwn text. */
export const context = (text: string, block_id?: string): ContextBlock => ({ type: 'context', ...(block_id ? { block_id } : {}), elements: [mrkdwn(text)] });

/** A header is plain text of at most 150 characters; `emoji` asks Slack to draw `:name:` codes. */
export const header = (text: string, { emoji }: { emoji?: true } = {}): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', ...(emoji ? { emoji } : {}), text: truncate(text, 150) },
});

export const divider = (): DividerBlock => ({ type: 'divider' });

export const actions = (elements: ActionsBlock['elements'], block_id?: string): ActionsBlock => ({
  type: 'actions',
  ...(block_id ? { block_id } : {}),
  elements,
});

/** A button; its value carries IDs and versions only (the truth is re-read on click). */
export function button(
  action_id: string,
  text: string,
  value?: string,
  { style, confirm }: { style?: Button['style']; confirm?: ConfirmationDialog } = {},
): Button {
  return {
    type: 'button',
    action_id,
    text: plain(text),
    ...(style ? { style } : {}),
    ...(value === undefined ? {} : { value }),
    ...(confirm ? { confirm } : {}),
  };
}

/** The "are you sure?" a button asks before it acts. */
export const confirmDialog = (title: string, text: string, confirm: string, deny: string): ConfirmationDialog => ({
  title: plain(title),
  text: plain(text),
  confirm: plain(confirm),
  deny: plain(deny),
});

/** A select's option; Slack shows at most 75 characters of it. */
export const option = (value: string, text: string): PlainTextOption => ({ text: plain(truncate(text, 75)), value });

/** An input element; its action_id defaults to VALUE, so the submission reads it as `values[blockId].value`. */
export type InputElement = InputBlock['element'] extends infer E ? (E extends unknown ? Omit<E, 'action_id'> & { action_id?: string } : never) : never;

/** An input block: optional only when said, with an optional hint. */
export function input(
  block_id: string,
  label: string,
  element: InputElement,
  { optional, hint, dispatch_action }: { optional?: boolean; hint?: string; dispatch_action?: true } = {},
): InputBlock {
  return {
    type: 'input',
    block_id,
    ...(dispatch_action ? { dispatch_action } : {}),
    ...(optional ? { optional } : {}),
    label: plain(label),
    ...(hint ? { hint: plain(hint) } : {}),
    element: { action_id: VALUE, ...element } as InputBlock['element'],
  };
}

/**
 * A modal. A form (one with `submit`) closes with Cancel, a modal that only tells something with
 * Close, unless `close` says otherwise. The title is cut at Slack's 24 characters.
 */
export function modal({
  callback_id,
  private_metadata,
  title,
  submit,
  close,
  blocks,
}: {
  callback_id?: string;
  private_metadata?: string;
  title: string;
  submit?: string;
  close?: string;
  blocks: KnownBlock[];
}): ModalView {
  return {
    type: 'modal',
    ...(callback_id ? { callback_id } : {}),
    ...(private_metadata === undefined ? {} : { private_metadata }),
    title: plain(truncate(title, 24)),
    ...(submit ? { submit: plain(submit) } : {}),
    close: plain(close ?? (submit ? CANCEL : CLOSE)),
    blocks,
  };
}

/** A modal that only says one thing, e.g. what a submission did or why it was refused. */
export const textModal = (title: string, text: string, close?: string): ModalView => modal({ title, close, blocks: [section(text)] });
