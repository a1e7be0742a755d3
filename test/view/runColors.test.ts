import { describe, expect, it } from 'vitest';
import { RUN_PALETTE } from '../../src/state/setup.ts';
import { colorName } from '../../src/view/runColors.ts';

describe('run colour names', () => {
  it('name every palette colour, each differently', () => {
    const names = RUN_PALETTE.map(colorName);
    expect(names[1]).toBe('sky blue');
    for (const [index, name] of names.entries()) expect(name, RUN_PALETTE[index]).not.toMatch(/^#/);
    expect(new Set(names).size).toBe(RUN_PALETTE.length);
  });

  it('fall back to the hex code, also for inherited keys', () => {
    expect(colorName('#123456')).toBe('#123456');
    expect(colorName('constructor')).toBe('constructor');
  });
});
