import { describe, expect, it } from 'vitest';
import { MAX_RUNS } from '../../src/core/index.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import { RUN_PALETTE } from '../../src/state/setup.ts';
import { BASIN_PALETTE, DIVERGED_COLOR, NOT_CONVERGED_COLOR } from '../../src/view/mapColors.ts';
import { GUESS_COLOR } from '../../src/view/runColors.ts';
import { closestPair, contrastRatio, deltaE, simulate, toLab } from './colorScience.ts';

/** The page background and the panels' (ui/shell/base.css). */
const BACKGROUNDS = ['#0b0e13', '#121821'];
/** The start pin (scene/markers/StartMarker.tsx, the legend's "● start"). */
const START_PIN = ['#ffffff', '#f5f5f5'];

describe('the run palette', () => {
  it('has a colour for every run the setup allows, all different', () => {
    expect(RUN_PALETTE.length).toBe(MAX_RUNS);
    expect(new Set(RUN_PALETTE).size).toBe(MAX_RUNS);
  });

  it('keeps any two runs visibly apart (CIELAB distance of at least 18)', () => {
    expect(closestPair(RUN_PALETTE)).toBeGreaterThanOrEqual(18);
  });

  it('keeps the first eight runs apart under deuteranopia and protanopia', () => {
    const first = RUN_PALETTE.slice(0, 8);
    for (const deficiency of ['deuteranopia', 'protanopia'] as const) {
      expect(closestPair(first, (a, b) => deltaE(simulate(a, deficiency), simulate(b, deficiency))), deficiency).toBeGreaterThanOrEqual(10);
    }
  });

  it('reads on the dark background and the panels (contrast at least 3:1)', () => {
    for (const color of RUN_PALETTE) for (const background of BACKGROUNDS) expect(contrastRatio(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(3);
  });

  it('has no white: none is near the start pin or the guess marker', () => {
    for (const color of RUN_PALETTE) {
      for (const marker of [...START_PIN, GUESS_COLOR]) expect(deltaE(color, marker), `${color} vs ${marker}`).toBeGreaterThan(15);
      const [, a, b] = toLab(color);
      expect(Math.hypot(a, b), `${color} is a colour, not a grey`).toBeGreaterThan(20);
    }
  });

  it("gives the default runs (Adam's among them) palette colours, none white", () => {
    for (const run of defaultSetup().runs) expect(START_PIN).not.toContain(run.color);
  });
});

describe('the basin colours', () => {
  it('are none of the run colours, and far from each (CIELAB distance above 15)', () => {
    for (const basin of BASIN_PALETTE) for (const run of RUN_PALETTE) expect(deltaE(basin, run), `${basin} vs ${run}`).toBeGreaterThan(15);
  });

  it('are darker than every run colour, so a path stands out on a basin', () => {
    const darkestRun = Math.min(...RUN_PALETTE.map((color) => toLab(color)[0]));
    for (const basin of BASIN_PALETTE) expect(toLab(basin)[0], basin).toBeLessThan(darkestRun - 1);
  });

  it('are apart from each other and from the diverged and not-converged colours', () => {
    expect(closestPair(BASIN_PALETTE)).toBeGreaterThan(12);
    for (const basin of BASIN_PALETTE) for (const other of [DIVERGED_COLOR, NOT_CONVERGED_COLOR]) expect(deltaE(basin, other), `${basin} vs ${other}`).toBeGreaterThan(15);
  });
});
