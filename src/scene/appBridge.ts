/**
 * The scene's door into app state: the store, the result buffers, the playhead,
 * the basin and hyper-parameter maps, the height-field key, and moving the start
 * point. Kept in one file so the wiring changes in one place (the shared helpers
 * in src/view, such as the map hooks, read state for scene and ui alike).
 */
import { appStore } from '../state/app.ts';

export { appMaps, appPlayhead as playhead, appResults, appStore, useAppStore } from '../state/app.ts';
export { fieldKey } from '../state/engine.ts';

/** Set the global start to (x, y), rounded to 4 significant digits (clicks, drags and arrow keys give tidy values). */
export function moveStart(x: number, y: number): void {
  appStore.getState().setStart([Number(x.toPrecision(4)), Number(y.toPrecision(4))]);
}
