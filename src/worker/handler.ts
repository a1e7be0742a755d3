/**
 * The engine worker's message handler: plain TypeScript with no worker globals,
 * so it runs under Node in tests and in-thread when `Worker` is missing.
 *
 * Scheduling. A compute request is not started inside onMessage: the start is
 * scheduled as a task, so when several requests queued up while the worker was
 * busy, only the newest is started (a slider scrubbed at 100+ events/s builds no
 * backlog). Work then runs in slices:
 *   1. the first round advances every run by up to FIRST_CHUNK_STEPS and posts
 *      each run's first chunk at once (8 runs × 2,000 steps finish here);
 *   2. the requested height fields;
 *   3. further rounds of CHUNK_STEPS per run until the slice has used SLICE_MS,
 *      posting a run's points whenever MAX_CHUNK_POINTS have gathered;
 * and between slices it yields through `schedule`, so a newer generation is seen
 * at once: the old job is dropped and never posts again.
 */
import { createRun, heightField, heightFieldRange } from '../core/index.ts';
import type { Run, Surface } from '../core/index.ts';
import type { ChunkCounts, ComputeRequest, FieldRequest, Request, Response, RunRequest, SurfaceRef } from './protocol.ts';
import { DEFAULT_FIELD_RESOLUTION } from './protocol.ts';
import { answerInspect } from './inspectHandler.ts';
import { describeError, plainSpecError } from './plainWords.ts';
import { registerSliceParts, resolveSurfaceRef, surfaceRefsReady } from './surfaceRef.ts';
import type { MessageHandler, Post } from './threads.ts';

/** Runs a task later (after the messages already queued); tests run tasks by hand. */
export type TaskScheduler = (task: () => void) => void;

export interface HandlerOptions {
  /** Clock in milliseconds (tests inject one to force slicing). */
  readonly now?: () => number;
  /** Work per slice before yielding, ms. */
  readonly sliceMs?: number;
}

/** Steps each run gets in the first round: 8 runs × 2,000 steps complete within it. */
export const FIRST_CHUNK_STEPS = 4096;
/** Steps per run per later round (the clock is read after each). */
export const CHUNK_STEPS = 4096;
/** A run posts its gathered points once this many are waiting (so long runs stream). */
export const MAX_CHUNK_POINTS = 16_384;
/** Work per slice before yielding to newer messages. */
export const SLICE_MS = 8;

const defaultNow = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * Yield to the event loop so queued messages run before the next slice. A
 * MessageChannel task runs without setTimeout's 1–4 ms clamping; where it is
 * missing, setTimeout(0) does the same job more slowly.
 */
export function defaultSchedule(): TaskScheduler {
  if (typeof MessageChannel === 'undefined') return (task) => void setTimeout(task, 0);
  const queue: (() => void)[] = [];
  let channel: MessageChannel | null = null;
  return (task) => {
    if (!channel) {
      channel = new MessageChannel();
      channel.port1.onmessage = () => queue.shift()?.();
      // Node: don't let an idle port keep the process alive.
      (channel.port1 as unknown as { unref?: () => void }).unref?.();
    }
    queue.push(task);
    channel.port2.postMessage(null);
  };
}

interface RunTask {
  readonly runId: string;
  readonly run: Run;
  readonly surface: Surface;
  /** Points already posted. */
  posted: number;
  finished: boolean;
}

interface Job {
  readonly generation: number;
  readonly tasks: RunTask[];
  readonly fields: FieldRequest[];
  firstRoundDone: boolean;
  /** Worker milliseconds spent on this generation. */
  elapsedMs: number;
}

function* surfaceRefsOf(request: ComputeRequest): Generator<SurfaceRef> {
  for (const run of request.runs) yield run.spec.surface;
  for (const field of request.fields) yield field.surface;
}

function ended(run: Run): boolean {
  return run.done || run.diverged;
}


export function createHandler(post: Post<Response>, schedule: TaskScheduler = defaultSchedule(), options: HandlerOptions = {}): MessageHandler<Request> {
  const now = options.now ?? defaultNow;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  /** Highest generation seen; anything older is ignored. */
  let latestGeneration = 0;
  /** The request waiting to start (the newest one). */
  let pending: ComputeRequest | null = null;
  let startScheduled = false;
  let current: Job | null = null;

  function postError(generation: number, runId: string | null, message: string, fieldKey?: string): void {
    post(fieldKey === undefined ? { type: 'error', generation, runId, message } : { type: 'error', generation, runId, message, fieldKey }, []);
  }

  function startTask(generation: number, request: RunRequest): RunTask | null {
    const resolved = resolveSurfaceRef(request.spec.surface);
    if (!resolved.ok) {
      postError(generation, request.runId, resolved.message);
      return null;
    }
    try {
      // createRun validates the spec, throwing an Error that starts with the offending field's name.
      return { runId: request.runId, run: createRun({ ...request.spec, surface: resolved.surface }, { recordGradientNorms: true }), surface: resolved.surface, posted: 0, finished: false };
    } catch (error) {
      postError(generation, request.runId, plainSpecError(describeError(error)));
      return null;
    }
  }

  /** Post the points of `task` gathered since its last chunk (copied out, then transferred). */
  function flush(job: Job, task: RunTask): void {
    const { run } = task;
    const from = task.posted;
    const to = run.length;
    const done = ended(run);
    // Nothing new, and the end (if reached) was already announced.
    if (to === from && (!done || task.finished)) return;
    const x = run.x.slice(from, to);
    const y = run.y.slice(from, to);
    const loss = run.loss.slice(from, to);
    const gradNorm = run.gradientNorms.slice(from, to);
    const transfer: ArrayBuffer[] = [x.buffer, y.buffer, loss.buffer, gradNorm.buffer];
    // A fixed cost per step gives every point's counts: two arrays fewer to copy, send and store.
    let counts: ChunkCounts;
    if (run.stepCost !== null) {
      counts = { perStep: run.stepCost };
    } else {
      const lossEvaluations = run.lossEvaluations.slice(from, to);
      const gradientEvaluations = run.gradientEvaluations.slice(from, to);
      counts = { lossEvaluations, gradientEvaluations };
      transfer.push(lossEvaluations.buffer, gradientEvaluations.buffer);
    }
    task.posted = to;
    post(
      {
        type: 'chunk',
        generation: job.generation,
        runId: task.runId,
        capacity: run.capacity,
        offset: from,
        x,
        y,
        loss,
        gradNorm,
        counts,
        done,
        diverged: run.diverged,
        divergedAt: run.divergedAt,
        stopReason: run.stopReason,
        leftDomainAt: run.leftDomainAt,
        startLoss: run.startLoss,
      },
      transfer,
    );
    if (done) task.finished = true;
  }

  /** Advance one run; a thrown exception ends that run with an error and leaves the others alone. */
  function advance(job: Job, task: RunTask, steps: number): void {
    try {
      task.run.advance(steps);
    } catch (error) {
      task.finished = true;
      postError(job.generation, task.runId, `This run stopped with an error: ${describeError(error)}.`);
    }
  }

  function computeField(job: Job, field: FieldRequest): void {
    try {
      const resolved = resolveSurfaceRef(field.surface);
      if (!resolved.ok) {
        postError(job.generation, null, resolved.message, field.key);
        return;
      }
      const resolution = field.resolution > 1 ? Math.floor(field.resolution) : DEFAULT_FIELD_RESOLUTION;
      const heights = heightField(resolved.surface, resolution);
      const { min, max } = heightFieldRange(heights);
      post({ type: 'field', generation: job.generation, key: field.key, resolution, domain: resolved.surface.domain, heights, min, max }, [heights.buffer]);
    } catch (error) {
      postError(job.generation, null, `The surface could not be drawn: ${describeError(error)}.`, field.key);
    }
  }

  function active(job: Job): RunTask[] {
    return job.tasks.filter((task) => !task.finished && !ended(task.run));
  }

  /** One slice of work; returns true when the job is complete. */
  function slice(job: Job): boolean {
    const started = now();
    if (!job.firstRoundDone) {
      for (const task of job.tasks) {
        advance(job, task, FIRST_CHUNK_STEPS);
        if (!task.finished) flush(job, task);
      }
      job.firstRoundDone = true;
    }
    while (job.fields.length > 0 && now() - started < sliceMs) {
      computeField(job, job.fields.shift() as FieldRequest);
    }
    let running = active(job);
    while (running.length > 0 && job.fields.length === 0 && now() - started < sliceMs) {
      for (const task of running) {
        advance(job, task, CHUNK_STEPS);
        if (task.finished) continue;
        if (ended(task.run) || task.run.length - task.posted >= MAX_CHUNK_POINTS) flush(job, task);
      }
      running = active(job);
    }
    // Points computed in this slice but not yet posted go out before yielding.
    for (const task of job.tasks) if (!task.finished && task.run.length > task.posted) flush(job, task);
    job.elapsedMs += now() - started;
    return job.fields.length === 0 && active(job).length === 0;
  }

  function finish(job: Job): void {
    let steps = 0;
    for (const task of job.tasks) steps += Math.max(0, task.run.length - 1);
    post({ type: 'done', generation: job.generation, steps, elapsedMs: job.elapsedMs }, []);
  }

  function runSlices(job: Job): void {
    if (job !== current) return;
    if (slice(job)) {
      current = null;
      finish(job);
    } else {
      schedule(() => runSlices(job));
    }
  }

  function startPending(): void {
    const request = pending;
    if (!request || request.generation < latestGeneration) {
      startScheduled = false;
      pending = null;
      return;
    }
    // A custom surface needs the parser, loaded on first use: start once it is here. Meanwhile a newer
    // request replaces `pending` (the start stays scheduled), so the newest one is what starts.
    const parserLoading = surfaceRefsReady(surfaceRefsOf(request));
    if (parserLoading) {
      void parserLoading.then(startPending);
      return;
    }
    startScheduled = false;
    pending = null;
    const started = now();
    const tasks: RunTask[] = [];
    for (const runRequest of request.runs) {
      const task = startTask(request.generation, runRequest);
      if (task) tasks.push(task);
    }
    const job: Job = { generation: request.generation, tasks, fields: [...request.fields], firstRoundDone: false, elapsedMs: now() - started };
    current = job;
    runSlices(job);
  }

  return {
    onMessage(request) {
      if (request.type === 'inspect') return answerInspect(request, (response) => post(response, []));
      if (request.type === 'slice') return registerSliceParts(request.id, request.parts);
      if (request.generation < latestGeneration) return;
      latestGeneration = request.generation;
      // Whatever runs now is stale: its next slice sees `current` changed and stops.
      current = null;
      if (request.type === 'cancel') {
        pending = null;
        return;
      }
      pending = request;
      if (!startScheduled) {
        startScheduled = true;
        schedule(startPending);
      }
    },
  };
}
