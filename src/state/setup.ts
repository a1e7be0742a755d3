/**
 * The setup: everything a person chooses, plain and serializable. This is what a
 * shared link and local storage carry (see url.ts for the one schema that
 * validates it). Results never live here; they sit in results.ts, outside React.
 */
import type { Domain, OptimizerId, Point, Schedule } from '../core/types.ts';

/** Colorblind-safe run colors (Okabe–Ito, reordered so neighbours contrast on a viridis surface). */
export const RUN_PALETTE = [
  '#ff6f3c', // vermillion-orange
  '#56b4e9', // sky blue
  '#f5f5f5', // near white
  '#e69f00', // orange
  '#cc79a7', // reddish purple
  '#0072b2', // blue
  '#f0e442', // yellow
  '#d55e00', // vermillion
] as const;

export const MAX_RUNS = 16;
export const MAX_PANES = 4;
export const MAX_STEPS = 100_000;

export interface RunConfig {
  /** Stable id, unique within a setup ("r1", "r2", …). */
  readonly id: string;
  readonly optimizer: OptimizerId;
  readonly lr: number;
  /** Momentum μ (momentum, nesterov, rmsprop). */
  readonly momentum: number;
  /** RMSprop α. */
  readonly alpha: number;
  /** RMSprop centered. */
  readonly centered: boolean;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  readonly schedule: Schedule;
  /** Mini-batch size B; B === setup.datasetSize means full batch. */
  readonly batchSize: number;
  /** Spread of per-example gradient perturbations (ignored for data-driven surfaces). */
  readonly noise: number;
  readonly seed: number;
  readonly color: string;
  readonly visible: boolean;
  /** Overrides the global start for this run ("the start decides the valley"); null follows the global start. */
  readonly start: Point | null;
  /** Which pane of the split view shows this run (0 … panes.length − 1). */
  readonly pane: number;
}

/** A user-typed surface (issue 7): travels as text, re-parsed, never executed. */
export interface CustomSurface {
  readonly expression: string;
  readonly domain: Domain;
}

export interface PaneConfig {
  /** Built-in surface id, or 'custom' for setup.custom. */
  readonly surface: string;
}

export type PlaybackMode = 'instant' | 'animate';
export type CameraMode = '3d' | 'top';
export type LogHeightMode = 'auto' | 'on' | 'off';

export interface Setup {
  /** 1 … MAX_PANES panes; panes[0] is the main view. Each pane shows the runs whose `pane` is its index. */
  readonly panes: readonly PaneConfig[];
  /** Condition number of the `bowl` surface. */
  readonly bowlCondition: number;
  readonly custom: CustomSurface | null;
  readonly start: Point;
  readonly steps: number;
  /** N: examples each analytic surface is the mean of (linear regression uses its data rows). */
  readonly datasetSize: number;
  readonly runs: readonly RunConfig[];
  readonly playback: { readonly mode: PlaybackMode; readonly stepsPerSecond: number };
  readonly view: {
    readonly camera: CameraMode;
    readonly logHeight: LogHeightMode;
    readonly overlays: { readonly gradient: boolean; readonly velocity: boolean; readonly effectiveStep: boolean };
  };
}
