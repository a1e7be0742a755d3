/**
 * What went wrong with a link, in words a person reads: which fields were
 * replaced by their defaults and which were brought into range.
 */
import { HYPER_PARAMETER_KEYS, HYPER_PARAMETERS } from '../core/index.ts';

/** One field a link (or a stored session) could not supply as written. */
export interface FieldProblem {
  /** Where, e.g. ["runs", 1, "lr"]. */
  readonly path: readonly (string | number)[];
  /** 'replaced' by the default, or 'clamped' into its range. */
  readonly fix: 'replaced' | 'clamped';
}

/** "Momentum μ" → "momentum μ": a label as it reads inside a sentence. */
function inSentence(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** Setup and run fields; hyper-parameters are named by core's table, so a new one is named without an entry here. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  panes: 'panes',
  surface: 'surface',
  bowlCondition: 'bowl condition number',
  custom: 'custom surface',
  start: 'start point',
  steps: 'number of steps',
  datasetSize: 'data set size',
  runs: 'runs',
  id: 'id',
  optimizer: 'optimizer',
  lr: 'learning rate',
  ...Object.fromEntries(HYPER_PARAMETER_KEYS.map((key) => [key, inSentence(HYPER_PARAMETERS[key].label)])),
  schedule: 'schedule',
  batchSize: 'batch size',
  noise: 'noise spread',
  seed: 'seed',
  color: 'color',
  visible: 'visibility',
  pane: 'pane',
  playback: 'playback',
  mode: 'playback mode',
  stepsPerSecond: 'steps per second',
  view: 'view',
  camera: 'camera',
  logHeight: 'log height',
  overlays: 'overlays',
  gradient: 'gradient overlay',
  velocity: 'velocity overlay',
  effectiveStep: 'effective-step overlay',
  expression: 'custom expression',
  domain: 'custom domain',
};

/** Parameters inside a run's schedule (looked up only below "schedule", so they never shadow a run field). */
const SCHEDULE_FIELD_NAMES: Readonly<Record<string, string>> = {
  stepSize: 'schedule step size',
  gamma: 'schedule γ',
  tMax: 'schedule T_max',
  etaMin: 'schedule η_min',
  decay: 'schedule decay',
};

/** The innermost part of `parts` that has a name. */
function innermostName(parts: readonly (string | number)[]): string {
  const scheduleAt = parts.indexOf('schedule');
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i];
    if (typeof part !== 'string') continue;
    const names = scheduleAt !== -1 && i > scheduleAt ? SCHEDULE_FIELD_NAMES : FIELD_NAMES;
    if (Object.hasOwn(names, part)) return names[part];
  }
  return '';
}

/** A field in plain words: ["runs", 1, "lr"] → "learning rate (run 2)". */
export function describeField(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the whole setup';
  const ownerAt = path.findIndex((part, i) => typeof part === 'number' && (path[i - 1] === 'runs' || path[i - 1] === 'panes'));
  const owner = ownerAt === -1 ? '' : `${path[ownerAt - 1] === 'runs' ? 'run' : 'pane'} ${(path[ownerAt] as number) + 1}`;
  // The innermost named part: ["start", 0] is the start point, ["custom", "domain", "x", 1] the custom domain.
  const name = innermostName(path.slice(ownerAt + 1));
  if (!owner) return name || 'the setup';
  return name ? `${name} (${owner})` : owner;
}

/** The notice a person reads: which fields of their link were replaced or clamped. */
export function describeProblems(problems: readonly FieldProblem[]): string {
  const replaced = unique(problems.filter((p) => p.fix === 'replaced').map((p) => describeField(p.path)));
  const clamped = unique(problems.filter((p) => p.fix === 'clamped').map((p) => describeField(p.path)));
  const parts: string[] = [];
  if (replaced.length) parts.push(`replaced with defaults: ${listWords(replaced)}`);
  if (clamped.length) parts.push(`brought into range: ${listWords(clamped)}`);
  return `This link had fields that could not be used as written; ${parts.join('; ')}.`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function listWords(items: readonly string[]): string {
  const shown = items.slice(0, 12);
  const rest = items.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest} more` : shown.join(', ');
}
