/**
 * The span of a run's learning-rate slider on its pane's surface (state/lrRange.ts
 * says what makes sense per optimizer). The current value is always inside, so
 * the slider never pins.
 */
import { useAppStore } from '../../state/app.ts';
import { lrSliderRange } from '../../state/lrRange.ts';
import type { RunConfig } from '../../state/setup.ts';
import { useSurfaceById } from '../../state/surfaceOf.ts';
import { paneSurfaceId } from '../../view/catalog.ts';

export function useLrRange(run: RunConfig): readonly [number, number] {
  const surfaceId = useAppStore((state) => paneSurfaceId(state.setup, run.pane));
  const bowlCondition = useAppStore((state) => state.setup.bowlCondition);
  const custom = useAppStore((state) => state.setup.custom);
  // A custom surface is parsed and analysed to build its record: done once per change, not per render.
  const surface = useSurfaceById(surfaceId, bowlCondition, custom);
  return lrSliderRange(run.optimizer, surface, run.lr);
}
