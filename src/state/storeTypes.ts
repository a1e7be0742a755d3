/**
 * The shape of the zustand store: human-speed state only (the setup, selection,
 * playback controls, notices, worker status). Per-step data lives in results.ts,
 * per-frame playback position in playhead.ts.
 */
import type { OptimizerId, Point } from '../core/types.ts';
import type { EngineStatus } from '../worker/client.ts';
import type { CameraMode, CustomSurface, LogHeightMode, PlaybackMode, RunConfig, Setup } from './setup.ts';

export type NoticeKind = 'info' | 'warning' | 'error';

export interface Notice {
  readonly id: number;
  readonly kind: NoticeKind;
  /** Plain words, e.g. "The link's learning rate for run 2 was not a number; used 0.01 instead." */
  readonly text: string;
}

export interface SetupActions {
  /** Set the surface of a pane (default pane 0); resets the start to the surface's suggested start when `resetStart`. */
  setSurface(surfaceId: string, pane?: number, resetStart?: boolean): void;
  /**
   * Set the user's own f(x, y) (already checked to parse) and, when `pane` is given, show it there.
   * Panes showing it get its suggested start and learning rates, as with setSurface.
   */
  setCustomSurface(custom: CustomSurface, pane?: number): void;
  setBowlCondition(condition: number): void;
  setStart(start: Point): void;
  setSteps(steps: number): void;
  setDatasetSize(size: number): void;
  /** Adds a run with the optimizer's torch defaults and the next palette color; returns its id. */
  addRun(optimizer?: OptimizerId, patch?: Partial<Omit<RunConfig, 'id'>>): string;
  duplicateRun(runId: string): string | null;
  removeRun(runId: string): void;
  /** Patch a run. Changing `optimizer` keeps lr and fills that optimizer's defaults. */
  updateRun(runId: string, patch: Partial<Omit<RunConfig, 'id'>>): void;
  setPaneCount(count: number): void;
  setPlaybackMode(mode: PlaybackMode): void;
  setStepsPerSecond(stepsPerSecond: number): void;
  setCamera(camera: CameraMode): void;
  setLogHeight(mode: LogHeightMode): void;
  setOverlay(name: keyof Setup['view']['overlays'], on: boolean): void;
  /** Replace the whole setup (scenario, shared link, restored session). Already validated. */
  replaceSetup(setup: Setup): void;
}

export interface SessionActions {
  selectRun(runId: string | null): void;
  /** Animate mode controls; the position itself advances with time in playhead.ts. */
  play(): void;
  pause(): void;
  togglePlay(): void;
  /** Advance one step (pauses). */
  stepOnce(): void;
  /** Back to step 0 (pauses). */
  resetPlayback(): void;
  pushNotice(kind: NoticeKind, text: string): number;
  dismissNotice(id: number): void;
}

export interface AppState extends SetupActions, SessionActions {
  readonly setup: Setup;
  readonly selectedRunId: string | null;
  /** True while animate-mode playback runs. */
  readonly playing: boolean;
  readonly notices: readonly Notice[];
  /** The engine client's status, as it last reported it. */
  readonly workerStatus: EngineStatus;
  /** Last worker problem in plain words, null when healthy. */
  readonly workerMessage: string | null;
  /** Bumped by the client after each finished generation, so slow UI (legend) can refresh at human speed. */
  readonly resultsVersion: number;
}
