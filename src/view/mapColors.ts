/**
 * The colors of basin and hyper-parameter maps, the one place they are written:
 * one hue per known minimum (Tableau 10, distinct from the viridis surface and
 * the run palette's order), shaded darker the more steps a start needed; a dark
 * color for diverged starts and a grey for those that reached no known minimum.
 */
import { MAP_DIVERGED, MAP_NOT_CONVERGED } from '../core/index.ts';
import { hexToRgb } from './colormap.ts';

/** One color per minimum, by index (cycled past ten). */
export const BASIN_PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#bab0ac'] as const;
export const DIVERGED_COLOR = '#17181c';
export const NOT_CONVERGED_COLOR = '#8d939c';
/** How much darker the slowest start is than the fastest (0 = no shading). */
export const STEP_SHADE = 0.5;

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
