/**
 * The timeline's step in the store, at human speed. The playhead moves every frame
 * (outside the store); the store's `timelineStep` is its whole step, written after
 * every playback action and, while playing, at most FOLLOW_MS apart, so the
 * inspector and other human-speed readers follow the animation without a store
 * update per frame. Whatever shows "the current step" outside a frame loop reads
 * `timelineStep`.
 */
import type { Playhead } from './playhead.ts';
import type { AppStore } from './store/store.ts';

/** How often a playing timeline writes its step into the store. */
export const FOLLOW_MS = 100;

export interface TimelineTimers {
  readonly setTimer: (task: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
}

/** Returns `sync`: write the playhead's whole step into the store now, and keep following while it plays. */
export function createTimelineFollower(store: () => AppStore, playhead: Playhead, timers: TimelineTimers): () => void {
  let timer: unknown = null;
  const sync = (): void => {
    if (timer !== null) timers.clearTimer(timer);
    timer = null;
    const step = Math.floor(playhead.cursorAt());
    const state = store().getState();
    if (Number.isFinite(step) && state.timelineStep !== step) store().setState({ timelineStep: step });
    if (playhead.playing && !playhead.finished()) {
      timer = timers.setTimer(() => {
        timer = null;
        sync();
      }, FOLLOW_MS);
    }
  };
  return sync;
}
