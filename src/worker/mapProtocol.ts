/**
 * The message protocol between the map pool (pool.ts, main thread) and each map
 * worker (map.worker.ts). Separate from the engine worker's protocol: a map worker
 * is stateless, computes one tile per request and answers with that tile's cells
 * as transferred typed arrays.
 *
 * Every request carries the whole job (spec and surface reference), so any worker
 * can take any tile; surfaces are cached per worker by reference (surfaceRef.ts).
 */
import type { BasinMapSpec, GridTile, HyperMapSpec, LearningRateTrial, NeuralNetSliceOptions } from '../core/index.ts';
import type { SliceBasis, SliceLandscape } from '../core/surfaces/neuralNet/slice.ts';
import type { SurfaceRef, WireRunSpec } from './protocol.ts';

/** A basin-map spec whose surface is a cloneable reference. */
export type WireBasinSpec = Omit<BasinMapSpec, 'surface'> & { readonly surface: SurfaceRef };
/** A hyper-parameter-map spec whose surface is a cloneable reference. */
export type WireHyperSpec = Omit<HyperMapSpec, 'surface'> & { readonly surface: SurfaceRef };

/**
 * Learning rates to score for "Tune η" (core's evaluateLearningRates): tile k scores
 * `lrs[k]` on `spec` within `budget` gradient evaluations (null: the spec's own, steps × B/N).
 */
export interface WireTuneJob {
  readonly kind: 'tune';
  readonly spec: WireRunSpec;
  readonly lrs: readonly number[];
  readonly budget: number | null;
}

/** One whole map to compute, tile by tile. */
export type MapJob = { readonly kind: 'basin'; readonly spec: WireBasinSpec } | { readonly kind: 'hyper'; readonly spec: WireHyperSpec };

export type MapKind = MapJob['kind'];

/**
 * A neural-net slice built on the pool, in two jobs. 'slice-train' is one tile:
 * one worker trains the network and answers with the slice's basis (θ*, d₁, d₂,
 * domain, training path). 'slice-field' carries that basis to every worker: each
 * tile is a band of rows of the height field (GridTile rows; columns span the
 * field), computed without training; tile 0 also searches the landscape for the
 * slice's minima and lesson.
 */
export interface SliceTrainJob {
  readonly kind: 'slice-train';
  readonly spec: { readonly options: Required<NeuralNetSliceOptions> };
}
export interface SliceFieldJob {
  readonly kind: 'slice-field';
  readonly spec: { readonly basis: SliceBasis; readonly resolution: number };
}

/** Any job the pool runs tile by tile: a map, a learning-rate search or a neural-net slice's height field. */
export type PoolJob = MapJob | WireTuneJob | SliceTrainJob | SliceFieldJob;

/** Main thread → map worker: compute this tile of this job. */
export interface MapTileRequest {
  readonly type: 'tile';
  readonly jobId: number;
  readonly job: PoolJob;
  readonly tile: GridTile;
}

/**
 * Main thread → map worker: drop every tile of jobs up to and including `jobId`
 * that has not started yet. The worker starts each tile as a separate task, so a
 * cancel that arrived while it computed one tile is seen before the next starts.
 */
export interface MapCancelRequest {
  readonly type: 'cancel';
  readonly jobId: number;
}

export type MapRequest = MapTileRequest | MapCancelRequest;

/** Map worker → main thread. */
export type MapResponse =
  | {
      readonly type: 'tile';
      readonly jobId: number;
      readonly tileIndex: number;
      /** Outcome per cell, row-major within the tile: minimum index, MAP_NOT_CONVERGED or MAP_DIVERGED. Transferred. */
      readonly outcome: Uint8Array;
      /** Step each cell first got within tolerance of its minimum, −1 for none. Transferred. */
      readonly stepsToTolerance: Int32Array;
      /** Hyper maps only: loss after the last step (NaN when diverged). Transferred. */
      readonly finalLoss: Float64Array | null;
      /** Tune jobs only: the scored learning rate of this tile (its cell arrays are empty). */
      readonly trials?: readonly LearningRateTrial[];
      /** Slice-train jobs: what training found. */
      readonly basis?: SliceBasis;
      /** Slice-field jobs: the band's losses, row-major (transferred), and with tile 0 the slice's minima and lesson. */
      readonly heights?: Float32Array;
      readonly landscape?: SliceLandscape;
      /** Optimizer steps computed for the tile and the worker time they took. */
      readonly stepsComputed: number;
      readonly elapsedMs: number;
    }
  | {
      /** The tile was dropped unstarted after a cancel (every tile request gets exactly one answer, in order). */
      readonly type: 'dropped';
      readonly jobId: number;
      readonly tileIndex: number;
    }
  | {
      /** The tile could not be computed (bad spec, unknown surface, exception); plain words. */
      readonly type: 'error';
      readonly jobId: number;
      readonly tileIndex: number;
      readonly message: string;
    };

export type MapTileResponse = Extract<MapResponse, { readonly type: 'tile' }>;
