import { describe, expect, it } from 'vitest';
import { basinCellStart, basinMap, MAP_NOT_CONVERGED, surfaces } from '../../../src/core/index.ts';
import { createMapHandler } from '../../../src/worker/mapHandler.ts';
import type { MapRequest } from '../../../src/worker/mapProtocol.ts';
import { createMapPool } from '../../../src/worker/pool.ts';
import type { MapWorker } from '../../../src/worker/poolTypes.ts';
import { HYPER_CELLS } from '../../../src/state/maps/jobs.ts';
import { createMapRunner } from '../../../src/state/maps/runner.ts';
import { createAppStore } from '../../../src/state/store/store.ts';

/** Workers that run the real handler when the test flushes their queues. */
function queuedPool() {
  const queue: { worker: MapWorker; request: MapRequest }[] = [];
  let created = 0;
  const pool = createMapPool({
    size: 2,
    workerFactory: () => {
      created++;
      const worker: MapWorker = {
        onmessage: null,
        onerror: null,
        postMessage: (request) => queue.push({ worker, request }),
        terminate: () => {},
      };
      return worker;
    },
  });
  const step = (): boolean => {
    const next = queue.shift();
    if (!next) return false;
    createMapHandler((message) => next.worker.onmessage?.({ data: message } as MessageEvent), (task) => task()).onMessage(next.request);
    return true;
  };
  return {
    pool,
    queue,
    get created() {
      return created;
    },
    step,
    flush: () => {
      for (let guard = 0; guard < 10_000 && step(); guard++);
    },
  };
}

function setupMaps() {
  const fake = queuedPool();
  let pools = 0;
  const maps = createMapRunner({
    createPool: () => {
      pools++;
      return fake.pool;
    },
  });
  const app = createAppStore({ maps });
  return { app, fake, maps, pools: () => pools };
}

describe('map runner and maps slice', () => {
  it('creates the pool only at the first request, then fills the whole basin map tile by tile', () => {
    const { app, fake, maps, pools } = setupMaps();
    expect(pools()).toBe(0);
    app.getState().setBasinResolution(64);
    app.getState().openMap('basin');
    expect(pools()).toBe(1);
    expect(app.getState().maps.basin.status).toBe('computing');
    const total = app.getState().maps.basin.tilesTotal;
    expect(total).toBeGreaterThan(1);
    fake.step();
    expect(app.getState().maps.basin.tilesDone).toBe(1);
    fake.flush();
    const slot = app.getState().maps.basin;
    expect(slot.status).toBe('done');
    expect(slot.tilesDone).toBe(total);
    const data = maps.results.basin!;
    expect(data.filled.every((cell) => cell === 1)).toBe(true);
    // The default setup maps its first run (SGD on valleys) with the setup's steps.
    const { setup } = app.getState();
    const run = setup.runs[0];
    const direct = basinMap({ surface: surfaces.valleys, optimizer: run.optimizer, lr: run.lr, steps: setup.steps, resolution: 64 });
    expect(data.outcome).toEqual(direct.outcome);
    expect(data.stepsToTolerance).toEqual(direct.stepsToTolerance);
    expect(basinCellStart(data.domain, 64, 0, 0)).toEqual([-4 + 4 / 64, -4 + 4 / 64]);
  });

  it('cancels and restarts an open map when a setting it depends on changes, but not for a color', () => {
    const { app, fake, maps } = setupMaps();
    app.getState().setBasinResolution(64);
    app.getState().openMap('basin');
    fake.step();
    const revision = app.getState().maps.basin.revision;
    const runId = app.getState().setup.runs[0].id;
    app.getState().updateRun(runId, { color: '#999933' });
    expect(app.getState().maps.basin.tilesDone).toBe(1);
    app.getState().updateRun(runId, { lr: 0.05 });
    expect(app.getState().maps.basin.tilesDone).toBe(0);
    expect(app.getState().maps.basin.revision).toBeGreaterThan(revision);
    fake.flush();
    expect(app.getState().maps.basin.status).toBe('done');
    expect(maps.results.basin!.spec.lr).toBe(0.05);
  });

  it('cancel stops the job and keeps the cells so far; close forgets them', () => {
    const { app, fake, maps } = setupMaps();
    app.getState().setBasinResolution(64);
    app.getState().openMap('basin');
    fake.step();
    app.getState().cancelMap('basin');
    expect(app.getState().maps.basin.status).toBe('cancelled');
    expect(fake.pool.activeJob).toBeNull();
    fake.flush();
    expect(app.getState().maps.basin.tilesDone).toBe(1);
    app.getState().closeMap('basin');
    expect(maps.results.basin).toBeNull();
    expect(app.getState().maps.basin.open).toBe(false);
  });

  it('runs one map at a time: the hyper map waits while the basin map computes, then follows', () => {
    const { app, fake, maps } = setupMaps();
    const momentumRun = app.getState().setup.runs.find((run) => run.optimizer === 'momentum')!;
    app.getState().setBasinResolution(64);
    app.getState().openMap('basin', momentumRun.id);
    app.getState().openMap('hyper', momentumRun.id);
    expect(app.getState().maps.basin.status).toBe('computing');
    expect(app.getState().maps.hyper.status).toBe('queued');
    fake.flush();
    expect(app.getState().maps.hyper.status).toBe('done');
    expect(app.getState().maps.basin.status).toBe('done');
    const hyper = maps.results.hyper!;
    expect(hyper.finalLoss).toHaveLength(HYPER_CELLS * HYPER_CELLS);
    expect(hyper.filled.every((cell) => cell === 1)).toBe(true);
    expect(hyper.outcome.some((code) => code < MAP_NOT_CONVERGED)).toBe(true);
    // Moving the start changes the hyper map only.
    const basinRevision = app.getState().maps.basin.revision;
    app.getState().setStart([1, 1]);
    expect(app.getState().maps.hyper.status).toBe('computing');
    expect(app.getState().maps.basin.revision).toBe(basinRevision);
  });

  it('says in plain words when a run has no momentum or β₁ to map', () => {
    const { app } = setupMaps();
    const id = app.getState().addRun('adagrad');
    app.getState().openMap('hyper', id);
    expect(app.getState().maps.hyper.status).toBe('error');
    expect(app.getState().maps.hyper.message).toMatch(/Adagrad has no momentum or β₁/);
  });
});
