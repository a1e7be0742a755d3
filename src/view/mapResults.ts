/**
 * The basin and hyper-parameter maps' cells as React hooks, for the components
 * that re-render when a map appears, goes or changes size (the basin overlay on
 * the surface, the basin legend, the heatmap). Tiles filling in keep the same
 * data object: what draws the cells subscribes to appMaps.results itself.
 */
import { useSyncExternalStore } from 'react';
import { appMaps } from '../state/app.ts';
import type { BasinData, HyperData } from '../state/maps/types.ts';

const subscribeBasin = (listener: () => void) => appMaps.results.subscribe((kind) => kind === 'basin' && listener());
const basinSnapshot = () => appMaps.results.basin;
const subscribeHyper = (listener: () => void) => appMaps.results.subscribe((kind) => kind === 'hyper' && listener());
const hyperSnapshot = () => appMaps.results.hyper;

/** The current basin map, or null. */
export function useBasinMap(): BasinData | null {
  return useSyncExternalStore(subscribeBasin, basinSnapshot, basinSnapshot);
}

/** The current hyper-parameter map, or null. */
export function useHyperMap(): HyperData | null {
  return useSyncExternalStore(subscribeHyper, hyperSnapshot, hyperSnapshot);
}
