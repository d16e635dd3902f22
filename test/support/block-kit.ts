// One checker for Slack's Block Kit limits (../shared/notes/slack-platform.md, from Slack's docs).
type Json = Record<string, unknown>;

const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  messageText: 4000,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  url: 3000,
  staticOptions: 100,
  optionText: 75,
  optionValue: 150,
  checkboxOptions: 10,
  overflowOptions: 5,
  id: 255,
  modalTitle: 24,
  privateMetadata: 3000,
  label: 2000,
  inputMaxLength: 3000,
  confirmTitle: 100,
  confirmText: 300,
  confirmButton: 30,
} as const;

/** Every limit the surface breaks, as readable lines; empty when it is within all of them. */
export function blockKitViolations(surface: Json, kind: 'message' | 'modal' | 'home'): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const text = (value: unknown) => (typeof value === 'string' ? value : (((value as Json | undefined)?.text as string | undefined) ?? ''));
  const blocks = (surface.blocks as Json[] | undefined) ?? [];
  check(blocks.length <= (kind === 'message' ? LIMITS.messageBlocks : LIMITS.viewBlocks), `${blocks.length} blocks`);
  if (kind === 'message') check(text(surface.text).length <= LIMITS.messageText, 'message text too long');
  if (kind !== 'message') {
    check(text(surface.title).length <= LIMITS.modalTitle, `title "${text(surface.title)}" too long`);
    check(text(surface.submit).length <= LIMITS.modalTitle, 'submit too long');
    check(text(surface.close).length <= LIMITS.modalTitle, 'close too long');
    check(String(surface.private_metadata ?? '').length <= LIMITS.privateMetadata, 'private_metadata too long');
    check(String(surface.callback_id ?? '').length <= LIMITS.id, 'callback_id too long');
  }

  const element = (el: Json, where: string) => {
    check(String(el.action_id ?? '').length <= LIMITS.id, `${where}: action_id too long`);
    if (el.type === 'button') {
      check(text(el.text).length <= LIMITS.buttonText, `${where}: button text too long`);
      check(String(el.value ?? '').length <= LIMITS.buttonValue, `${where}: button value too long`);
      check(String(el.url ?? '').length <= LIMITS.url, `${where}: button url too long`);
    }
    const options = (el.options as Json[] | undefined) ?? [];
    const max =
      el.type === 'checkboxes' || el.type === 'radio_buttons' ? LIMITS.checkboxOptions : el.type === 'overflow' ? LIMITS.overflowOptions : LIMITS.staticOptions;
    check(options.length <= max, `${where}: ${options.length} options`);
    for (const option of [...options, ...((el.initial_options as Json[] | undefined) ?? [])]) {
      check(text(option.text).length <= LIMITS.optionText, `${where}: option text too long`);
      check(String(option.value ?? '').length <= LIMITS.optionValue, `${where}: option value too long`);
    }
    if (typeof el.max_length === 'number') check(el.max_length <= LIMITS.inputMaxLength, `${where}: max_length too big`);
    const confirm = el.confirm as Json | undefined;
    if (confirm) {
      check(text(confirm.title).length <= LIMITS.confirmTitle, `${where}: confirm title too long`);
      check(text(confirm.text).length <= LIMITS.confirmText, `${where}: confirm text too long`);
      check(text(confirm.confirm).length <= LIMITS.confirmButton, `${where}: confirm button too long`);
      check(text(confirm.deny).length <= LIMITS.confirmButton, `${where}: deny button too long`);
    }
  };

  blocks.forEach((block, index) => {
    const where = `block ${index} (${String(block.type)})`;
    check(String(block.block_id ?? '').length <= LIMITS.id, `${where}: block_id too long`);
    if (block.type === 'section') {
      check(text(block.text).length <= LIMITS.sectionText, `${where}: text ${text(block.text).length} chars`);
      const fields = (block.fields as Json[] | undefined) ?? [];
      check(fields.length <= LIMITS.sectionFields, `${where}: ${fields.length} fields`);
      for (const field of fields) check(text(field).length <= LIMITS.fieldText, `${where}: field too long`);
      if (block.accessory) element(block.accessory as Json, where);
    }
    if (block.type === 'header') check(text(block.text).length <= LIMITS.headerText, `${where}: header too long`);
    if (block.type === 'context') check(((block.elements as Json[]) ?? []).length <= LIMITS.contextElements, `${where}: too many elements`);
    if (block.type === 'actions') {
      const elements = (block.elements as Json[]) ?? [];
      check(elements.length <= LIMITS.actionsElements, `${where}: ${elements.length} elements`);
      for (const el of elements) element(el, where);
    }
    if (block.type === 'input') {
      check(text(block.label).length <= LIMITS.label, `${where}: label too long`);
      check(text(block.hint).length <= LIMITS.label, `${where}: hint too long`);
      element(block.element as Json, where);
    }
  });
  return problems;
}

/** Every string Slack parses for mentions: the message `text` and each mrkdwn text object. */
export function mrkdwnTexts(surface: unknown): string[] {
  const found: string[] = [];
  const visit = (node: unknown, key?: string) => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item));
    if (!node || typeof node !== 'object') return;
    const object = node as Json;
    if (object.type === 'mrkdwn' && typeof object.text === 'string') found.push(object.text);
    if (key === undefined && typeof object.text === 'string' && object.type === undefined) found.push(object.text);
    for (const [k, value] of Object.entries(object)) if (typeof value === 'object') visit(value, k);
  };
  visit(surface);
  return found;
}
