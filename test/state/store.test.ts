import { describe, expect, it } from 'vitest';
import { optimizerDefaults } from '../../src/core/index.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import { connectEngine, fieldKey } from '../../src/state/engine.ts';
import { Playhead } from '../../src/state/playhead.ts';
import { Results } from '../../src/state/results.ts';
import { RUN_PALETTE } from '../../src/state/setup.ts';
import { createAppStore } from '../../src/state/store.ts';
import type { ComputeInput } from '../../src/worker/client.ts';

function connected() {
  const store = createAppStore();
  const results = new Results();
  const requests: ComputeInput[] = [];
  connectEngine(store, { compute: (input) => requests.push(input) }, results);
  return { store, results, requests };
}

describe('runs', () => {
  it('adds a run with the next id, the next unused color and the optimizer defaults', () => {
    const store = createAppStore();
    const before = store.getState().setup.runs;
    const id = store.getState().addRun('rmsprop');
    const runs = store.getState().setup.runs;
    expect(runs).toHaveLength(before.length + 1);
    const added = runs.at(-1)!;
    expect(added.id).toBe(id);
    expect(new Set(runs.map((run) => run.id)).size).toBe(runs.length);
    expect(before.map((run) => run.color)).not.toContain(added.color);
    expect(added.color).toBe(RUN_PALETTE[before.length]);
    expect(added.optimizer).toBe('rmsprop');
    expect(added.alpha).toBe(optimizerDefaults('rmsprop').alpha);
    expect(added.batchSize).toBe(store.getState().setup.datasetSize);
    expect(added.visible).toBe(true);
  });

  it('duplicates a run: a new id and the next color, every parameter the same, placed after the original', () => {
    const store = createAppStore();
    const source = store.getState().setup.runs[0];
    store.getState().updateRun(source.id, { lr: 0.0123, seed: 7 });
    const copyId = store.getState().duplicateRun(source.id);
    const { runs } = store.getState().setup;
    const original = runs[0];
    const copy = runs[1];
    expect(copy.id).toBe(copyId);
    expect(copy.id).not.toBe(original.id);
    expect(runs.filter((run) => run.color === copy.color)).toHaveLength(1);
    const { id: _a, color: _b, ...copyParams } = copy;
    const { id: _c, color: _d, ...originalParams } = original;
    expect(copyParams).toEqual(originalParams);
    expect(copy.lr).toBe(0.0123);
    expect(store.getState().duplicateRun('nope')).toBeNull();
  });

  it('removes a run and clears its selection', () => {
    const store = createAppStore();
    const [first, second] = store.getState().setup.runs;
    store.getState().selectRun(second.id);
    store.getState().removeRun(second.id);
    expect(store.getState().setup.runs.map((run) => run.id)).not.toContain(second.id);
    expect(store.getState().setup.runs[0]).toBe(first);
    expect(store.getState().selectedRunId).toBeNull();
  });

  it('switching optimizer keeps lr and fills the new optimizer defaults', () => {
    const store = createAppStore();
    const run = store.getState().setup.runs[0];
    store.getState().updateRun(run.id, { lr: 0.042 });
    store.getState().updateRun(run.id, { optimizer: 'adam' });
    const updated = store.getState().setup.runs[0];
    expect(updated.optimizer).toBe('adam');
    expect(updated.lr).toBe(0.042);
    expect(updated.beta1).toBe(optimizerDefaults('adam').beta1);
    expect(updated.beta2).toBe(optimizerDefaults('adam').beta2);
    expect(updated.eps).toBe(optimizerDefaults('adam').eps);
  });

  it('keeps full-batch runs full batch when N changes and clamps mini-batches', () => {
    const store = createAppStore();
    const [a, b] = store.getState().setup.runs;
    store.getState().setDatasetSize(256);
    store.getState().updateRun(b.id, { batchSize: 100 });
    store.getState().setDatasetSize(64);
    const runs = store.getState().setup.runs;
    expect(runs.find((run) => run.id === a.id)!.batchSize).toBe(64);
    expect(runs.find((run) => run.id === b.id)!.batchSize).toBe(64);
    store.getState().setDatasetSize(512);
    expect(store.getState().setup.runs.find((run) => run.id === a.id)!.batchSize).toBe(512);
  });

  it('refuses a 17th run with a notice', () => {
    const store = createAppStore();
    while (store.getState().setup.runs.length < 16) store.getState().addRun('sgd');
    expect(store.getState().addRun('sgd')).toBe('');
    expect(store.getState().setup.runs).toHaveLength(16);
    expect(store.getState().notices.at(-1)?.text).toMatch(/at most 16 runs/);
  });
});

describe('recompute requests', () => {
  it('sends the setup once on connect, with every pane field', () => {
    const { store, requests } = connected();
    expect(requests).toHaveLength(1);
    expect(requests[0].runs.map((run) => run.runId)).toEqual(store.getState().setup.runs.map((run) => run.id));
    expect(requests[0].fields.map((field) => field.key)).toEqual([fieldKey(0)]);
  });

  it('sends exactly one request per change that alters a path', () => {
    const { store, requests } = connected();
    const run = store.getState().setup.runs[0];
    const actions: (() => void)[] = [
      () => store.getState().updateRun(run.id, { lr: run.lr * 2 }),
      () => store.getState().setStart([0.5, -0.5]),
      () => store.getState().setSteps(321),
      () => store.getState().addRun('nesterov'),
      () => store.getState().setSurface('bowl'),
      () => store.getState().setBowlCondition(50),
      () => store.getState().updateRun(run.id, { start: [1, 1] }),
      () => store.getState().replaceSetup({ ...defaultSetup(), steps: 77 }),
    ];
    for (const [index, action] of actions.entries()) {
      action();
      expect(requests, `action ${index}`).toHaveLength(index + 2);
    }
    expect(requests.at(-1)!.runs.every((request) => request.spec.steps === 77)).toBe(true);
  });

  it('sends nothing for color, visibility, selection, camera, overlays, playback or an unchanged value', () => {
    const { store, requests } = connected();
    const run = store.getState().setup.runs[0];
    const state = store.getState();
    state.updateRun(run.id, { color: RUN_PALETTE[7] });
    state.updateRun(run.id, { visible: false });
    state.selectRun(run.id);
    state.setCamera('top');
    state.setLogHeight('on');
    state.setOverlay('gradient', true);
    state.setPlaybackMode('animate');
    state.setStepsPerSecond(120);
    state.updateRun(run.id, { lr: run.lr });
    state.setSteps(store.getState().setup.steps);
    // No pane shows the bowl, so its condition number changes no path.
    state.setBowlCondition(99);
    expect(requests).toHaveLength(1);
  });

  it('gives each run its own start override and its pane surface', () => {
    const { store, requests } = connected();
    const [first, second] = store.getState().setup.runs;
    store.getState().updateRun(second.id, { start: [1.25, -0.75] });
    const last = requests.at(-1)!;
    expect(last.runs.find((r) => r.runId === second.id)!.spec.start).toEqual([1.25, -0.75]);
    expect(last.runs.find((r) => r.runId === first.id)!.spec.start).toEqual(store.getState().setup.start);

    store.getState().setPaneCount(2);
    store.getState().setSurface('saddle', 1);
    store.getState().updateRun(second.id, { pane: 1 });
    const split = requests.at(-1)!;
    expect(split.runs.find((r) => r.runId === second.id)!.spec.surface).toEqual({ kind: 'builtin', id: 'saddle' });
    expect(split.fields.map((field) => field.key)).toEqual([fieldKey(0), fieldKey(1)]);
  });

  it('drops results of removed runs', () => {
    const { store, results } = connected();
    const run = store.getState().setup.runs[1];
    const one = new Float64Array([1]);
    results.applyChunk({ generation: 1, runId: run.id, capacity: 1, offset: 0, x: one, y: one, loss: one, gradNorm: one, done: true, diverged: false, divergedAt: -1 });
    expect(results.runs.has(run.id)).toBe(true);
    store.getState().removeRun(run.id);
    expect(results.runs.has(run.id)).toBe(false);
  });
});

describe('results stay outside React', () => {
  it('1,000 streamed chunks leave the store state untouched and its listeners silent', () => {
    const { store, results } = connected();
    const state = store.getState();
    let notified = 0;
    store.subscribe(() => notified++);
    const runId = state.setup.runs[0].id;
    const capacity = 1000 * 16;
    for (let chunk = 0; chunk < 1000; chunk++) {
      const points = new Float64Array(16).fill(chunk);
      results.applyChunk({ generation: 1, runId, capacity, offset: chunk * 16, x: points, y: points, loss: points, gradNorm: points, done: chunk === 999, diverged: false, divergedAt: -1 });
    }
    expect(results.runs.get(runId)!.length).toBe(capacity);
    expect(store.getState()).toBe(state);
    expect(notified).toBe(0);
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

  it('plays by elapsed time and stops itself at the last step with one state change', () => {
    const { store, playhead, advance } = withClock();
    store.getState().setSteps(60);
    store.getState().setStepsPerSecond(60);
    store.getState().play();
    expect(store.getState().setup.playback.mode).toBe('animate');
    expect(store.getState().playing).toBe(true);
    let changes = 0;
    store.subscribe(() => changes++);
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

  it('shows whole paths in instant mode', () => {
    const { store, playhead } = withClock();
    expect(store.getState().setup.playback.mode).toBe('instant');
    expect(playhead.stepAt()).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('notices', () => {
  it('pushes, deduplicates and dismisses', () => {
    const store = createAppStore();
    const id = store.getState().pushNotice('error', 'Something went wrong.');
    expect(store.getState().pushNotice('error', 'Something went wrong.')).toBe(id);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismissNotice(id);
    expect(store.getState().notices).toHaveLength(0);
  });
});
