/**
 * The one store: built fresh from its four slices, and the playback it drives
 * (the end-of-playback timer lives in store.ts).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Playhead } from '../../../src/state/playhead.ts';
import { createAppStore } from '../../../src/state/store/store.ts';

/** Every source file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('one store', () => {
  it('holds the setup, session, maps and ui slices, each fresh per store', () => {
    const first = createAppStore();
    const second = createAppStore();
    first.getState().setSteps(77);
    first.getState().setPresentation(true);
    first.getState().setBasinResolution(64);
    const state = second.getState();
    expect(state.setup.steps).not.toBe(77);
    expect(state.presentation).toBe(false);
    expect(state.maps.basinResolution).toBe(128);
    expect(state.maps.basin.status).toBe('idle');
    expect(state.workerStatus).toBe('starting');
    expect(first.getState().presentation).toBe(true);
  });

  it('is the only zustand store in src/', () => {
    const root = new URL('../../../src/', import.meta.url).pathname;
    const stores = sourceFiles(root).flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      if (!/from 'zustand(\/vanilla)?'/.test(source)) return [];
      return (source.match(/\b(create|createStore)(<[^>]*>)?\(/g) ?? []).map((call) => `${file.slice(root.length)}: ${call}`);
    });
    expect(stores).toEqual(['state/store/store.ts: createStore<AppState>(']);
  });
});

describe('playback', () => {
  function withClock() {
    const clock = { t: 0 };
    const timers: { task: () => void; at: number }[] = [];
    const playhead = new Playhead(() => clock.t);
    const store = createAppStore({
      playhead,
      setTimer: (task, ms) => {
        const timer = { task, at: clock.t + ms };
        timers.push(timer);
        return timer;
      },
      clearTimer: (handle) => {
        const index = timers.indexOf(handle as (typeof timers)[number]);
        if (index >= 0) timers.splice(index, 1);
      },
    });
    const advance = (ms: number) => {
      clock.t += ms;
      for (const timer of timers.filter((candidate) => candidate.at <= clock.t)) {
        timers.splice(timers.indexOf(timer), 1);
        timer.task();
      }
    };
    return { store, playhead, advance, timers };
  }

  it('plays by elapsed time and stops itself at the last step with one change of playing', () => {
    const { store, playhead, advance } = withClock();
    store.getState().setSteps(60);
    store.getState().setStepsPerSecond(60);
    store.getState().play();
    expect(store.getState().setup.playback.mode).toBe('animate');
    expect(store.getState().playing).toBe(true);
    let changes = 0;
    store.subscribe((state, previous) => {
      if (state.playing !== previous.playing) changes++;
    });
    advance(500);
    expect(playhead.stepAt()).toBe(30);
    expect(store.getState().playing).toBe(true);
    advance(600);
    expect(playhead.stepAt()).toBe(60);
    expect(store.getState().playing).toBe(false);
    expect(changes).toBe(1);
  });

  it('pause, single step and reset move the playhead and pause', () => {
    const { store, playhead, advance } = withClock();
    store.getState().setPlaybackMode('animate');
    store.getState().setStepsPerSecond(10);
    advance(1000);
    store.getState().pause();
    expect(store.getState().playing).toBe(false);
    expect(playhead.stepAt()).toBe(10);
    store.getState().stepOnce();
    expect(playhead.stepAt()).toBe(11);
    store.getState().togglePlay();
    expect(store.getState().playing).toBe(true);
    store.getState().resetPlayback();
    expect(store.getState().playing).toBe(false);
    expect(playhead.stepAt()).toBe(0);
  });

  it('the timeline step follows a playing playhead a few times a second, not every frame', () => {
    const { store, advance } = withClock();
    store.getState().setSteps(600);
    store.getState().setStepsPerSecond(60);
    store.getState().play();
    const seen: number[] = [];
    store.subscribe((state, previous) => {
      if (state.timelineStep !== previous.timelineStep) seen.push(state.timelineStep);
    });
    for (let ms = 0; ms < 1000; ms += 20) advance(20);
    // 60 steps/s for 1 s, written every 100 ms: 6, 12, … 60.
    expect(seen).toEqual([6, 12, 18, 24, 30, 36, 42, 48, 54, 60]);
  });

  it('seeks and moves the timeline in whole-path mode without leaving it', () => {
    const { store, playhead } = withClock();
    store.getState().setSteps(200);
    expect(store.getState().timelineStep).toBe(200);
    store.getState().seekStep(57.4);
    expect(store.getState().timelineStep).toBe(57);
    expect(playhead.cursorAt()).toBe(57);
    expect(playhead.stepAt()).toBe(Number.POSITIVE_INFINITY);
    store.getState().moveTimeline(-10);
    expect(store.getState().timelineStep).toBe(47);
    store.getState().moveTimeline(1000);
    expect(store.getState().timelineStep).toBe(200);
    store.getState().seekStep(-5);
    expect(store.getState().timelineStep).toBe(0);
    expect(store.getState().setup.playback.mode).toBe('instant');
    // Animate continues from where the learner left the cursor.
    store.getState().seekStep(30);
    store.getState().setPlaybackMode('animate');
    expect(Math.floor(playhead.stepAt())).toBe(30);
  });

  it('shows whole paths in instant mode', () => {
    const { store, playhead } = withClock();
    expect(store.getState().setup.playback.mode).toBe('instant');
    expect(playhead.stepAt()).toBe(Number.POSITIVE_INFINITY);
  });
});

