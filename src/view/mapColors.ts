/**
 * The colors of basin and hyper-parameter maps, the one place they are written:
 * one deep, muted hue per known minimum, shaded darker the more steps a start
 * needed; a near-black for diverged starts and a grey for those that reached no
 * known minimum. The basin hues are darker than every run colour (RUN_PALETTE in
 * state/setup.ts is bright) and far from each of them in CIELAB, so a path drawn
 * on a basin map never looks like a basin (test/view/mapColors.test.ts); they
 * follow the order of Paul Tol's dark scheme, lightened to read when lit.
 */
import { MAP_DIVERGED, MAP_NOT_CONVERGED } from '../core/index.ts';
import { hexToRgb } from './colormap.ts';

/** One color per minimum, by index (cycled past ten). */
export const BASIN_PALETTE = ['#34508a', '#8a5a1f', '#2f6e4a', '#7a3350', '#5d4a8a', '#6b6b24', '#2a6a73', '#8a3d2e', '#2a4a5e', '#5e3a1e'] as const;
/** What each basin colour is called in a key. */
export const BASIN_COLOR_NAMES: Readonly<Record<(typeof BASIN_PALETTE)[number], string>> = {
  '#34508a': 'dark blue',
  '#8a5a1f': 'brown',
  '#2f6e4a': 'dark green',
  '#7a3350': 'wine',
  '#5d4a8a': 'indigo',
  '#6b6b24': 'dark olive',
  '#2a6a73': 'dark teal',
  '#8a3d2e': 'rust',
  '#2a4a5e': 'slate',
  '#5e3a1e': 'dark brown',
};
export const DIVERGED_COLOR = '#17181c';
export const NOT_CONVERGED_COLOR = '#8d939c';
/** How much darker the slowest start is than the fastest (0 = no shading). */
export const STEP_SHADE = 0.35;

const PALETTE_RGB = BASIN_PALETTE.map(hexToRgb);
/** DIVERGED_COLOR and NOT_CONVERGED_COLOR as [r, g, b], 0…255, for pixel buffers. */
export const DIVERGED_RGB: readonly number[] = hexToRgb(DIVERGED_COLOR);
export const NOT_CONVERGED_RGB: readonly number[] = hexToRgb(NOT_CONVERGED_COLOR);

/** CSS color of a minimum's basin. */
export function basinColor(index: number): string {
  return BASIN_PALETTE[index % BASIN_PALETTE.length];
}

/** Brightness factor for a start that needed `steps` of at most `maxSteps`: 1 at once, 1 − STEP_SHADE at the end. */
export function stepShade(steps: number, maxSteps: number): number {
  const fraction = maxSteps > 0 ? Math.min(1, Math.max(0, steps / maxSteps)) : 0;
  return 1 - STEP_SHADE * Math.sqrt(fraction);
}

/** Writes a cell's sRGB color (0–255) and alpha into `out` at `offset`. */
export function basinCellInto(outcome: number, steps: number, maxSteps: number, out: Uint8Array | Uint8ClampedArray, offset: number): void {
  let color: readonly number[];
  let shade = 1;
  if (outcome === MAP_DIVERGED) color = DIVERGED_RGB;
  else if (outcome === MAP_NOT_CONVERGED) color = NOT_CONVERGED_RGB;
  else {
    color = PALETTE_RGB[outcome % PALETTE_RGB.length];
    shade = stepShade(steps, maxSteps);
  }
  out[offset] = Math.round(color[0] * shade);
  out[offset + 1] = Math.round(color[1] * shade);
  out[offset + 2] = Math.round(color[2] * shade);
  out[offset + 3] = 255;
}
