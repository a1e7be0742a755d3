/**
 * The span of a run's learning-rate slider: the surface's sensible range for
 * plain SGD, or (for the adaptive optimizers, whose lr is a step length per
 * coordinate) two decades either side of their default on that surface. The
 * current value is always inside, so the slider never pins.
 */
import { LR_LIMITS } from '../../core/index.ts';
import { useAppStore } from '../../state/app.ts';
import { defaultLr } from '../../state/defaults.ts';
import type { RunConfig } from '../../state/setup.ts';
import { useSurfaceById } from '../../state/surfaceOf.ts';
import { paneSurfaceId } from '../../view/catalog.ts';

export function useLrRange(run: RunConfig): readonly [number, number] {
  const surfaceId = useAppStore((state) => paneSurfaceId(state.setup, run.pane));
  const bowlCondition = useAppStore((state) => state.setup.bowlCondition);
  const custom = useAppStore((state) => state.setup.custom);
  // A custom surface is parsed and analysed to build its record: done once per change, not per render.
  const surface = useSurfaceById(surfaceId, bowlCondition, custom);
  let [min, max] = surface?.lrRange ?? [1e-4, 1];
  if (surface && (run.optimizer === 'adam' || run.optimizer === 'rmsprop' || run.optimizer === 'adagrad')) {
    const typical = defaultLr(run.optimizer, surface);
    min = typical / 100;
    max = typical * 20;
  }
  min = Math.max(LR_LIMITS[0], Math.min(min, run.lr));
  max = Math.min(LR_LIMITS[1], Math.max(max, run.lr));
  return [min, max];
}
