/**
 * The maps slice: per map kind whether it is open, for which run and how far it
 * has got. Its actions hand the work to the map runner (runner.ts), which runs
 * the pool and reports back into `maps`; the cells stay outside the store.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from '../store/store.ts';
import { DEFAULT_BASIN_RESOLUTION } from './jobs.ts';
import { IDLE_SLOT, type MapRunner } from './runner.ts';
import { IDLE_SLICE_BUILD } from './sliceBuilder.ts';
import { withNeuralNet } from './neuralNetSetup.ts';
import type { MapsSlice } from './types.ts';

export function createMapsSlice(runner: MapRunner): StateCreator<AppState, [], [], MapsSlice> {
  return (_set, get, store) => {
    runner.connect(store);
    runner.slices.connect(store);
    return {
      maps: { basin: IDLE_SLOT, hyper: IDLE_SLOT, basinResolution: DEFAULT_BASIN_RESOLUTION },
      neuralSlice: IDLE_SLICE_BUILD,
      setNeuralNet: (patch) => {
        const { setup, replaceSetup } = get();
        replaceSetup(withNeuralNet(setup, patch));
      },
      cancelSliceBuild: () => runner.slices.cancel(),
      retrySliceBuild: () => runner.slices.retry(),
      prewarmSliceBuild: () => runner.slices.prewarm(),
      openMap: (kind, runId = null) => runner.open(kind, runId),
      cancelMap: (kind) => runner.cancel(kind),
      closeMap: (kind) => runner.close(kind),
      setBasinResolution: (resolution) => runner.setBasinResolution(resolution),
    };
  };
}
