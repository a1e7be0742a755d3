/**
 * What the export menu writes: trajectories as CSV, the setup as JSON, and the
 * file names that say what each holds. Pure functions, so tests can check them
 * without a browser.
 */
import { HYPER_PARAMETER_KEYS, OPTIMIZERS, SCHEDULES } from '../../core/index.ts';
import type { Results } from '../../state/results.ts';
import type { RunConfig, Setup } from '../../state/setup.ts';

export type ExportKind = 'view' | 'trajectories' | 'setup';

const EXTENSION: Record<ExportKind, string> = { view: 'png', trajectories: 'csv', setup: 'json' };

/**
 * "descent-lab-rosenbrock-trajectories.csv", or with several panes every pane's surface
 * ("descent-lab-rosenbrock-valleys-view.png"); ids are reduced to safe file-name characters.
 */
export function exportFileName(surfaceIds: string | readonly string[], kind: ExportKind): string {
  const ids = typeof surfaceIds === 'string' ? [surfaceIds] : [...new Set(surfaceIds)];
  const safe = ids.map((id) => id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '')).filter(Boolean).join('-') || 'surface';
  return `descent-lab-${safe}-${kind}.${EXTENSION[kind]}`;
}

/** Every pane's surface id, in pane order (what an export's file name names). */
export function paneSurfaceIds(setup: Setup): string[] {
  return setup.panes.map((pane) => pane.surface);
}

/** The settings columns: the learning rate, every hyper-parameter of core's table, the schedule, the batch and the start. */
const SETTING_COLUMNS = ['lr', ...HYPER_PARAMETER_KEYS, 'schedule', 'batchSize', 'datasetSize', 'noise', 'seed', 'startX', 'startY'] as const;

export const TRAJECTORY_CSV_HEADER = ['run', 'optimizer', 'surface', 'pane', 'step', 'x', 'y', 'loss', ...SETTING_COLUMNS].join(',');

/** A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** "cosine(tMax=500;etaMin=0.0001)", "constant". */
function scheduleText(schedule: RunConfig['schedule']): string {
  const parameters = SCHEDULES[schedule.type].parameters.map((parameter) => `${parameter.key}=${String((schedule as unknown as Record<string, unknown>)[parameter.key])}`);
  return parameters.length > 0 ? `${schedule.type}(${parameters.join(';')})` : schedule.type;
}

/** A run's settings, in SETTING_COLUMNS order; a hyper-parameter its optimizer does not use is left empty. */
function settingFields(setup: Setup, run: RunConfig): string[] {
  const used = new Set<string>(OPTIMIZERS[run.optimizer].hyperParameters.map((parameter) => parameter.key));
  const start = run.start ?? setup.start;
  const miniBatch = run.batchSize < setup.datasetSize;
  return [
    String(run.lr),
    ...HYPER_PARAMETER_KEYS.map((key) => (used.has(key) ? String(run[key]) : '')),
    scheduleText(run.schedule),
    String(Math.min(run.batchSize, setup.datasetSize)),
    String(setup.datasetSize),
    miniBatch ? String(run.noise) : '',
    miniBatch ? String(run.seed) : '',
    String(start[0]),
    String(start[1]),
  ].map(csvField);
}

/** The surface a pane shows, as a CSV field: its id, or a typed function's expression. */
function surfaceField(setup: Setup, pane: number): string {
  const id = (setup.panes[pane] ?? setup.panes[0]).surface;
  return csvField(id === 'custom' && setup.custom ? `custom: ${setup.custom.expression}` : id);
}

/**
 * One row per computed point of every run in the setup (hidden runs included),
 * in setup order, each carrying its run's surface, pane (from 1, as shown) and
 * every setting, so a row can be read alone. `run` is the 1-based number the
 * legend shows; numbers are written with full precision (shortest round-trip
 * form) so the file can be re-analysed.
 */
export function buildTrajectoriesCsv(setup: Setup, results: Results): string {
  const lines: string[] = [TRAJECTORY_CSV_HEADER];
  setup.runs.forEach((run, index) => {
    const result = results.runs.get(run.id);
    if (!result) return;
    const pane = Math.min(run.pane, setup.panes.length - 1);
    const prefix = `${index + 1},${run.optimizer},${surfaceField(setup, pane)},${pane + 1},`;
    const suffix = `,${settingFields(setup, run).join(',')}`;
    for (let step = 0; step < result.length; step++) {
      lines.push(`${prefix}${step},${result.x[step]},${result.y[step]},${result.loss[step]}${suffix}`);
    }
  });
  return `${lines.join('\n')}\n`;
}

/** The setup as pretty JSON: the same object a shared link carries. */
export function buildSetupJson(setup: Setup): string {
  return `${JSON.stringify(setup, null, 2)}\n`;
}

/** Offer a Blob as a download under `fileName` (browser only). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoking at once can cancel the download in some browsers; give it a moment.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
