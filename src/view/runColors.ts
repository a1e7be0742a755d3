/**
 * What the run colours are called, for accessible names and tooltips. The
 * palette itself is RUN_PALETTE in src/state/setup.ts (a link carries a run's
 * colour); every colour of it has a name here (test/view/runColors.test.ts).
 */
import type { RUN_PALETTE } from '../state/setup.ts';

const COLOR_NAMES: Record<(typeof RUN_PALETTE)[number], string> = {
  '#ff6f3c': 'orange-red',
  '#56b4e9': 'sky blue',
  '#009e73': 'bluish green',
  '#cc79a7': 'reddish purple',
  '#f0e442': 'yellow',
  '#0072b2': 'blue',
  '#e69f00': 'orange',
  '#999933': 'olive',
  '#ee3377': 'magenta',
  '#eedd88': 'light yellow',
  '#aa4499': 'purple',
  '#228833': 'green',
  '#ee8866': 'salmon',
  '#ffaabb': 'pink',
  '#ee6677': 'rose',
  '#aaaa00': 'mustard',
};

/** A run colour's name ("sky blue"); a colour outside the palette is named by its hex code. */
export function colorName(color: string): string {
  return Object.hasOwn(COLOR_NAMES, color) ? COLOR_NAMES[color as keyof typeof COLOR_NAMES] : color;
}

/** The marker of a learner's guess ("click where this run ends"): magenta, far from every run colour and from the surface's colour map. */
export const GUESS_COLOR = '#ff3df5';
