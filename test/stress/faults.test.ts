/**
 * Faults: the worker killed mid-run, the WebGL context lost and restored, and
 * the page reloaded (with its link, and from local storage alone). Each must end
 * where it started: the same setup, bit-equal paths, the same picture.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { decodePng, diffRatio, distinctColors, type AppPage, type Pixels } from '../e2e/harness.ts';
import { pathChecksums, settle, setupJson } from './stressHarness.ts';
import { recordRow, tally } from './summary.ts';
import { browserSession } from '../e2e/session.ts';

/** "Same picture": at most this fraction of pixels may differ (by more than 24 levels in a channel). */
const SAME_PICTURE_LIMIT = 0.01;

const session = browserSession();

async function open(hash = ''): Promise<AppPage> {
  const app = await session.open({ hash });
  await settle(app.page);
  return app;
}

async function sceneShot(app: AppPage): Promise<Pixels> {
  return decodePng(await app.page.locator('[data-testid="scene-canvas"]').first().screenshot());
}

function survived(name: string, ok: boolean, figure: string, limit: string): void {
  recordRow('faults', name, figure, limit, ok);
  tally('faultsTried');
  if (ok) tally('faultsSurvived');
}

describe('faults', () => {
  test('a worker terminated mid-run is noticed, restarted, and the same setup recomputed bit for bit', async () => {
    const app = await open();
    const { page } = app;
    // Long runs so the kill lands while chunks stream in; hidden so software WebGL does not dominate the time.
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      for (const run of state.setup.runs) state.updateRun(run.id, { visible: false });
      window.__descentLab!.store.getState().setSteps(100_000);
    });
    await settle(page);
    const reference = await pathChecksums(page);
    const setupBefore = await setupJson(page);

    // Recompute the same setup and kill the worker as soon as the first partial chunk arrives.
    const killedAt = await page.evaluate(
      () =>
        new Promise<{ length: number; capacity: number; idle: boolean }>((resolve) => {
          const hooks = window.__descentLab!;
          const stop = hooks.results.subscribe(() => {
            const partial = [...hooks.results.runs.values()].find((run) => run.generation === hooks.client.generation && run.length > 0 && run.length < run.capacity);
            if (!partial) return;
            stop();
            const idle = hooks.isIdle();
            hooks.killWorker();
            resolve({ length: partial.length, capacity: partial.capacity, idle });
          });
          hooks.restartWorker();
        }),
    );
    await settle(page);
    const notices = await page.locator('.notices').innerText();
    const after = await pathChecksums(page);
    const inThread = await page.evaluate(() => window.__descentLab!.client.inThread);
    const status = await page.evaluate(() => window.__descentLab!.store.getState().workerStatus);
    const ok = isDeepStrictEqual(after, reference) && (await setupJson(page)) === setupBefore && /restart/i.test(notices) && !inThread;
    survived('worker killed mid-run → noticed, restarted, same paths', ok, `killed at ${killedAt.length.toLocaleString('en-US')}/${killedAt.capacity.toLocaleString('en-US')} points; status ${status}`, 'same paths + notice');
    tally('lost', JSON.stringify(after) === JSON.stringify(reference) ? 0 : 1);

    expect(killedAt.idle).toBe(false);
    expect(killedAt.length).toBeLessThan(killedAt.capacity);
    expect(notices).toMatch(/restart/i);
    expect(after).toEqual(reference);
    expect(inThread).toBe(false);
    expect(status).toBe('ready');
    expect(app.errors.filter((error) => !/terminated/i.test(error))).toEqual([]);
    await app.context.close();
  });

  test('a lost and restored WebGL context draws the same picture', async () => {
    const app = await open();
    const { page } = app;
    const before = await sceneShot(app);
    const loss = await page.evaluate(async () => {
      const canvas = document.querySelector('[data-testid="scene-canvas"] canvas[data-engine]') as HTMLCanvasElement;
      const gl = canvas.getContext('webgl2') as WebGL2RenderingContext;
      const extension = gl.getExtension('WEBGL_lose_context')!;
      const event = (name: string) =>
        new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 10_000);
          canvas.addEventListener(
            name,
            () => {
              clearTimeout(timer);
              resolve(true);
            },
            { once: true },
          );
        });
      const lost = event('webglcontextlost');
      extension.loseContext();
      const wasLost = (await lost) && gl.isContextLost();
      // Chromium may ignore a restore requested in the same turn as the loss: ask until it happens.
      const restored = event('webglcontextrestored');
      let done = false;
      void restored.then(() => (done = true));
      for (let attempt = 0; attempt < 20 && !done; attempt++) {
        extension.restoreContext();
        await Promise.race([restored, new Promise((resolve) => setTimeout(resolve, 500))]);
      }
      const wasRestored = (await restored) && !gl.isContextLost();
      return { wasLost, wasRestored, frames: (window as unknown as { __descentScene: { frames: number } }).__descentScene.frames };
    });
    expect(loss.wasLost).toBe(true);
    expect(loss.wasRestored).toBe(true);
    const framesAtLoss = loss.frames;
    // A frame drawn after the restore, then quiet.
    await page.waitForFunction((frames) => (window as unknown as { __descentScene: { frames: number } }).__descentScene.frames > frames, framesAtLoss, { timeout: 60_000, polling: 100 });
    await page.locator('.scene-status').filter({ hasText: 'graphics context was lost' }).waitFor({ state: 'detached', timeout: 30_000 });
    await settle(page);
    const after = await sceneShot(app);
    const diff = diffRatio(before, after);
    const ok = diff <= SAME_PICTURE_LIMIT && distinctColors(after) > 60;
    survived('WebGL context lost and restored → same picture', ok, `${(diff * 100).toFixed(3)} % pixels differ`, `≤ ${SAME_PICTURE_LIMIT * 100} %`);
    tally('lost', ok ? 0 : 1);

    expect(distinctColors(after)).toBeGreaterThan(60);
    expect(diff).toBeLessThanOrEqual(SAME_PICTURE_LIMIT);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a reload restores the same setup from the URL, and from local storage alone', async () => {
    const app = await open();
    const { page } = app;
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      const first = state.setup.runs[0].id;
      state.updateRun(first, { lr: 0.0123, batchSize: 8, seed: 99, schedule: { type: 'step', stepSize: 50, gamma: 0.5 } });
      state.addRun('rmsprop');
      state.setSteps(777);
      state.setStart([1.25, -0.5]);
      state.setCamera('top');
      state.setOverlay('gradient', true);
    });
    await settle(page);
    const expected = await setupJson(page);
    // Persistence is debounced: wait until both the address bar and storage carry this setup.
    await page.waitForFunction(
      (json) => localStorage.getItem('descent-lab.setup.v1') === json && location.hash.startsWith('#v=1&s='),
      expected,
      { timeout: 10_000, polling: 50 },
    );
    const paths = await pathChecksums(page);

    await page.reload();
    await settle(page);
    const fromUrl = await setupJson(page);
    const pathsFromUrl = await pathChecksums(page);

    await page.goto(`${session.url}/`);
    await settle(page);
    const fromStorage = await setupJson(page);
    const pathsFromStorage = await pathChecksums(page);

    const urlOk = isDeepStrictEqual(JSON.parse(fromUrl), JSON.parse(expected)) && isDeepStrictEqual(pathsFromUrl, paths);
    const storageOk = isDeepStrictEqual(JSON.parse(fromStorage), JSON.parse(expected)) && isDeepStrictEqual(pathsFromStorage, paths);
    survived('reload with the link → same setup and paths', urlOk, urlOk ? 'identical' : 'DIFFERENT', 'identical');
    survived('reload without the link (local storage) → same setup and paths', storageOk, storageOk ? 'identical' : 'DIFFERENT', 'identical');
    tally('lost', (urlOk ? 0 : 1) + (storageOk ? 0 : 1));

    expect(JSON.parse(fromUrl)).toEqual(JSON.parse(expected));
    expect(pathsFromUrl).toEqual(paths);
    expect(JSON.parse(fromStorage)).toEqual(JSON.parse(expected));
    expect(pathsFromStorage).toEqual(paths);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.context.close();
  });
});
