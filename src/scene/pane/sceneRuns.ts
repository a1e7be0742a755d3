/**
 * The few things the scene needs to know about a run: which buffers to read
 * (id), how to draw them (color, visible) and which overlays apply (optimizer).
 * Hyper-parameters are deliberately absent: scrubbing a learning rate changes
 * the results the scene reads each frame, not the React tree that draws them,
 * so it re-renders nothing here.
 */
import type { OptimizerId } from '../../core/types.ts';
import type { StageView } from '../../state/lessons/stageView.ts';
import type { Setup } from '../../state/setup.ts';

export interface SceneRun {
  readonly id: string;
  readonly color: string;
  readonly visible: boolean;
  readonly optimizer: OptimizerId;
  /** The last step drawn (a lesson stage may show a path only so far), or null for the whole path. */
  readonly lastStep: number | null;
}

/**
 * The runs drawn in `pane` (runs of a removed pane fall back to pane 0), as a string that changes only when what the scene draws changes.
 * `view`: what the lesson's current stage shows (a run it hides is not drawn), or null without a lesson.
 */
export function sceneRunsKey(setup: Setup, pane: number, view: StageView | null = null): string {
  const runs: SceneRun[] = [];
  setup.runs.forEach((run, index) => {
    if (run.pane === pane || (pane === 0 && run.pane >= setup.panes.length)) {
      const shown = view === null || view.paths[index] === true;
      runs.push({ id: run.id, color: run.color, visible: run.visible && shown, optimizer: run.optimizer, lastStep: view?.lastStep[index] ?? null });
    }
  });
  return JSON.stringify(runs);
}

export function parseSceneRuns(key: string): readonly SceneRun[] {
  return JSON.parse(key) as SceneRun[];
}
