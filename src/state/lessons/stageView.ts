/**
 * What a lesson stage lets the learner see. A stage with a question shows
 * nothing of the runs while the question is open (the surface and the start
 * only: no path, no loss curve, no map), then exactly what its `reveal` lists;
 * a stage without a question shows its reveal at once. A stage without a
 * `reveal` shows every path in full and the chart.
 *
 * The scene, the chart and the legend read this one description, so "hidden
 * until you answer" means the same thing everywhere.
 */
import type { Setup } from '../setup.ts';
import type { Lesson, Reveal } from './schema.ts';

export type ChartAxis = 'steps' | 'epochs' | 'evaluations';

export interface StageView {
  /** False while the stage's question waits for an answer. */
  readonly revealed: boolean;
  /** Per run of the current setup (by index): whether its path is drawn. */
  readonly paths: readonly boolean[];
  /** Per run: the last step its path is drawn to, or null for the whole path. */
  readonly lastStep: readonly (number | null)[];
  /** The loss chart's x axis, or null when the stage shows no loss curves. */
  readonly chart: ChartAxis | null;
  /** Per run: whether the chart draws its curve. */
  readonly chartRuns: readonly boolean[];
  /** The run (index) whose basin map is shown, or null. */
  readonly basinMap: number | null;
  /** The run (index) whose hyper-parameter map is shown, and its axis, or null. */
  readonly hyperMap: { readonly run: number; readonly axis: 'momentum' | 'beta1' | null } | null;
  /** The run (index) whose model the stage shows, or null. */
  readonly model: number | null;
}

const EVERYTHING: readonly Reveal[] = [{ show: 'paths' }, { show: 'chart' }];

/** Steps one epoch takes for a run: ⌊N/B⌋, at least one. */
function stepsPerEpoch(setup: Setup, run: number): number {
  const batch = setup.runs[run]?.batchSize ?? setup.datasetSize;
  return Math.max(1, Math.floor(setup.datasetSize / Math.max(1, Math.min(batch, setup.datasetSize))));
}

/**
 * What stage `stage` of `lesson` shows on `setup` (the current one: a learner
 * may have added runs, which are shown with the lesson's once it reveals paths).
 */
export function stageView(lesson: Lesson, stage: number, revealed: boolean, setup: Setup): StageView {
  const current = lesson.stages[Math.max(0, Math.min(stage, lesson.stages.length - 1))];
  const open = current.question !== undefined && !revealed;
  const count = setup.runs.length;
  const none = Array.from({ length: count }, () => false);
  if (open) {
    return { revealed: false, paths: none, lastStep: none.map(() => null), chart: null, chartRuns: none, basinMap: null, hyperMap: null, model: null };
  }
  const reveals = current.reveal ?? EVERYTHING;
  const paths = none.slice();
  const lastStep: (number | null)[] = none.map(() => null);
  let chart: ChartAxis | null = null;
  let basinMap: number | null = null;
  let hyperMap: StageView['hyperMap'] = null;
  let model: number | null = null;
  let pathsShown = false;
  const lessonRuns = lesson.setup.runs.length;
  for (const reveal of reveals) {
    switch (reveal.show) {
      case 'paths': {
        pathsShown = true;
        // The learner's own extra runs come with the lesson's whenever paths are shown.
        const chosen = (index: number) => (reveal.runs === undefined || index >= lessonRuns ? true : reveal.runs.includes(index));
        for (let index = 0; index < count; index++) {
          if (!chosen(index)) continue;
          paths[index] = true;
          const cap = reveal.upToStep ?? (reveal.upToEpoch === undefined ? null : Math.floor(reveal.upToEpoch * stepsPerEpoch(setup, index)));
          lastStep[index] = cap;
        }
        break;
      }
      case 'chart':
        chart = reveal.x ?? 'steps';
        break;
      case 'basin-map':
        basinMap = reveal.run < count ? reveal.run : null;
        break;
      case 'hyper-map':
        hyperMap = reveal.run < count ? { run: reveal.run, axis: reveal.axis ?? null } : null;
        break;
      case 'model':
        model = reveal.run < count ? reveal.run : null;
        break;
    }
  }
  // The chart draws the runs whose paths are shown (so it never gives away a later question), or all when no path is.
  const chartRuns = chart === null ? none : pathsShown ? paths.slice() : none.map(() => true);
  return { revealed: true, paths, lastStep, chart, chartRuns, basinMap, hyperMap, model };
}

/** Plain words for what a stage reveals, for the live region: "the paths of runs 1 and 2 and the loss chart". */
export function describeStageView(view: StageView): string {
  const parts: string[] = [];
  const shown = view.paths.flatMap((on, index) => (on ? [index + 1] : []));
  if (shown.length === view.paths.length && shown.length > 0) parts.push(shown.length === 1 ? 'the path' : `the paths of all ${shown.length} runs`);
  else if (shown.length > 0) parts.push(`the path${shown.length === 1 ? '' : 's'} of run${shown.length === 1 ? '' : 's'} ${listWords(shown.map(String))}`);
  const capped = view.lastStep.find((step, index) => view.paths[index] && step !== null);
  if (capped !== undefined && capped !== null) parts[parts.length - 1] += ` up to step ${capped}`;
  if (view.chart !== null) parts.push('the loss chart');
  if (view.basinMap !== null) parts.push(`the basin map of run ${view.basinMap + 1}`);
  if (view.hyperMap !== null) parts.push(`the hyper-parameter map of run ${view.hyperMap.run + 1}`);
  return parts.length ? listWords(parts) : 'nothing more';
}

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
