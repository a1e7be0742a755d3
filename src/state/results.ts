/**
 * Computed results, kept OUTSIDE the zustand store and React state: the worker
 * client writes chunks here as they arrive; the scene reads them every frame
 * (getResults()), and slow UI (legend, chart) subscribes and throttles itself.
 * Nothing here triggers a React render per step or per frame.
 */
import { writeStepCounts, type StepCost } from '../core/index.ts';
import type { StopReason } from '../core/types.ts';
import type { Response } from '../worker/protocol.ts';

export type RunStatus = 'computing' | 'done' | 'diverged' | 'error';

export interface RunResult {
  readonly runId: string;
  /** Generation of the request these points belong to. */
  generation: number;
  /** Preallocated to `capacity` points (steps + 1); `length` are valid. */
  x: Float64Array;
  y: Float64Array;
  loss: Float64Array;
  gradNorm: Float64Array;
  /**
   * Cumulative evaluations up to each point, in full-data units (core's Trajectory explains the counting),
   * valid below `length`. Where the run's cost per step is fixed they are written when first read.
   */
  readonly lossEvaluations: Float64Array;
  readonly gradientEvaluations: Float64Array;
  /** Passes over the data up to each point (examples seen ÷ N): lossEvaluations + gradientEvaluations. */
  readonly epochs: Float64Array;
  capacity: number;
  length: number;
  status: RunStatus;
  /** True when the run stopped early (ran away or broke down); see stopReason. */
  diverged: boolean;
  /** Step at which the run diverged, or -1. */
  divergedAt: number;
  stopReason: StopReason;
  /** The first step outside the surface's domain, or -1. */
  leftDomainAt: number;
  /** The loss at the start, even when not finite (then length is 0). */
  startLoss: number;
  /** Error text when status is 'error'. */
  message: string | null;
}

/**
 * A run's three count arrays. Chunks either list the counts (copied in) or give the run's fixed cost per
 * step; then the arrays are allocated and written only when something reads them (the chart's x axis in
 * gradients or epochs), up to the run's length.
 */
class RunCounts {
  private cost: StepCost | null = null;
  /** Entries below this are written. */
  private written = 0;
  private arrays: { loss: Float64Array; gradient: Float64Array; epochs: Float64Array } | null = null;

  constructor(
    private readonly capacity: number,
    private readonly length: () => number,
  ) {}

  /** Record chunk `counts` for points [offset, end). */
  apply(counts: ChunkInput['counts'], offset: number, end: number): void {
    if (offset === 0) this.written = 0;
    if ('perStep' in counts) {
      // Nothing to copy: the points from `written` on are written by this cost when read.
      this.cost = counts.perStep;
      return;
    }
    this.cost = null;
    const { loss, gradient, epochs } = this.allocated();
    const count = end - offset;
    loss.set(counts.lossEvaluations.subarray(0, count), offset);
    gradient.set(counts.gradientEvaluations.subarray(0, count), offset);
    // Every evaluation, loss-only or gradient, reads its share of the data.
    for (let i = offset; i < end; i++) epochs[i] = loss[i] + gradient[i];
    this.written = Math.max(this.written, end);
  }

  read(): { loss: Float64Array; gradient: Float64Array; epochs: Float64Array } {
    const arrays = this.allocated();
    const length = this.length();
    if (this.cost !== null && this.written < length) this.fill(this.written, length);
    return arrays;
  }

  private fill(from: number, to: number): void {
    const { loss, gradient, epochs } = this.allocated();
    const end = Math.min(to, this.capacity);
    if (this.cost !== null) writeStepCounts(this.cost, from, end, loss, gradient);
    for (let k = from; k < end; k++) epochs[k] = loss[k] + gradient[k];
    this.written = Math.max(this.written, end);
  }

  private allocated(): { loss: Float64Array; gradient: Float64Array; epochs: Float64Array } {
    this.arrays ??= { loss: new Float64Array(this.capacity), gradient: new Float64Array(this.capacity), epochs: new Float64Array(this.capacity) };
    return this.arrays;
  }
}

/** A run as Results keeps it: its counts' bookkeeping beside the fields every reader sees. */
type StoredRun = RunResult & { readonly counts: RunCounts };

/** A run with no points yet, buffers for `capacity` points. */
function emptyRun(runId: string, generation: number, capacity: number, status: RunStatus, message: string | null): StoredRun {
  const buffer = () => new Float64Array(capacity);
  const run: StoredRun = {
    runId,
    generation,
    x: buffer(),
    y: buffer(),
    loss: buffer(),
    gradNorm: buffer(),
    counts: new RunCounts(capacity, () => run.length),
    get lossEvaluations() {
      return run.counts.read().loss;
    },
    get gradientEvaluations() {
      return run.counts.read().gradient;
    },
    get epochs() {
      return run.counts.read().epochs;
    },
    capacity,
    length: 0,
    status,
    diverged: false,
    divergedAt: -1,
    stopReason: 'none',
    leftDomainAt: -1,
    startLoss: Number.NaN,
    message,
  };
  return run;
}


/** A height field as the worker protocol carries it (without its message tag and generation). */
export type HeightField = Omit<Extract<Response, { readonly type: 'field' }>, 'type' | 'generation'> & {
  /** Increments whenever this key receives a new field. */
  readonly revision: number;
};

/** One streamed chunk as the worker protocol carries it (without its message tag). */
export type ChunkInput = Omit<Extract<Response, { readonly type: 'chunk' }>, 'type'>;

type Listener = () => void;

/** Mutable result buffers plus a revision counter; one instance per app (and per test). */
/** Delete the entries of `map` whose key is not in `keep`; true when any went. */
function retain(map: Map<string, unknown>, keep: ReadonlySet<string>): boolean {
  let removed = false;
  for (const key of [...map.keys()]) {
    if (!keep.has(key)) removed = map.delete(key) || removed;
  }
  return removed;
}

export class Results {
  readonly runs = new Map<string, StoredRun>();
  readonly fields = new Map<string, HeightField>();
  /** Increments on every change; readers compare it to skip work. */
  revision = 0;
  /** performance.now() of the last applied chunk (for latency figures). */
  lastWriteAt = 0;
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Write one streamed chunk into the run's buffers, growing them only when the capacity grows. */
  applyChunk(chunk: ChunkInput): void {
    let run = this.runs.get(chunk.runId);
    if (!run || run.capacity < chunk.capacity) {
      run = emptyRun(chunk.runId, chunk.generation, chunk.capacity, 'computing', null);
      this.runs.set(chunk.runId, run);
    }
    run.generation = chunk.generation;
    run.capacity = chunk.capacity;
    const end = Math.min(chunk.offset + chunk.x.length, run.x.length);
    const count = end - chunk.offset;
    if (count > 0) {
      run.x.set(chunk.x.subarray(0, count), chunk.offset);
      run.y.set(chunk.y.subarray(0, count), chunk.offset);
      run.loss.set(chunk.loss.subarray(0, count), chunk.offset);
      run.gradNorm.set(chunk.gradNorm.subarray(0, count), chunk.offset);
      run.counts.apply(chunk.counts, chunk.offset, end);
    }
    run.length = Math.max(chunk.offset === 0 ? 0 : run.length, end);
    run.status = chunk.diverged ? 'diverged' : chunk.done ? 'done' : 'computing';
    run.diverged = chunk.diverged;
    run.divergedAt = chunk.divergedAt;
    run.stopReason = chunk.stopReason;
    run.leftDomainAt = chunk.leftDomainAt;
    run.startLoss = chunk.startLoss;
    run.message = null;
    this.changed();
  }

  setRunError(runId: string, generation: number, message: string): void {
    const run = this.runs.get(runId);
    if (run) {
      run.generation = generation;
      run.length = 0;
      run.status = 'error';
      run.message = message;
    } else {
      this.runs.set(runId, emptyRun(runId, generation, 0, 'error', message));
    }
    this.changed();
  }

  setField(field: Omit<HeightField, 'revision'>): void {
    const previous = this.fields.get(field.key);
    this.fields.set(field.key, { ...field, revision: (previous?.revision ?? 0) + 1 });
    this.changed();
  }

  /** Drop runs that are no longer in the setup. */
  retainRuns(runIds: ReadonlySet<string>): void {
    if (retain(this.runs, runIds)) this.changed();
  }

  /** Drop height fields whose key is no longer shown (a pane was removed). */
  retainFields(keys: ReadonlySet<string>): void {
    if (retain(this.fields, keys)) this.changed();
  }

  /** Mark every run of an older generation as computing again (a new request is under way). */
  markComputing(runIds: Iterable<string>): void {
    for (const id of runIds) {
      const run = this.runs.get(id);
      if (run && run.status !== 'error') run.status = 'computing';
    }
    this.changed();
  }

  private changed(): void {
    this.revision++;
    this.lastWriteAt = typeof performance !== 'undefined' ? performance.now() : Date.now();
    for (const listener of this.listeners) listener();
  }
}
