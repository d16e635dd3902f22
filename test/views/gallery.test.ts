import { describe, expect, it } from 'vitest';
import { blockKitViolations } from '../support/block-kit.js';
import { galleryViews, staleGalleryFiles } from '../support/gallery.js';

describe('the view gallery (npm run preview)', () => {
  it.each(galleryViews().map((entry) => [entry.name, entry] as const))('%s: within Block Kit limits', (_, entry) => {
    expect(blockKitViolations(entry.payload, entry.surface)).toEqual([]);
  });

  it('covers messages, forms and the App Home', () => {
    expect(new Set(galleryViews().map((entry) => entry.surface))).toEqual(new Set(['message', 'modal', 'home']));
  });

  it('docs/views is what the views render now (run `npm run preview` after changing a view)', () => {
    expect(staleGalleryFiles()).toEqual([]);
  });
});
