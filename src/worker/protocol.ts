/**
 * The one message protocol between the main thread and the engine worker.
 * Both sides import this file. Messages are discriminated by `type`; large
 * arrays travel as transferable typed-array buffers, never as arrays of objects.
 *
 * Every request carries a `generation`. A newer generation supersedes all older
 * work at once: the worker checks between chunks and drops stale results, and the
 * client ignores any message whose generation is not the latest it sent.
 */
import type { StepInspection } from '../core/inspect.ts';
import type { StepCost } from '../core/index.ts';
import type { NeuralNetSliceParts } from '../core/nn/public.ts';
import type { Domain, RunSpec, Trajectory } from '../core/types.ts';

/** How a surface is named across the thread boundary (a Surface record cannot be cloned). */
export type SurfaceRef =
  | { readonly kind: 'builtin'; readonly id: string }
  | { readonly kind: 'bowl'; readonly condition: number }
  | { readonly kind: 'custom'; readonly expression: string; readonly domain: Domain };

/** A RunSpec whose surface is a cloneable reference. */
export type WireRunSpec = Omit<RunSpec, 'surface'> & { readonly surface: SurfaceRef };

export interface RunRequest {
  readonly runId: string;
  readonly spec: WireRunSpec;
}

export interface FieldRequest {
  /** Caller's key for this field (e.g. the pane index or a surface key). */
  readonly key: string;
  readonly surface: SurfaceRef;
  /** Samples per side (default 256). */
  readonly resolution: number;
}

/**
 * A chunk's evaluation counts (core's Trajectory explains them): by the run's fixed cost per step, which
 * gives every point's counts (core's writeStepCounts) without sending two arrays, or listed point by
 * point (transferred) when the cost varies per step.
 */
export type ChunkCounts =
  | { readonly perStep: StepCost }
  | { readonly lossEvaluations: Float64Array; readonly gradientEvaluations: Float64Array };

/** Main thread → worker. */
export type Request =
  | {
      readonly type: 'compute';
      readonly generation: number;
      readonly runs: readonly RunRequest[];
      /** Height fields to (re)compute; omit those whose surface did not change. */
      readonly fields: readonly FieldRequest[];
    }
  | { readonly type: 'cancel'; readonly generation: number }
  /**
   * Inspect step `step` of one run (inspectHandler.ts). It carries the generation it was asked in,
   * but stands outside them: it cancels nothing and is answered by `id` whatever came since.
   */
  | { readonly type: 'inspect'; readonly generation: number; readonly id: number; readonly spec: WireRunSpec; readonly step: number }
  /**
   * A neural-net slice built elsewhere (the slice pool): references to `id` are rebuilt from
   * these parts from now on instead of training the network again (surfaceRef.ts). Outside
   * the generations too; the client sends every registered slice again to a restarted worker.
   */
  | { readonly type: 'slice'; readonly id: string; readonly parts: NeuralNetSliceParts };

/** Worker → main thread. */
export type Response =
  | {
      readonly type: 'field';
      readonly generation: number;
      readonly key: string;
      readonly resolution: number;
      readonly domain: Domain;
      /** resolution × resolution losses, row-major (row = y index from y.min). Transferred. */
      readonly heights: Float32Array;
      readonly min: number;
      readonly max: number;
    }
  | ({
      /**
       * The next points of one run, [offset, offset + x.length), with the counts at each point and how the
       * run stands (core's Trajectory but its length and counts: startLoss, diverged, divergedAt, stopReason,
       * leftDomainAt). Buffers are transferred.
       */
      readonly type: 'chunk';
      readonly generation: number;
      readonly runId: string;
      /** Total points the run will have if it does not diverge (steps + 1): lets the receiver preallocate. */
      readonly capacity: number;
      readonly offset: number;
      /** Full-batch gradient norm at each point (for the chart and overlays). */
      readonly gradNorm: Float64Array;
      readonly done: boolean;
      readonly counts: ChunkCounts;
    } & Omit<Trajectory, 'length' | 'lossEvaluations' | 'gradientEvaluations'>)
  | {
      readonly type: 'done';
      readonly generation: number;
      /** Optimizer steps computed for this generation and the worker time they took. */
      readonly steps: number;
      readonly elapsedMs: number;
    }
  | {
      /** A run or field could not be computed (bad spec, thrown exception); plain words for the user. */
      readonly type: 'error';
      readonly generation: number;
      readonly runId: string | null;
      /** The field key when a height field (not a run) failed. */
      readonly fieldKey?: string;
      readonly message: string;
    }
  | {
      /**
       * The worker itself failed outside any run (an uncaught exception or rejection).
       * The client treats it like a crash: restart the worker and re-send the setup.
       */
      readonly type: 'fatal';
      readonly message: string;
    }
  | InspectResponse;

export type ComputeRequest = Extract<Request, { readonly type: 'compute' }>;
export type InspectRequest = Extract<Request, { readonly type: 'inspect' }>;

/** Worker → main thread: the answer to one inspect request (inspection, or plain words why not). */
export type InspectResponse = { readonly type: 'inspection'; readonly generation: number; readonly id: number } & ({ readonly inspection: StepInspection; readonly message: null } | { readonly inspection: null; readonly message: string });

/** Samples per side of a height field unless a request asks otherwise. */
export const DEFAULT_FIELD_RESOLUTION = 256;
