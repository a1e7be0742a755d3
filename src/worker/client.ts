/**
 * The main-thread side of the engine: owns the module worker, numbers requests
 * by generation, writes what comes back into the result buffers, and restarts
 * the worker when it fails, re-sending the latest setup so nothing is lost.
 *
 * Backlog: every compute() is posted at once, and the worker starts only the
 * newest of the requests queued while it was busy (handler.ts); chunks of older
 * generations are dropped here too. So scrubbing a slider at 100+ events/s keeps
 * the screen on the latest value, never on a queue of old ones.
 *
 * When `Worker` does not exist (Node tests) or cannot be created (a blocked
 * script), the same handler runs on this thread, slice by slice.
 */
import { createHandler } from './handler.ts';
import { describeError } from './plainWords.ts';
import type { NeuralNetSliceParts, StepInspection } from '../core/index.ts';
import { createInspections } from './inspectClient.ts';
import type { ComputeRequest, FieldRequest, Request, Response, RunRequest, WireRunSpec } from './protocol.ts';
import { engineModuleWorker, hasWorker, inThreadWorker, type WorkerLike } from './threads.ts';

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

const DEFAULT_MAX_RESTARTS = 3;

/** The engine handler on this thread, slice by slice; terminating it cancels every generation. */
function inThreadEngine(): WorkerLike<Request> {
  return inThreadWorker<Request, Response>(createHandler, { onTerminate: { type: 'cancel', generation: Number.MAX_SAFE_INTEGER } });
}

function fieldSignature(field: FieldRequest): string {
  return JSON.stringify([field.surface, field.resolution]);
}


export function createEngineClient(options: EngineClientOptions): EngineClient {
  const { results } = options;
  const maxRestarts = options.maxConsecutiveRestarts ?? DEFAULT_MAX_RESTARTS;
  const factory = options.workerFactory ?? (hasWorker() ? engineModuleWorker : inThreadEngine);
  let inThread = !options.workerFactory && !hasWorker();

  let worker: WorkerLike<Request> | null = null;
  let generation = 0;
  let latest: ComputeInput | null = null;
  /** Field signatures sent in the latest generation, by key. */
  let sentFields = new Map<string, string>();
  /** Field signatures already delivered (or failed) by key: not sent again until the surface changes. */
  const deliveredFields = new Map<string, string>();
  let consecutiveCrashes = 0;
  let status: EngineStatus = 'starting';
  let statusMessage: string | null = null;
  let disposed = false;
  const inspections = createInspections();
  /** Slices registered with the engine (registerSlice), sent to every worker it starts. */
  const slices = new Map<string, NeuralNetSliceParts>();

  function setStatus(next: EngineStatus, message: string | null): void {
    if (next === status && message === statusMessage) return;
    status = next;
    statusMessage = message;
    options.onStatus?.(next, message);
  }

  function attach(target: WorkerLike<Request>): void {
    target.onmessage = (event) => {
      if (target === worker) receive(event.data as Response);
    };
    target.onerror = (event) => {
      event.preventDefault?.();
      crashed(target, event.message || 'an error inside the engine');
    };
    target.onmessageerror = () => crashed(target, 'a message could not be read');
  }

  /** A fresh worker learns every registered slice before anything else. */
  function introduce(target: WorkerLike<Request>): WorkerLike<Request> {
    for (const [id, parts] of slices) target.postMessage({ type: 'slice', id, parts }, []);
    return target;
  }

  function spawn(): WorkerLike<Request> {
    try {
      const created = inThread ? inThreadEngine() : factory();
      attach(created);
      return introduce(created);
    } catch (error) {
      // A worker that cannot even start (blocked script, missing support): compute here instead.
      inThread = true;
      const local = inThreadEngine();
      attach(local);
      setStatus(status, `Could not start the background engine (${describeError(error)}); computing on the page instead, which may feel slower.`);
      return introduce(local);
    }
  }

  function post(request: Request): void {
    const target = worker ?? (worker = spawn());
    try {
      target.postMessage(request, []);
    } catch (error) {
      crashed(target, `a request could not be sent: ${describeError(error)}`);
    }
  }

  function send(input: ComputeInput): number {
    generation++;
    const fields = input.fields.filter((field) => deliveredFields.get(field.key) !== fieldSignature(field));
    sentFields = new Map(fields.map((field) => [field.key, fieldSignature(field)]));
    results.markComputing(input.runs.map((run) => run.runId));
    setStatus('computing', statusMessage);
    const request: ComputeRequest = { type: 'compute', generation, runs: input.runs, fields };
    post(request);
    return generation;
  }

  function receive(message: Response): void {
    if (message.type === 'fatal') {
      if (worker) crashed(worker, message.message);
      return;
    }
    if (message.type === 'inspection') return inspections.receive(message);
    if (message.generation !== generation) return;
    switch (message.type) {
      case 'chunk':
        results.applyChunk(message);
        break;
      case 'field': {
        const { type: _type, generation: _generation, ...field } = message;
        results.setField(field);
        const signature = sentFields.get(message.key);
        if (signature !== undefined) deliveredFields.set(message.key, signature);
        break;
      }
      case 'error': {
        if (message.runId !== null) results.setRunError(message.runId, message.generation, message.message);
        if (message.fieldKey !== undefined) {
          const signature = sentFields.get(message.fieldKey);
          if (signature !== undefined) deliveredFields.set(message.fieldKey, signature);
        }
        options.onError?.({ generation: message.generation, runId: message.runId, message: message.message });
        break;
      }
      case 'done':
        consecutiveCrashes = 0;
        setStatus('ready', null);
        options.onDone?.({ generation: message.generation, steps: message.steps, elapsedMs: message.elapsedMs });
        break;
    }
  }

  function replaceWorker(): void {
    inspections.dropAll('the engine restarted');
    worker?.terminate();
    worker = null;
    deliveredFields.clear();
    worker = spawn();
  }

  function crashed(target: WorkerLike<Request>, reason: string): void {
    if (disposed || target !== worker) return;
    consecutiveCrashes++;
    if (consecutiveCrashes > maxRestarts) {
      target.terminate();
      worker = null;
      if (!inThread && !options.workerFactory) {
        // The worker script itself keeps failing (it may not load at all): compute on the page instead.
        inThread = true;
        consecutiveCrashes = 0;
        setStatus('restarting', `The background engine kept stopping (${reason}); computing on the page instead, which may feel slower.`);
        deliveredFields.clear();
        worker = inThreadEngine();
        attach(worker);
        introduce(worker);
        if (latest) send(latest);
        return;
      }
      setStatus('failed', `The engine stopped unexpectedly (${reason}) ${consecutiveCrashes} times in a row, so it was not restarted. Reload the page to try again.`);
      return;
    }
    restart(`The engine stopped unexpectedly (${reason}). Restarted it and recomputed your setup.`);
  }

  function restart(reason?: string): void {
    if (disposed) return;
    setStatus('restarting', reason ?? statusMessage);
    replaceWorker();
    if (latest) send(latest);
  }

  return {
    compute(input) {
      latest = input;
      if (disposed) return generation;
      return send(input);
    },
    get generation() {
      return generation;
    },
    get inThread() {
      return inThread;
    },
    restart,
    terminateForTest() {
      const target = worker;
      if (!target) return;
      target.terminate();
      crashed(target, 'it was terminated for a test');
    },
    inspect(spec, step) {
      if (disposed) return Promise.reject(new Error('the engine has stopped'));
      const { id, answer } = inspections.open();
      post({ type: 'inspect', generation, id, spec, step });
      return answer;
    },
    registerSlice(id, parts) {
      slices.set(id, parts);
      // A worker not started yet learns it when it starts (introduce).
      if (!disposed && worker) post({ type: 'slice', id, parts });
    },
    dispose() {
      inspections.dropAll('the engine has stopped');
      disposed = true;
      worker?.terminate();
      worker = null;
    },
  };
}
