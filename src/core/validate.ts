/**
 * Checking a RunSpec and filling in its defaults. Every error names the field
 * it is about, first, so the UI and tests can tell which input to fix.
 */
import { DEFAULT_DATASET_SIZE, defaultNoise } from './noise.ts';
import { isOptimizerId, optimizerDefaults, OPTIMIZER_IDS } from './optimizers.ts';
import { scheduleError } from './schedules.ts';
import { surfaces, SURFACE_IDS } from './surfaces/index.ts';
import type { OptimizerId, Point, RunSpec, Schedule, Surface } from './types.ts';

/** Most steps one run may take (three Float64Arrays of steps + 1 entries: 240 MB at this limit). */
export const MAX_RUN_STEPS = 10_000_000;

/** Largest data set size N for the analytic surfaces. */
export const MAX_DATASET_SIZE = 1_000_000;

/** Seed used when a spec gives none. */
export const DEFAULT_SEED = 1;

/** A RunSpec with its surface resolved and every optional field filled in. */
export interface ResolvedRunSpec {
  readonly surface: Surface;
  readonly optimizer: OptimizerId;
  readonly lr: number;
  readonly start: Point;
  readonly steps: number;
  readonly momentum: number;
  readonly alpha: number;
  readonly centered: boolean;
  readonly beta1: number;
  readonly beta2: number;
  readonly eps: number;
  /** Undefined for a constant learning rate. */
  readonly schedule: Schedule | undefined;
  readonly batchSize: number;
  readonly datasetSize: number;
  readonly noise: number;
  readonly seed: number;
}

function fail(field: string, message: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? `[${value.map(String).join(', ')}]` : String(value);
  throw new Error(`${field} ${message} (got ${shown})`);
}

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** A built-in surface by id, or the given Surface record; throws naming `surface` otherwise. */
export function resolveSurface(idOrSurface: string | Surface): Surface {
  if (typeof idOrSurface === 'string') {
    if (Object.hasOwn(surfaces, idOrSurface)) return surfaces[idOrSurface];
    return fail('surface', `must be one of ${SURFACE_IDS.join(', ')} or a Surface record`, idOrSurface);
  }
  const candidate = idOrSurface as Partial<Surface> | null;
  if (candidate === null || typeof candidate !== 'object' || typeof candidate.loss !== 'function' || typeof candidate.gradient !== 'function' || typeof candidate.domain !== 'object') {
    return fail('surface', 'must be a surface id or a Surface record with loss, gradient and domain', idOrSurface);
  }
  return idOrSurface;
}

/** A number in [0, 1), or the default when absent. */
function unitInterval(field: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!isFiniteNumber(value) || value < 0 || value >= 1) fail(field, 'must be a number in [0, 1)', value);
  return value;
}

/**
 * Checks every field of `spec` and returns it resolved, with defaults filled in
 * (optimizerDefaults, DEFAULT_DATASET_SIZE, the surface's default noise, seed 1).
 * Throws an Error whose message starts with the offending field's name.
 */
export function validateSpec(spec: RunSpec): ResolvedRunSpec {
  if (spec === null || typeof spec !== 'object') fail('spec', 'must be an object', spec);
  const surface = resolveSurface(spec.surface);
  if (!isOptimizerId(spec.optimizer)) fail('optimizer', `must be one of ${OPTIMIZER_IDS.join(', ')}`, spec.optimizer);
  const optimizer = spec.optimizer;
  if (!isFiniteNumber(spec.lr) || spec.lr <= 0) fail('lr', 'must be a positive finite number', spec.lr);
  if (!Number.isInteger(spec.steps) || spec.steps < 0 || spec.steps > MAX_RUN_STEPS) fail('steps', `must be an integer from 0 to ${MAX_RUN_STEPS}`, spec.steps);
  const start = spec.start as unknown;
  if (!Array.isArray(start) || start.length !== 2 || !isFiniteNumber(start[0]) || !isFiniteNumber(start[1])) fail('start', 'must be two finite numbers [x, y]', start);

  const defaults = optimizerDefaults(optimizer);
  const momentum = unitInterval('momentum', spec.momentum, defaults.momentum ?? 0);
  const alpha = unitInterval('alpha', spec.alpha, defaults.alpha ?? 0.99);
  const beta1 = unitInterval('beta1', spec.beta1, defaults.beta1 ?? 0.9);
  const beta2 = unitInterval('beta2', spec.beta2, defaults.beta2 ?? 0.999);
  const eps = spec.eps ?? defaults.eps ?? 1e-8;
  if (!isFiniteNumber(eps) || eps <= 0) fail('eps', 'must be a positive finite number', eps);
  const centered = spec.centered ?? defaults.centered ?? false;
  if (typeof centered !== 'boolean') fail('centered', 'must be true or false', centered);

  let schedule = spec.schedule;
  if (schedule !== undefined) {
    const problem = scheduleError(schedule);
    if (problem !== null) throw new Error(problem);
    if (schedule.type === 'constant') schedule = undefined;
  }

  const rows = surface.examples?.size;
  const datasetSize = spec.datasetSize ?? rows ?? DEFAULT_DATASET_SIZE;
  if (rows !== undefined && datasetSize !== rows) fail('datasetSize', `must be ${rows}, the number of data rows of ${surface.id}, or omitted`, spec.datasetSize);
  if (!Number.isInteger(datasetSize) || datasetSize < 1 || datasetSize > MAX_DATASET_SIZE) fail('datasetSize', `must be an integer from 1 to ${MAX_DATASET_SIZE}`, datasetSize);
  const batchSize = spec.batchSize ?? datasetSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > datasetSize) fail('batchSize', `must be an integer from 1 to the data set size ${datasetSize}`, batchSize);
  const noise = spec.noise ?? defaultNoise(surface);
  if (!isFiniteNumber(noise) || noise < 0) fail('noise', 'must be a finite number ≥ 0', noise);
  const seed = spec.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) fail('seed', 'must be an integer from 0 to 2³² − 1', seed);

  return {
    surface,
    optimizer,
    lr: spec.lr,
    start: [spec.start[0], spec.start[1]],
    steps: spec.steps,
    momentum,
    alpha,
    centered,
    beta1,
    beta2,
    eps,
    schedule,
    batchSize,
    datasetSize,
    noise,
    seed,
  };
}
