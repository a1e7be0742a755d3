/**
 * Setups and checks shared by the link, repair and store tests.
 */
import {
  HYPER_PARAMETER_KEYS,
  HYPER_PARAMETERS,
  LR_LIMITS,
  MAX_APP_DATASET_SIZE,
  MAX_BOWL_CONDITION,
  MAX_COORDINATE,
  MAX_NOISE,
  MAX_PANES,
  MAX_RUNS,
  MAX_SEED,
  MAX_STEPS,
  MAX_STEPS_PER_SECOND,
  MIN_BOWL_CONDITION,
  OPTIMIZER_IDS,
  OPTIMIZERS,
  SCHEDULES,
  SURFACE_IDS,
  scheduleDefaults,
  type HyperParameterSpec,
} from '../../src/core/index.ts';
import type { ScheduleType } from '../../src/core/types.ts';
import { defaultRun, defaultSetup } from '../../src/state/defaults.ts';
import { RUN_PALETTE, type RunConfig, type Setup } from '../../src/state/setup.ts';

/** Whether `value` is what the controls of hyper-parameter `spec` can hold. */
function inControlRange(spec: HyperParameterSpec, value: unknown): boolean {
  switch (spec.kind) {
    case 'boolean':
      return typeof value === 'boolean';
    case 'choice':
      return typeof value === 'string' && spec.options.includes(value);
    case 'integer':
      return Number.isInteger(value) && (value as number) >= spec.control.min && (value as number) <= spec.control.max;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && value >= spec.control.min && value <= spec.control.max;
  }
}

/**
 * An independent validity check (not the schema under test): every field has
 * the right type, numbers are finite and in range, enums are own values. Ranges
 * come from core's tables and limits, which the schema must follow.
 */
export function validityProblems(setup: Setup): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  const finiteIn = (value: unknown, min: number, max: number) => typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
  const wholeIn = (value: unknown, min: number, max: number) => finiteIn(value, min, max) && Number.isInteger(value);
  const point = (value: unknown) => Array.isArray(value) && value.length === 2 && value.every((c) => finiteIn(c, -MAX_COORDINATE, MAX_COORDINATE));

  check(Array.isArray(setup.panes) && setup.panes.length >= 1 && setup.panes.length <= MAX_PANES, 'panes');
  for (const pane of setup.panes ?? []) check(SURFACE_IDS.includes(pane.surface) || (pane.surface === 'custom' && setup.custom !== null), `pane surface ${pane.surface}`);
  check(finiteIn(setup.bowlCondition, MIN_BOWL_CONDITION, MAX_BOWL_CONDITION), 'bowlCondition');
  check(setup.custom === null || (typeof setup.custom.expression === 'string' && setup.custom.expression.length <= 2000), 'custom');
  check(point(setup.start), 'start');
  check(wholeIn(setup.steps, 1, MAX_STEPS), 'steps');
  check(wholeIn(setup.datasetSize, 1, MAX_APP_DATASET_SIZE), 'datasetSize');
  check(Array.isArray(setup.runs) && setup.runs.length <= MAX_RUNS, 'runs');
  const ids = new Set<string>();
  for (const run of setup.runs ?? []) {
    check(typeof run.id === 'string' && /^r\d+$/.test(run.id) && !ids.has(run.id), `run id ${run.id}`);
    ids.add(run.id);
    check(typeof run.optimizer === 'string' && Object.hasOwn(OPTIMIZERS, run.optimizer), `optimizer ${String(run.optimizer)}`);
    check(finiteIn(run.lr, ...LR_LIMITS), 'lr');
    for (const key of HYPER_PARAMETER_KEYS) check(inControlRange(HYPER_PARAMETERS[key] as HyperParameterSpec, run[key]), key);
    check(typeof run.schedule?.type === 'string' && Object.hasOwn(SCHEDULES, run.schedule.type), 'schedule type');
    if (run.schedule && Object.hasOwn(SCHEDULES, run.schedule.type)) {
      for (const parameter of SCHEDULES[run.schedule.type].parameters) {
        const value = (run.schedule as unknown as Record<string, unknown>)[parameter.key];
        check(typeof value === 'number' && Number.isFinite(value) && value >= parameter.min && value <= parameter.max && (!parameter.integer || Number.isInteger(value)), `schedule ${parameter.key}`);
      }
    }
    check(wholeIn(run.batchSize, 1, setup.datasetSize), 'batchSize');
    check(finiteIn(run.noise, 0, MAX_NOISE), 'noise');
    check(wholeIn(run.seed, 0, MAX_SEED), 'seed');
    check((RUN_PALETTE as readonly string[]).includes(run.color), 'color');
    check(typeof run.visible === 'boolean', 'visible');
    check(run.start === null || point(run.start), 'run start');
    check(wholeIn(run.pane, 0, setup.panes.length - 1), 'run pane');
  }
  check(setup.playback?.mode === 'instant' || setup.playback?.mode === 'animate', 'playback mode');
  check(finiteIn(setup.playback?.stepsPerSecond, 1, MAX_STEPS_PER_SECOND), 'stepsPerSecond');
  check(['3d', 'top'].includes(setup.view?.camera), 'camera');
  check(['auto', 'on', 'off'].includes(setup.view?.logHeight), 'logHeight');
  for (const key of ['gradient', 'velocity', 'effectiveStep'] as const) check(typeof setup.view?.overlays?.[key] === 'boolean', key);
  return problems;
}

/** A link carrying any JSON value, written independently of the code under test. */
export function linkFor(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `#v=1&s=${btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')}`;
}

/** Every optimizer, every schedule, own starts, hidden runs and three panes. */
export function richSetup(): Setup {
  const base = defaultSetup();
  const scheduleTypes = Object.keys(SCHEDULES) as ScheduleType[];
  const runs: RunConfig[] = OPTIMIZER_IDS.slice(0, MAX_RUNS).map((optimizer, index) => ({
    ...defaultRun(optimizer, index),
    lr: 0.0123 * (index + 1),
    schedule: scheduleDefaults(scheduleTypes[index % scheduleTypes.length]),
    batchSize: 1 + index,
    seed: 4_000_000_000 - index,
    noise: 0.25 * index,
    visible: index % 2 === 0,
    start: index === 1 ? [0.125, -1.75] : null,
    pane: index % 3,
    centered: optimizer === 'rmsprop',
  }));
  return {
    ...base,
    panes: [{ surface: 'rosenbrock' }, { surface: 'bowl' }, { surface: 'saddle' }],
    bowlCondition: 37,
    start: [-1.2, 1.05],
    steps: 1234,
    runs,
    playback: { mode: 'animate', stepsPerSecond: 42 },
    view: { camera: 'top', logHeight: 'on', overlays: { gradient: true, velocity: false, effectiveStep: true }, chartX: 'epochs' },
  };
}
