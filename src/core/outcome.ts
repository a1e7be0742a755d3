/**
 * What a path did, in words the UI can show as they are: converged (and where),
 * diverged, left the plot, undefined at the start, which known minimum it reached
 * and whether that is a global one. Decided from the path and the surface alone.
 *
 * Converged, in the spirit of torch L-BFGS's tolerance_grad and tolerance_change:
 * "converged at step k" when from point k on, for CONVERGENCE.window steps, every
 * step is shorter than CONVERGENCE.step × the plot's larger side and every point's
 * full-batch gradient is at most CONVERGENCE.gradient × the surface's typical
 * gradient norm (both measured in the max-norm, as torch does). Both scales are the
 * surface's own, so the test means the same on Goldstein–Price (losses of 10⁶) as
 * on the saddle. It is decided by the first k that passes, looking only at points
 * k … k + window: a longer run of the same spec has the same first k, so 200 steps
 * and 100,000 steps never disagree (a run that passes and later moves on, as Adam
 * can when its squared-gradient average decays, still converged at k: that is
 * where a tolerance-based stopping rule would have stopped it). A path that slows
 * down without its gradient vanishing (a saddle approached from off its ridge, a
 * noisy mini-batch walk) is "still moving".
 */
import { typicalGradientNorm } from './field.ts';
import { classifyEnd, defaultTolerance, MAP_NOT_CONVERGED } from './mapCells.ts';
import type { Surface, Trajectory } from './types.ts';

export const CONVERGENCE = {
  /** Largest gradient component, relative to the surface's typical gradient norm (typicalGradientNorm). */
  gradient: 1e-7,
  /** Largest step component, relative to the plot's larger side. */
  step: 1e-7,
  /** Steps the two tests must hold for, from the converged point on. */
  window: 10,
} as const;

/** Two minima whose losses differ by at most this relative amount are equally deep (both global). */
const SAME_DEPTH = 1e-9;

/** What describeOutcome reads: a Trajectory, or the same fields of a run in progress. */
export type PathSummary = Pick<Trajectory, 'length' | 'startLoss' | 'diverged' | 'divergedAt' | 'stopReason' | 'leftDomainAt'> & {
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly loss: ArrayLike<number>;
};

export type OutcomeKind = 'undefined' | 'diverged' | 'converged' | 'moving';

export interface Outcome {
  /** The headline: the loss is undefined (at the start or where the run stopped), it diverged, it converged, or it is still moving. */
  readonly kind: OutcomeKind;
  /** First step of convergence (see above), −1 if none. */
  readonly convergedAt: number;
  /** As in the trajectory: −1 unless it diverged. */
  readonly divergedAt: number;
  /** As in the trajectory: the first step outside the plot, −1 if none. */
  readonly leftDomainAt: number;
  /** Index into surface.minima of the known minimum reached (where it converged, else at its last point), −1 if none. */
  readonly minimum: number;
  /** True when that minimum is not a global one: its loss is above the lowest known loss. */
  readonly localMinimum: boolean;
  /** Loss at the last point (NaN when there is none). */
  readonly finalLoss: number;
  /** finalLoss − L* (NaN when the surface has no known minimum). */
  readonly gap: number;
  /** Plain phrases, headline first: "converged at step 120", "reached minimum 2 (a local minimum)", "left the plot at step 3". */
  readonly phrases: readonly string[];
  /** The phrases joined with " · ". */
  readonly text: string;
}

const lowestLosses = new WeakMap<Surface, number | null>();

/** L*, the lowest loss among the surface's known minima (for plotting L − L*), or null when none is known and finite. */
export function lowestKnownLoss(surface: Surface): number | null {
  let lowest = lowestLosses.get(surface);
  if (lowest === undefined) {
    const losses = surface.minima.map(([x, y]) => surface.loss(x, y)).filter(Number.isFinite);
    lowest = losses.length > 0 ? Math.min(...losses) : null;
    lowestLosses.set(surface, lowest);
  }
  return lowest;
}

const gradient = new Float64Array(2);

/** The first step k from which the path has converged (see the module comment), or −1. */
export function convergedAt(path: PathSummary, surface: Surface): number {
  const { x: [x0, x1], y: [y0, y1] } = surface.domain;
  const stepLimit = CONVERGENCE.step * Math.max(x1 - x0, y1 - y0);
  const scale = typicalGradientNorm(surface);
  const gradientLimit = CONVERGENCE.gradient * (scale > 0 && Number.isFinite(scale) ? scale : 1);
  const window = CONVERGENCE.window;
  const { x, y } = path;
  // `run` counts consecutive points, ending at k, that moved little to the next point and have a small gradient.
  let run = 0;
  for (let k = 0; k + 1 < path.length; k++) {
    const still = Math.max(Math.abs(x[k + 1] - x[k]), Math.abs(y[k + 1] - y[k])) <= stepLimit;
    let flat = false;
    if (still) {
      surface.gradient(x[k], y[k], gradient);
      flat = Math.max(Math.abs(gradient[0]), Math.abs(gradient[1])) <= gradientLimit;
    }
    run = still && flat ? run + 1 : 0;
    if (run === window) return k + 1 - window;
  }
  return -1;
}

/** Describes what `path` did on `surface` (see the module comment for what each word means). */
export function describeOutcome(path: PathSummary, surface: Surface): Outcome {
  const last = path.length - 1;
  const finalLoss = last >= 0 ? path.loss[last] : Number.NaN;
  const lowest = lowestKnownLoss(surface);
  const gap = lowest === null ? Number.NaN : finalLoss - lowest;
  const phrases: string[] = [];
  const outcome = (kind: OutcomeKind, convergedStep: number, minimum: number, localMinimum: boolean): Outcome => ({
    kind,
    convergedAt: convergedStep,
    divergedAt: path.divergedAt,
    leftDomainAt: path.leftDomainAt,
    minimum,
    localMinimum,
    finalLoss,
    gap,
    phrases,
    text: phrases.join(' · '),
  });

  if (path.length === 0) {
    phrases.push(Number.isFinite(path.startLoss) ? 'the loss is too large to start from' : 'the loss is undefined at the start');
    return outcome(Number.isFinite(path.startLoss) ? 'diverged' : 'undefined', -1, -1, false);
  }
  if (path.diverged) {
    const at = path.divergedAt;
    const brokeDown = at === path.length; // not running away: the next point itself was the problem
    if (path.stopReason === 'singular-hessian') phrases.push(`stopped at step ${at}: the Hessian is singular`);
    else if (path.stopReason === 'non-finite' && brokeDown) phrases.push(`the loss is undefined or infinite at step ${at}`);
    else phrases.push(`diverged at step ${at}`);
    if (path.leftDomainAt >= 0) phrases.push(`left the plot at step ${path.leftDomainAt}`);
    return outcome(path.stopReason === 'non-finite' && brokeDown ? 'undefined' : 'diverged', -1, -1, false);
  }

  const converged = convergedAt(path, surface);
  const at = converged >= 0 ? converged : last;
  const code = classifyEnd(surface, path.x[at], path.y[at], defaultTolerance(surface.domain), false);
  const minimum = code === MAP_NOT_CONVERGED ? -1 : code;
  let localMinimum = false;
  phrases.push(converged >= 0 ? `converged at step ${converged}` : 'still moving');
  if (minimum >= 0) {
    const [mx, my] = surface.minima[minimum];
    const depth = surface.loss(mx, my);
    localMinimum = lowest !== null && depth - lowest > SAME_DEPTH * Math.max(1, Math.abs(lowest));
    phrases.push(`reached minimum ${minimum + 1}${localMinimum ? ' (a local minimum)' : ' (a global minimum)'}`);
  } else if (converged >= 0) {
    phrases.push('not at a known minimum');
  }
  if (path.leftDomainAt >= 0) phrases.push(`left the plot at step ${path.leftDomainAt}`);
  return outcome(converged >= 0 ? 'converged' : 'moving', converged, minimum, localMinimum);
}
