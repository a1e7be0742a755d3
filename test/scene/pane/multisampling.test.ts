import { describe, expect, it } from 'vitest';
import { DENSE_SCREEN, wantsMultisampling } from '../../../src/scene/pane/multisampling.ts';

describe('multisampled antialiasing', () => {
  it('is kept with a mouse or trackpad at any density, and on touch screens of low density', () => {
    for (const ratio of [1, 1.25, 2, 3]) expect(wantsMultisampling(ratio, false)).toBe(true);
    expect(wantsMultisampling(1, true)).toBe(true);
    expect(wantsMultisampling(1.25, true)).toBe(true);
  });

  it('is left out on phones and tablets from 1.5 device pixels per CSS pixel', () => {
    for (const ratio of [DENSE_SCREEN, 1.75, 2, 2.625, 3]) expect(wantsMultisampling(ratio, true)).toBe(false);
  });
});
