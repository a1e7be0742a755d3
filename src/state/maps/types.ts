/**
 * Basin and hyper-parameter maps, as the store and the views see them: per map
 * kind whether it is open, for which run, how far it has got (the maps slice),
 * and the cells of a whole map (kept outside the store, in MapResults).
 */
import type { Domain, OptimizerId } from '../../core/index.ts';
import type { MapKind, WireBasinSpec, WireHyperSpec } from '../../worker/mapProtocol.ts';
import type { NeuralNetSetup } from '../setup.ts';

export type { MapKind } from '../../worker/mapProtocol.ts';

export type MapStatus = 'idle' | 'queued' | 'computing' | 'done' | 'cancelled' | 'error';

export interface MapSlotState {
  /** True while the map is wanted: it is shown and follows setup changes. */
  readonly open: boolean;
  /** The run whose optimizer and settings it maps (null: the selected or first run). */
  readonly runId: string | null;
  readonly status: MapStatus;
  readonly tilesDone: number;
  readonly tilesTotal: number;
  /** Plain words when something went wrong or the map cannot be made for this run. */
  readonly message: string | null;
  /** Wall time, steps and summed worker time of the job so far (ms). */
  readonly elapsedMs: number;
  readonly stepsComputed: number;
  readonly workerMs: number;
  /** Bumped whenever MapResults for this kind changes (new job, tile, clear). */
  readonly revision: number;
}

/** The store's `maps` field. */
export interface MapsState {
  readonly basin: MapSlotState;
  readonly hyper: MapSlotState;
  /** Cells per side of the basin map (one of BASIN_RESOLUTIONS). */
  readonly basinResolution: number;
}

/** The neural-net slice being built on the pool (or last built). */
export interface SliceBuildState {
  /** The slice's id (core's neuralNetSliceId), null before any. */
  readonly id: string | null;
  readonly status: 'idle' | 'building' | 'done' | 'cancelled' | 'error';
  readonly bandsDone: number;
  readonly bandsTotal: number;
  /** Wall time since the build started (ms). */
  readonly elapsedMs: number;
  /** Worker time spent so far, summed over workers (ms): the training, then the bands. */
  readonly workerMs: number;
  readonly message: string | null;
}

export interface MapsSlice {
  readonly maps: MapsState;
  readonly neuralSlice: SliceBuildState;
  /** Show another network slice (data set, directions): panes showing it start afresh, as a new surface does. */
  setNeuralNet(choice: Partial<NeuralNetSetup>): void;
  cancelSliceBuild(): void;
  retrySliceBuild(): void;
  /** The surface menu opened: start the slice pool's workers before a neural-net slice is chosen. */
  prewarmSliceBuild(): void;
  /** Open (or recompute) a map for `runId` (default: the run it had, else the selected run, else the first). */
  openMap(kind: MapKind, runId?: string | null): void;
  /** Stop computing; keeps the cells computed so far. The map stays open: the next relevant setup change computes it again. */
  cancelMap(kind: MapKind): void;
  /** Close a map: cancel it and forget its cells. */
  closeMap(kind: MapKind): void;
  setBasinResolution(resolution: number): void;
}

/** A whole basin map's cells, row-major (row = y index from y.min). */
export interface BasinData {
  readonly kind: 'basin';
  readonly spec: WireBasinSpec;
  readonly pane: number;
  readonly domain: Domain;
  readonly resolution: number;
  /** Known minima of the surface (the outcome codes index them). */
  readonly minima: readonly (readonly [number, number])[];
  /** Whether each minimum is as low as the lowest (global), for the legend. */
  readonly global: readonly boolean[];
  readonly outcome: Uint8Array;
  readonly stepsToTolerance: Int32Array;
  /** 1 where a cell has arrived. */
  readonly filled: Uint8Array;
}

/** A whole hyper-parameter map's cells, row-major (row = axis index from paramMin, column = lr index from lrMin). */
export interface HyperData {
  readonly kind: 'hyper';
  readonly spec: WireHyperSpec;
  /** The optimizer the person picked (SGD is mapped as momentum). */
  readonly sourceOptimizer: OptimizerId;
  readonly runId: string;
  readonly outcome: Uint8Array;
  readonly stepsToTolerance: Int32Array;
  readonly finalLoss: Float64Array;
  /** The global minimum's loss, to show the gap above it. */
  readonly bestLoss: number;
  /** The loss at the start: cells that end no lower are the worst color. */
  readonly startLoss: number;
  readonly filled: Uint8Array;
}
