import { PLATFORMS } from '../../domain/brief.js';
import { CONTENT_KINDS, type Deliverable, MAX_DELIVERABLE_NOTES, MAX_DELIVERABLE_QUANTITY } from '../../domain/participation.js';
import { type DELIVERABLE_FIELDS, deliverableBlockId } from '../../views/deliverables.js';
import { type StateValues, isoDay, read } from './form.js';

/**
 * The deliverable lines of the form. A line left empty, or with "How many" set to 0, is dropped;
 * every missing or wrong field of the other lines is reported at once.
 */
export function parseDeliverables(
  values: StateValues,
  lines: number,
): { ok: true; deliverables: Deliverable[] } | { ok: false; errors: Record<string, string> } {
  const deliverables: Deliverable[] = [];
  const errors: Record<string, string> = {};
  for (let line = 0; line < lines; line += 1) {
    const block = (field: (typeof DELIVERABLE_FIELDS)[number]) => deliverableBlockId(line, field);
    const platform = read(values, block('platform')).selected_option?.value;
    const kind = read(values, block('kind')).selected_option?.value;
    const quantityText = (read(values, block('quantity')).value ?? '').trim();
    const due = read(values, block('due')).selected_date;
    const notes = (read(values, block('notes')).value ?? '').trim();
    if (quantityText === '0' || (!platform && !kind && !quantityText && !due && !notes)) continue;
    const quantity = Number(quantityText);
    const dueDate = isoDay(due);
    if (!platform || !(PLATFORMS as readonly string[]).includes(platform)) errors[block('platform')] = 'Choose the platform.';
    if (!kind || !(CONTENT_KINDS as readonly string[]).includes(kind)) errors[block('kind')] = 'Choose the kind of content.';
    if (!/^\d+$/.test(quantityText) || quantity < 1 || quantity > MAX_DELIVERABLE_QUANTITY) {
      errors[block('quantity')] = `Enter a whole number from 1 to ${MAX_DELIVERABLE_QUANTITY} (0 removes the line).`;
    }
    if (!dueDate) errors[block('due')] = 'Choose the due date.';
    if (notes.length > MAX_DELIVERABLE_NOTES) errors[block('notes')] = `At most ${MAX_DELIVERABLE_NOTES} characters.`;
    if (platform && kind && dueDate)
      deliverables.push({ platform: platform as Deliverable['platform'], kind: kind as Deliverable['kind'], quantity, dueDate, notes });
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, deliverables };
}
