/**
 * The scene's door into app state: the store, the result buffers, the playhead,
 * the basin and hyper-parameter maps, the height-field key, and moving the start
 * point. Kept in one file so the wiring changes in one place (the shared helpers
 * in src/view, such as the map hooks, read state for scene and ui alike).
 */
import { appStore } from '../state/app.ts';
import { lessonControl, openQuestion } from '../state/store/lessonSlice.ts';

export { appInspections, appMaps, appPlayhead as playhead, appResults, appStore, useAppStore } from '../state/app.ts';
export { fieldKey } from '../state/engine.ts';
export { currentStageView, lessonControl, openQuestion } from '../state/store/lessonSlice.ts';

const tidy = (value: number) => Number(value.toPrecision(4));

/** True when the lesson fixes the start point (its `lock-start` flag). */
export function startLocked(): boolean {
  return lessonControl(appStore.getState(), 'lock-start');
}

/** True while a "click where you think this run ends" question is open: clicks place the guess, not the start. */
export function guessing(): boolean {
  return openQuestion(appStore.getState())?.kind === 'click';
}

/** Set the global start to (x, y), rounded to 4 significant digits (clicks, drags and arrow keys give tidy values); not while a lesson locks it. */
export function moveStart(x: number, y: number): void {
  if (startLocked()) return;
  appStore.getState().setStart([tidy(x), tidy(y)]);
}

/** A click on the surface at (x, y): the guess of an open click question, else the start. */
export function clickSurface(x: number, y: number): void {
  if (guessing()) appStore.getState().setClickGuess([tidy(x), tidy(y)]);
  else moveStart(x, y);
}
