import type { KnownBlock } from '@slack/types';

/** Each modal input's action_id is "value": one element per block keeps the state easy to read. */
export const VALUE = 'value';

export const plain = (text: string) => ({ type: 'plain_text' as const, text });

/** An input block whose element is read back as `values[blockId].value`. */
export function input(blockId: string, label: string, element: Record<string, unknown>, extra: { optional?: boolean; hint?: string } = {}): KnownBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label),
    optional: extra.optional ?? false,
    ...(extra.hint ? { hint: plain(extra.hint) } : {}),
    element: { action_id: VALUE, ...element },
  } as KnownBlock;
}
