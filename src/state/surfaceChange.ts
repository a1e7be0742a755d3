/**
 * What a surface change does to the teacher's setup: the new surface is shown
 * and every setting is kept, except where it cannot stay — a learning rate
 * outside what the new surface suits (lrRange.ts) is clamped into it, a start
 * outside the new plot moves to the surface's suggested start, and a run's own
 * start outside it follows the shared start. The sentence for the notice names
 * the surface and each of these changes, so the teacher can undo them.
 */
import { OPTIMIZERS, type Domain, type Point, type Surface } from '../core/index.ts';
import { surfaceLrRange } from './lrRange.ts';
import type { RunConfig, Setup } from './setup.ts';
import { paneIndexOf } from './surfaceOf.ts';

export interface CarriedSetup {
  readonly setup: Setup;
  /** What had to change besides the surface, one phrase each ("run 1 (SGD): η 0.03 → 0.02, …"). */
  readonly changes: readonly string[];
}

/** A number as the notice writes it: 3 significant digits, a true minus sign. */
export function noticeNumber(value: number): string {
  return String(Number(value.toPrecision(3))).replace('-', '−');
}

const noticePoint = ([x, y]: Point | readonly [number, number]) => `(${noticeNumber(x)}, ${noticeNumber(y)})`;

/** True when (x, y) lies in the closed box `domain`. */
export function insideDomain(point: readonly [number, number], domain: Domain): boolean {
  return point[0] >= domain.x[0] && point[0] <= domain.x[1] && point[1] >= domain.y[0] && point[1] <= domain.y[1];
}

function runName(run: RunConfig, index: number): string {
  return `run ${index + 1} (${OPTIMIZERS[run.optimizer].label})`;
}

/**
 * `next` — a setup whose panes in `panes` now show `surface` — with the settings
 * of their runs, and the shared start when pane 0 is among them, carried over.
 */
export function carrySettings(next: Setup, panes: ReadonlySet<number>, surface: Surface): CarriedSetup {
  const changes: string[] = [];
  const runs = next.runs.map((run, index) => {
    if (!panes.has(paneIndexOf(next, run.pane))) return run;
    let changed: RunConfig = run;
    const range = surfaceLrRange(run.optimizer, surface);
    if (range && (run.lr < range[0] || run.lr > range[1])) {
      const lr = Math.min(range[1], Math.max(range[0], run.lr));
      changes.push(`${runName(run, index)}: η ${noticeNumber(run.lr)} → ${noticeNumber(lr)}, the ${lr < run.lr ? 'largest' : 'smallest'} this surface suits`);
      changed = { ...changed, lr };
    }
    if (run.start !== null && !insideDomain(run.start, surface.domain)) {
      changes.push(`${runName(run, index)}: its own start ${noticePoint(run.start)} lay outside the plot, so it starts from the shared start`);
      changed = { ...changed, start: null };
    }
    return changed;
  });
  let start = next.start;
  if (panes.has(0) && !insideDomain(start, surface.domain)) {
    start = surface.suggestedStart;
    changes.push(`the start ${noticePoint(next.start)} lay outside the plot, so it moved to the suggested start ${noticePoint(start)}`);
  }
  return { setup: { ...next, runs, start }, changes };
}

/** The notice after showing `label` in `panes` (of `paneCount`): the switch, and what was kept or had to change. */
export function surfaceChangeNotice(label: string, panes: ReadonlySet<number>, paneCount: number, changes: readonly string[]): string {
  const where = paneCount > 1 ? ` in pane${panes.size > 1 ? 's' : ''} ${[...panes].map((pane) => pane + 1).join(', ')}` : '';
  if (changes.length === 0) return `Now showing ${label}${where}: kept every learning rate and the start.`;
  return `Now showing ${label}${where}: kept the other settings; ${changes.join('; ')}.`;
}
