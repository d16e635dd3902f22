// A person using the app through Slack only: typing /campaign, filling the modals the app opens
// (state shaped per element type as Slack sends it: untouched fields keep their initial value,
// empty ones arrive as null) and clicking the buttons of the messages the app posted.
import { expect } from 'vitest';
import { PEOPLE } from './factories.js';
import type { Harness } from './harness.js';
import type { SlackResponse } from './slack-requests.js';

type Element = Record<string, unknown> & { type: string; action_id?: string };
type Block = { type: string; block_id?: string; element?: Element; elements?: Element[]; dispatch_action?: boolean; accessory?: Element };
type Option = { value: string; text: { text: string } };
export interface View {
  id?: string;
  callback_id: string;
  private_metadata?: string;
  blocks: Block[];
}
export interface Message {
  channel?: string;
  ts?: string;
  text?: string;
  blocks?: Block[];
}
type ShownElement = Record<string, unknown> & {
  action_id?: string;
  value?: string;
  text?: string;
  options?: Option[];
  initial_option?: { value: string };
};
/** A modal the app opened, as the handler tests read it. */
export interface OpenedModal {
  callback_id: string;
  private_metadata: string;
  submit?: { text: string };
  blocks: Array<{
    type: string;
    block_id?: string;
    text?: { text: string };
    accessory?: Record<string, unknown>;
    element?: ShownElement;
    elements?: ShownElement[];
  }>;
}
/**
 * Does `act` and returns the modal it opened: the newest view of views.open that `matches`, once
 * one more such call has arrived.
 */
export async function modalOpenedBy<V extends { callback_id: string } = OpenedModal>(
  harness: Harness,
  act: () => Promise<unknown>,
  matches: (view: V) => boolean = () => true,
): Promise<V> {
  const ours = () =>
    harness.fakeSlack
      .callsTo('views.open')
      .map((call) => call.args.view as V)
      .filter(matches);
  const before = ours().length;
  await act();
  await expect.poll(() => ours().length).toBe(before + 1);
  return ours().at(-1)!;
}

/** What the person enters per block ID: text, a chosen option's value, several values, or null to clear. */
export type Answers = Record<string, string | string[] | null>;

let viewSequence = 0;

function optionsOf(element: Element): Option[] {
  const groups = (element.option_groups as Array<{ options: Option[] }> | undefined) ?? [];
  return [...((element.options as Option[] | undefined) ?? []), ...groups.flatMap((group) => group.options)];
}

function pick(element: Element, value: string): Option {
  const found = optionsOf(element).find((option) => option.value === value);
  // External selects load their options separately; any value typed by the test is then trusted.
  if (!found && element.type !== 'external_select' && element.type !== 'multi_external_select') {
    throw new Error(
      `no option "${value}" in ${element.action_id}: ${optionsOf(element)
        .map((o) => o.value)
        .join(', ')}`,
    );
  }
  return found ?? { value, text: { text: value } };
}

/** One input element's state, as Slack puts it in view.state.values. */
function stateOf(element: Element, answer: string | string[] | null | undefined): Record<string, unknown> {
  const given = answer !== undefined;
  const list = (value: typeof answer) => (value === null || value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const one = (value: typeof answer) => (Array.isArray(value) ? (value[0] ?? null) : (value ?? null));
  const state: Record<string, unknown> = { type: element.type };
  switch (element.type) {
    case 'plain_text_input':
    case 'url_text_input':
    case 'email_text_input':
    case 'number_input':
      state.value = given ? one(answer) : ((element.initial_value as string | undefined) ?? null);
      break;
    case 'datepicker':
      state.selected_date = given ? one(answer) : ((element.initial_date as string | undefined) ?? null);
      break;
    case 'timepicker':
      state.selected_time = given ? one(answer) : ((element.initial_time as string | undefined) ?? null);
      break;
    case 'static_select':
    case 'external_select':
    case 'radio_buttons': {
      const value = one(answer);
      state.selected_option = given ? (value === null ? null : pick(element, value)) : (element.initial_option ?? null);
      break;
    }
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      state.selected_options = given ? list(answer).map((value) => pick(element, value)) : (element.initial_options ?? []);
      break;
    case 'users_select':
      state.selected_user = given ? one(answer) : (element.initial_user ?? null);
      break;
    case 'multi_users_select':
      state.selected_users = given ? list(answer) : (element.initial_users ?? []);
      break;
    case 'conversations_select':
      state.selected_conversation = given ? one(answer) : (element.initial_conversation ?? null);
      break;
    case 'channels_select':
      state.selected_channel = given ? one(answer) : (element.initial_channel ?? null);
      break;
    default:
      throw new Error(`the test user cannot fill a ${element.type}`);
  }
  return state;
}

/** view.state.values for a modal: every input block, answered or left as the app prefilled it. */
export function formState(view: View, answers: Answers = {}): Record<string, Record<string, unknown>> {
  const unknown = Object.keys(answers).filter((blockId) => !view.blocks.some((block) => block.type === 'input' && block.block_id === blockId));
  if (unknown.length) throw new Error(`the modal ${view.callback_id} has no input ${unknown.join(', ')}`);
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of view.blocks) {
    if (block.type !== 'input' || !block.block_id || !block.element?.action_id) continue;
    values[block.block_id] = { [block.element.action_id]: stateOf(block.element, answers[block.block_id]) };
  }
  return values;
}

/** The value of the option whose label starts with `label`, in the input `blockId` of a modal. */
export function optionValue(view: View, blockId: string, label: string): string {
  const element = view.blocks.find((block) => block.block_id === blockId)?.element;
  const found = element && optionsOf(element).find((option) => option.text.text.startsWith(label));
  if (!found)
    throw new Error(
      `no option "${label}…" in ${blockId}: ${
        element
          ? optionsOf(element)
              .map((o) => o.text.text)
              .join(' | ')
          : 'no such input'
      }`,
    );
  return found.value;
}

export function buttonsOf(message: Message | View): Element[] {
  return (message.blocks ?? [])
    .flatMap((block) => [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])])
    .filter((element) => element.type === 'button');
}

export function textOf(message: Message | View | undefined): string {
  return JSON.stringify(message ?? {});
}

export class SlackUser {
  constructor(
    private readonly harness: Harness,
    readonly userId: string,
    private readonly channelId = 'C0GENERAL',
  ) {}

  /** `/campaign <text>`: the acknowledgement ('' unless it is help; answers follow through response_url). */
  async command(text: string): Promise<SlackResponse> {
    const response = await this.harness.slack.command(text, { userId: this.userId, channelId: this.channelId });
    expect(response.status).toBe(200);
    return response;
  }

  /** `/campaign <text>` and the ephemeral answer this user gets. */
  answer(text: string): Promise<unknown> {
    return this.harness.slack.answer(text, { userId: this.userId, channelId: this.channelId });
  }

  /** `/campaign <text>` that must open a modal: returns it. */
  async openModal(text: string): Promise<View> {
    return this.expectModal(() => this.command(text).then((response) => expect(response.body, 'a modal, not an answer').toBe('')));
  }

  /** Runs `act` and returns the modal it opened (views.open) for this user. */
  async expectModal(act: () => Promise<unknown>): Promise<View> {
    const before = this.harness.fakeSlack.callsTo('views.open').length;
    await act();
    await expect.poll(() => this.harness.fakeSlack.callsTo('views.open').length).toBeGreaterThan(before);
    const view = this.harness.fakeSlack.callsTo('views.open')[before]!.args.view as View;
    return { ...view, id: `V${++viewSequence}` };
  }

  /** Submits a modal: Slack's answer to the submission (errors, update, push, or '' when closed). */
  async submit(view: View, answers: Answers = {}): Promise<SlackResponse> {
    const response = await this.harness.slack.viewSubmission(
      { callback_id: view.callback_id, private_metadata: view.private_metadata ?? '', values: formState(view, answers), ...(view.id ? { id: view.id } : {}) },
      { userId: this.userId },
    );
    expect(response.status).toBe(200);
    return response;
  }

  /** Chooses in a dispatching input of an open modal; returns the view the app updated it to. */
  async choose(view: View, blockId: string, answer: string | string[]): Promise<View> {
    const block = view.blocks.find((candidate) => candidate.block_id === blockId);
    if (!block?.element) throw new Error(`no input ${blockId} in ${view.callback_id}`);
    const state = stateOf(block.element, answer);
    return this.harness.slack.inModal<View>(
      view,
      { ...state, block_id: blockId, action_id: block.element.action_id as string },
      { values: formState(view), userId: this.userId },
    );
  }

  /** Clicks the button `actionId` of a message the app posted (in its channel). */
  async click(message: Message, actionId: string): Promise<SlackResponse> {
    const button = buttonsOf(message).find((element) => element.action_id === actionId);
    if (!button)
      throw new Error(
        `no button ${actionId} on the message: ${buttonsOf(message)
          .map((b) => b.action_id)
          .join(', ')}`,
      );
    const response = await this.harness.slack.blockAction(
      { action_id: actionId, value: button.value as string },
      { userId: this.userId, channelId: message.channel ?? this.channelId, messageTs: message.ts ?? '1700000000.000100' },
    );
    expect(response.status).toBe(200);
    return response;
  }
}

/** The people of the tests' workspace (PEOPLE), each as a person using `harness` through Slack. */
export function slackUsersOf(harness: Harness): Record<keyof typeof PEOPLE, SlackUser> {
  const users = Object.entries(PEOPLE).map(([role, userId]) => [role, new SlackUser(harness, userId)]);
  return Object.fromEntries(users) as Record<keyof typeof PEOPLE, SlackUser>;
}
