/**
 * The app's one store: a zustand vanilla store built from five slices (setup,
 * session, maps, ui, lesson), usable without React (tests build a fresh one per test
 * with createAppStore). It holds only what changes at human speed; trajectories
 * live in Results, map cells in MapResults and the playback position in the
 * Playhead, so nothing here changes per frame.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSetup } from '../defaults.ts';
import { createMapRunner, type MapRunner } from '../maps/runner.ts';
import { createMapsSlice } from '../maps/slice.ts';
import type { MapsSlice } from '../maps/types.ts';
import { Playhead } from '../playhead.ts';
import type { Setup } from '../setup.ts';
import { createTimelineFollower } from '../timeline.ts';
import { createLessonSlice, type LessonSlice } from './lessonSlice.ts';
import { createSessionSlice, type SessionSlice } from './sessionSlice.ts';
import { createSetupSlice, type SetupSlice } from './setupSlice.ts';
import { createUiSlice, type UiSlice } from './uiSlice.ts';

/** Everything the store holds: each slice's fields and actions. */
export type AppState = SetupSlice & SessionSlice & MapsSlice & UiSlice & LessonSlice;

export type AppStore = StoreApi<AppState>;

export interface AppStoreDeps {
  /** Initial setup (already validated); defaults to defaultSetup(). */
  readonly setup?: Setup;
  /** The playback position this store drives; a fresh one by default. */
  readonly playhead?: Playhead;
  /** Runs the maps this store asks for; by default one with its own pool, created at the first map request. */
  readonly maps?: MapRunner;
  /** Timers for the lazy end-of-playback stop (tests inject fakes). */
  readonly setTimer?: (task: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export function createAppStore(deps: AppStoreDeps = {}): AppStore {
  const playhead = deps.playhead ?? new Playhead();
  const setTimer = deps.setTimer ?? ((task, ms) => setTimeout(task, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let endTimer: unknown = null;
  // Filled in once the store exists; the slices only call it from actions.
  let armEndTimer: () => void = () => {};
  const syncTimeline = createTimelineFollower(() => store, playhead, { setTimer, clearTimer });
  const afterPlayback = (): void => {
    armEndTimer();
    syncTimeline();
  };

  const store = createStore<AppState>()((...api) => ({
    ...createSetupSlice(deps.setup ?? defaultSetup())(...api),
    ...createSessionSlice({ playhead, afterPlayback })(...api),
    ...createMapsSlice(deps.maps ?? createMapRunner())(...api),
    ...createUiSlice({ playhead, afterPlayback })(...api),
    ...createLessonSlice()(...api),
  }));

  /**
   * When playback will reach the last step, set `playing` false then: one timer
   * per play/speed change instead of a state update per frame.
   */
  armEndTimer = () => {
    if (endTimer !== null) clearTimer(endTimer);
    endTimer = null;
    const endsAt = playhead.endsAt();
    if (endsAt === null) return;
    endTimer = setTimer(() => {
      endTimer = null;
      if (playhead.finished()) {
        if (store.getState().playing) store.setState({ playing: false });
      } else {
        armEndTimer();
      }
    }, Math.max(0, endsAt - playhead.now()) + 1);
  };

  const syncPlayhead = (setup: Setup, previous: Setup | null): void => {
    playhead.setMaxStep(setup.steps);
    playhead.setStepsPerSecond(setup.playback.stepsPerSecond);
    if (!previous || previous.playback.mode !== setup.playback.mode) {
      playhead.setMode(setup.playback.mode);
      // Choosing animate starts the balls rolling from step 0.
      if (setup.playback.mode === 'animate' && previous) playhead.play();
    }
    const playing = playhead.playing && !playhead.finished();
    if (store.getState().playing !== playing) store.setState({ playing });
    afterPlayback();
  };

  syncPlayhead(store.getState().setup, null);
  store.subscribe((state, previous) => {
    if (state.setup.playback !== previous.setup.playback || state.setup.steps !== previous.setup.steps) {
      syncPlayhead(state.setup, previous.setup);
    }
  });
  return store;
}
