/**
 * What the export menu writes: trajectories as CSV, the setup as JSON, and the
 * file names that say what each holds. Pure functions, so tests can check them
 * without a browser.
 */
import type { Results } from '../../state/results.ts';
import type { Setup } from '../../state/setup.ts';

export type ExportKind = 'view' | 'trajectories' | 'setup';

const EXTENSION: Record<ExportKind, string> = { view: 'png', trajectories: 'csv', setup: 'json' };

/** "descent-lab-rosenbrock-trajectories.csv": the surface id is reduced to safe file-name characters. */
export function exportFileName(surfaceId: string, kind: ExportKind): string {
  const safe = surfaceId.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'surface';
  return `descent-lab-${safe}-${kind}.${EXTENSION[kind]}`;
}

export const TRAJECTORY_CSV_HEADER = 'run,optimizer,step,x,y,loss';

/**
 * One row per computed point of every run in the setup (hidden runs included),
 * in setup order. `run` is the 1-based number the legend shows; numbers are
 * written with full precision (shortest round-trip form) so the file can be re-analysed.
 */
export function buildTrajectoriesCsv(setup: Setup, results: Results): string {
  const lines: string[] = [TRAJECTORY_CSV_HEADER];
  setup.runs.forEach((run, index) => {
    const result = results.runs.get(run.id);
    if (!result) return;
    const prefix = `${index + 1},${run.optimizer},`;
    for (let step = 0; step < result.length; step++) {
      lines.push(`${prefix}${step},${result.x[step]},${result.y[step]},${result.loss[step]}`);
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
