import { describe, expect, it } from 'vitest';
import { MAP_DIVERGED, MAP_NOT_CONVERGED } from '../../src/core/index.ts';
import { basinCellInto, basinColor, stepShade, STEP_SHADE } from '../../src/view/mapColors.ts';

describe('map colours', () => {
  it('give each minimum its own hue, cycling after ten', () => {
    expect(basinColor(0)).toBe('#4e79a7');
    expect(basinColor(1)).toBe('#f28e2b');
    expect(basinColor(10)).toBe(basinColor(0));
  });

  it('shade a start darker the more steps it needed, by √(steps / max)', () => {
    expect(stepShade(0, 200)).toBe(1);
    expect(stepShade(50, 200)).toBeCloseTo(1 - STEP_SHADE * 0.5, 12);
    expect(stepShade(200, 200)).toBeCloseTo(1 - STEP_SHADE, 12);
    expect(stepShade(999, 200)).toBeCloseTo(1 - STEP_SHADE, 12);
  });

  it('write a cell as RGBA bytes: basin hue shaded by steps; diverged and not converged unshaded', () => {
    const out = new Uint8ClampedArray(12);
    // Minimum 0 (#4e79a7 = 78, 121, 167) after all 200 of 200 steps: half as bright.
    basinCellInto(0, 200, 200, out, 0);
    basinCellInto(MAP_DIVERGED, 200, 200, out, 4);
    basinCellInto(MAP_NOT_CONVERGED, 200, 200, out, 8);
    expect([...out]).toEqual([39, 61, 84, 255, 0x17, 0x18, 0x1c, 255, 0x8d, 0x93, 0x9c, 255]);
  });
});
