/**
 * What the engine client (client.ts) offers and reports: its options, its interface, and the
 * shapes of what it hands to the results and the store.
 */
import type { NeuralNetSliceParts, StepInspection } from '../core/index.ts';
import type { FieldRequest, Request, Response, RunRequest, WireRunSpec } from './protocol.ts';
import type { WorkerLike } from './threads.ts';

type ChunkMessage = Extract<Response, { readonly type: 'chunk' }>;
type FieldMessage = Extract<Response, { readonly type: 'field' }>;

/** Where results go (state/results.ts's Results satisfies this; the worker layer cannot import state). */
export interface ResultSink {
  applyChunk(chunk: ChunkMessage): void;
  setField(field: Omit<FieldMessage, 'type' | 'generation'>): void;
  setRunError(runId: string, generation: number, message: string): void;
  markComputing(runIds: Iterable<string>): void;
}

/** How the engine is doing; the store keeps the last one reported (its `workerStatus`). */
export type EngineStatus = 'starting' | 'computing' | 'ready' | 'restarting' | 'failed';

export interface EngineError {
  readonly generation: number;
  /** The run that failed, or null for a height field or the engine itself. */
  readonly runId: string | null;
  readonly message: string;
}

export interface EngineDone {
  readonly generation: number;
  readonly steps: number;
  readonly elapsedMs: number;
}

export interface EngineClientOptions {
  readonly results: ResultSink;
  /** Status changes; `message` is plain words for the user when something went wrong, else null. */
  readonly onStatus?: (status: EngineStatus, message: string | null) => void;
  /** A run or field of the latest generation failed (bad spec, exception). */
  readonly onError?: (error: EngineError) => void;
  /** The latest generation finished. */
  readonly onDone?: (done: EngineDone) => void;
  /** Defaults to the module worker; when `Worker` is missing, the handler runs in-thread. */
  readonly workerFactory?: () => WorkerLike<Request>;
  /** Crashes in a row (without a finished generation between them) after which the client gives up. Default 3. */
  readonly maxConsecutiveRestarts?: number;
  /**
   * Extra engine workers that take a share of the runs of a large request (one of at least
   * HELPER_MIN_STEPS steps in all), so that it uses more than one core. Default 0; the app
   * passes defaultHelperCount(). Fields and inspections stay with the first worker.
   */
  readonly helpers?: number;
}

/** What the caller wants computed: every run, and every height field the view needs. */
export interface ComputeInput {
  readonly runs: readonly RunRequest[];
  /** All fields the view shows; the client sends only those not already delivered for the same surface. */
  readonly fields: readonly FieldRequest[];
}

export interface EngineClient {
  /** Post a new generation at once and return its number; older generations are dropped. */
  compute(input: ComputeInput): number;
  /** The latest generation posted (0 before the first). */
  readonly generation: number;
  /** True when computing on the main thread (no Worker available). */
  readonly inThread: boolean;
  /** Replace the worker with a fresh one and re-send the latest setup, fields included. */
  restart(reason?: string): void;
  /** Kill the worker the way a crash would, so the recovery path runs (tests and e2e). */
  terminateForTest(): void;
  /** Step `step` of the run `spec`, inspected by the engine (core's inspectStep); rejects with plain words. */
  inspect(spec: WireRunSpec, step: number): Promise<StepInspection>;
  /**
   * Give the engine a neural-net slice built on the pool: it rebuilds the slice from these
   * parts instead of training it again. Kept and sent again to every restarted worker.
   */
  registerSlice(id: string, parts: NeuralNetSliceParts): void;
  /** Stop for good. */
  dispose(): void;
}
