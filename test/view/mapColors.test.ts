import { describe, expect, it } from 'vitest';
import { MAP_DIVERGED, MAP_NOT_CONVERGED } from '../../src/core/index.ts';
import { basinCellInto, basinColor, stepShade, STEP_SHADE } from '../../src/view/mapColors.ts';

describe('map colours', () => {
  it('give each minimum its own hue, cycling after ten', () => {
    expect(basinColor(0)).toBe('#34508a');
    expect(basinColor(1)).toBe('#8a5a1f');
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
    // Minimum 0 (#34508a = 52, 80, 138) after all 200 of 200 steps: 1 − STEP_SHADE = 0.65 as bright.
    basinCellInto(0, 200, 200, out, 0);
    basinCellInto(MAP_DIVERGED, 200, 200, out, 4);
    basinCellInto(MAP_NOT_CONVERGED, 200, 200, out, 8);
    expect([...out]).toEqual([34, 52, 90, 255, 0x17, 0x18, 0x1c, 255, 0x8d, 0x93, 0x9c, 255]);
  });
});
