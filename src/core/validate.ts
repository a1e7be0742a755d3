/**
 * Checking a RunSpec and filling in its defaults. Every error names the field
 * it is about, first, so the UI and tests can tell which input to fix.
 */
import { HYPER_PARAMETER_KEYS, hyperParameterError, tableDefaults, type HyperParameterValues } from './hyperParameters.ts';
import { MAX_DATASET_SIZE, MAX_RUN_STEPS, MAX_SEED } from './limits.ts';
import { DEFAULT_DATASET_SIZE, defaultNoise } from './noise.ts';
import { isOptimizerId, optimizerDefaults, OPTIMIZER_IDS } from './optimizers.ts';
import { scheduleError } from './schedules.ts';
import { surfaces, SURFACE_IDS } from './surfaces/index.ts';
import type { OptimizerId, Point, RunSpec, Schedule, Surface } from './types.ts';

/** Seed used when a spec gives none. */
export const DEFAULT_SEED = 1;

/** A RunSpec with its surface resolved and every optional field filled in (every hyper-parameter too; an optimizer reads the ones it uses). */
export interface ResolvedRunSpec extends HyperParameterValues {
  readonly surface: Surface;
  readonly optimizer: OptimizerId;
  readonly lr: number;
  readonly start: Point;
  readonly steps: number;
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

/**
 * Every hyper-parameter resolved: the spec's value, else the optimizer's default,
 * else the table's. Each is checked against what the math accepts (hyperParameters.ts).
 */
export function resolveHyperParameters(spec: Partial<HyperParameterValues>, optimizer: OptimizerId): HyperParameterValues {
  const values = { ...tableDefaults(), ...optimizerDefaults(optimizer) } as Record<string, unknown>;
  for (const key of HYPER_PARAMETER_KEYS) {
    const given = spec[key];
    if (given !== undefined) values[key] = given;
    const problem = hyperParameterError(key, values[key]);
    if (problem !== null) fail(key, problem.slice(key.length + 1), values[key]);
  }
  return values as HyperParameterValues;
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

  const hyperParameters = resolveHyperParameters(spec, optimizer);

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
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) fail('seed', 'must be an integer from 0 to 2³² − 1', seed);

  return {
    ...hyperParameters,
    surface,
    optimizer,
    lr: spec.lr,
    start: [spec.start[0], spec.start[1]],
    steps: spec.steps,
    schedule,
    batchSize,
    datasetSize,
    noise,
    seed,
  };
}
