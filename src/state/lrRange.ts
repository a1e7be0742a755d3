/**
 * The learning rates that make sense for an optimizer on a surface: what its
 * slider spans, and where a surface change clamps a teacher's η (only when it
 * lies outside). How η scales depends on what it multiplies:
 * - the gradient (SGD, momentum, Nesterov): the surface's own lrRange, set by its curvature;
 * - a step of about η per coordinate (the Adam family, RMSprop, Adagrad, Rprop's first step):
 *   two decades below to twenty times above its default on that surface, which
 *   follows the size of the plot;
 * - a step the method sizes itself (L-BFGS, Newton, Adadelta): η is a multiplier
 *   near 1 and no surface makes it wrong, so it is never clamped (null);
 * - no gradient at all (random search, evolution): η is unused (null).
 */
import { LR_LIMITS, OPTIMIZERS, type OptimizerId, type Surface } from '../core/index.ts';
import { defaultLr } from './defaults.ts';

const PER_COORDINATE: ReadonlySet<OptimizerId> = new Set<OptimizerId>(['adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'radam', 'adamax', 'rprop']);
const SELF_SIZED: ReadonlySet<OptimizerId> = new Set<OptimizerId>(['lbfgs', 'newton', 'adadelta']);

/** Where η makes sense for `optimizer` on `surface`, or null when no surface constrains it. */
export function surfaceLrRange(optimizer: OptimizerId, surface: Surface): readonly [number, number] | null {
  if (!OPTIMIZERS[optimizer].usesGradient || SELF_SIZED.has(optimizer)) return null;
  if (PER_COORDINATE.has(optimizer)) {
    // The Adam family's typical step: Adam's default on this surface (a hundredth of the plot), Adagrad's own (its steps shrink as 1/√t).
    const typical = defaultLr(optimizer === 'adagrad' ? 'adagrad' : 'adam', surface);
    return [Math.max(LR_LIMITS[0], typical / 100), Math.min(LR_LIMITS[1], typical * 20)];
  }
  return [Math.max(LR_LIMITS[0], surface.lrRange[0]), Math.min(LR_LIMITS[1], surface.lrRange[1])];
}

/** A slider's span: the surface's range (or a wide one when none applies), widened to hold the current value so it never pins. */
export function lrSliderRange(optimizer: OptimizerId, surface: Surface | null, lr: number): readonly [number, number] {
  const [low, high] = (surface && surfaceLrRange(optimizer, surface)) ?? (surface && !SELF_SIZED.has(optimizer) ? surface.lrRange : [1e-3, 10]);
  return [Math.max(LR_LIMITS[0], Math.min(low, lr)), Math.min(LR_LIMITS[1], Math.max(high, lr))];
}
