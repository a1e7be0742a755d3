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
import type { NeuralNetSliceParts } from '../core/index.ts';
import type { ComputeInput, EngineClient, EngineClientOptions, EngineStatus } from './clientTypes.ts';
import { HELPER_MIN_STEPS, splitRuns } from './helpers.ts';
import { createInspections } from './inspectClient.ts';
import type { ComputeRequest, FieldRequest, Request, Response } from './protocol.ts';
import { engineModuleWorker, hasWorker, inThreadWorker, type WorkerLike } from './threads.ts';

export type { ComputeInput, EngineClient, EngineClientOptions, EngineDone, EngineError, EngineStatus, ResultSink } from './clientTypes.ts';
export { defaultHelperCount, HELPER_MIN_STEPS, splitRuns } from './helpers.ts';

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
  const helperCount = Math.max(0, Math.floor(options.helpers ?? 0));
  /** Helper workers, started on the first large request; `busy` while one holds work of a generation that may still run. */
  const helpers: { worker: WorkerLike<Request>; busy: boolean }[] = [];
  /** Workers of the latest generation whose `done` has not arrived, and what the others reported. */
  let awaitingDone = 0;
  let doneSteps = 0;
  let doneMs = 0;
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

  function current(target: WorkerLike<Request>): boolean {
    return target === worker || helpers.some((helper) => helper.worker === target);
  }

  function attach(target: WorkerLike<Request>): void {
    target.onmessage = (event) => {
      if (current(target)) receive(event.data as Response, target);
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

  function post(request: Request, to?: WorkerLike<Request>): void {
    const target = to ?? worker ?? (worker = spawn());
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
    const totalSteps = input.runs.reduce((sum, run) => sum + run.spec.steps, 0);
    const shares = helperCount > 0 && !inThread && input.runs.length > 1 && totalSteps >= HELPER_MIN_STEPS ? splitRuns(input.runs, helperCount + 1) : [input.runs];
    worker ??= spawn();
    while (helpers.length < shares.length - 1) helpers.push({ worker: spawn(), busy: false });
    doneSteps = 0;
    doneMs = 0;
    awaitingDone = 1;
    post({ type: 'compute', generation, runs: shares[0], fields } satisfies ComputeRequest);
    helpers.forEach((helper, index) => {
      const share = shares[index + 1] ?? [];
      if (share.length > 0) {
        awaitingDone++;
        helper.busy = true;
        post({ type: 'compute', generation, runs: share, fields: [] } satisfies ComputeRequest, helper.worker);
      } else if (helper.busy) {
        // Whatever it still computes is stale.
        helper.busy = false;
        post({ type: 'cancel', generation }, helper.worker);
      }
    });
    return generation;
  }

  function receive(message: Response, from: WorkerLike<Request>): void {
    if (message.type === 'fatal') {
      crashed(from, message.message);
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
      case 'done': {
        const helper = helpers.find((candidate) => candidate.worker === from);
        if (helper) helper.busy = false;
        doneSteps += message.steps;
        doneMs = Math.max(doneMs, message.elapsedMs);
        if (--awaitingDone > 0) break;
        consecutiveCrashes = 0;
        setStatus('ready', null);
        options.onDone?.({ generation: message.generation, steps: doneSteps, elapsedMs: doneMs });
        break;
      }
    }
  }

  /** Stop the helpers; the next large request starts new ones. */
  function dropHelpers(): void {
    for (const helper of helpers.splice(0)) helper.worker.terminate();
  }

  function replaceWorker(): void {
    inspections.dropAll('the engine restarted');
    worker?.terminate();
    worker = null;
    dropHelpers();
    deliveredFields.clear();
    worker = spawn();
  }

  function crashed(target: WorkerLike<Request>, reason: string): void {
    if (disposed || !current(target)) return;
    consecutiveCrashes++;
    if (consecutiveCrashes > maxRestarts) {
      worker?.terminate();
      worker = null;
      dropHelpers();
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
      if (!disposed) for (const helper of helpers) post({ type: 'slice', id, parts }, helper.worker);
    },
    dispose() {
      inspections.dropAll('the engine has stopped');
      disposed = true;
      worker?.terminate();
      worker = null;
      dropHelpers();
    },
  };
}
