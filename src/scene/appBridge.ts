/**
 * The scene's only door into app state: the store, the result buffers, the
 * playhead, the basin and hyper-parameter maps and the height-field key. Kept in one file so the wiring changes in one place.
 */
export { appMaps, appPlayhead as playhead, appResults, appStore, useAppStore } from '../state/app.ts';
export { fieldKey } from '../state/engine.ts';
