/**
 * End-to-end tests: the production build in real headless Chromium (Debian's
 * chromium, software WebGL). Assertions look at pixels a person would see, not
 * only at the DOM. Nothing here depends on frame rate: tests wait for the app to
 * report that results arrived, then for a few frames to be drawn.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  colorBounds,
  countColor,
  diffRatio,
  distinctColors,
  sceneShot,
  settle,
  type AppPage,
} from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

interface SetupView {
  start: [number, number];
  camera: string;
  runs: { id: string; color: string; optimizer: string }[];
}

function setupOf(page: Page): Promise<SetupView> {
  return page.evaluate(() => {
    const setup = window.__descentLab!.store.getState().setup;
    return {
      start: [setup.start[0], setup.start[1]] as [number, number],
      camera: setup.view.camera,
      runs: setup.runs.map((run) => ({ id: run.id, color: run.color, optimizer: run.optimizer })),
    };
  });
}

/**
 * Wait until results are complete and the scene has stopped drawing new frames
 * (it renders on demand, so a quiet frame counter means the latest state is on screen).
 */
/** Hide every run but the first, so its path is not covered by the others' paths. */
async function onlyFirstRun(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window.__descentLab!.store.getState();
    for (const run of state.setup.runs.slice(1)) state.updateRun(run.id, { visible: false });
  });
}

async function hideRunLegend(page: Page): Promise<void> {
  const hide = page.getByRole('button', { name: 'Hide', exact: true });
  if (await hide.count()) await hide.first().click();
}

async function open(hash = ''): Promise<AppPage> {
  const app = await session.open({ hash });
  await settle(app.page);
  return app;
}

describe('Descent Lab in headless Chromium', () => {
  test('starts offline under a strict CSP, computes in a worker and draws a shaded surface with each run\'s path', async () => {
    const app = await open();
    const { page } = app;
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(await page.evaluate(() => window.__descentLab!.client.inThread)).toBe(false);

    await hideRunLegend(page);
    await onlyFirstRun(page);
    await settle(page);
    const pixels = await sceneShot(page);
    await page.screenshot({ path: 'test-results/e2e-main.png' });
    expect(distinctColors(pixels)).toBeGreaterThan(60);
    const run = (await setupOf(page)).runs[0];
    expect(countColor(pixels, run.color, 30), `path of ${run.optimizer} (${run.color})`).toBeGreaterThan(20);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual([]);
    await app.context.close();
  });

  test('scrubbing the learning-rate slider changes the drawn path', async () => {
    const app = await open();
    const { page } = app;
    await hideRunLegend(page);
    await onlyFirstRun(page);
    await settle(page);
    const before = await sceneShot(page);
    const firstX = await page.evaluate(() => Array.from(window.__descentLab!.results.runs.get('r1')!.x.subarray(0, 40)));

    await page.evaluate(() => {
      const host = window as unknown as { __longTasks: number[] };
      host.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) host.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const slider = page.getByRole('slider', { name: /^Learning rate/ }).first();
    await slider.focus();
    for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowLeft');
    // Then all the way down: the smallest learning rate barely leaves the start.
    await page.keyboard.press('Home');
    await settle(page);
    const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);

    const after = await sceneShot(page);
    const afterX = await page.evaluate(() => Array.from(window.__descentLab!.results.runs.get('r1')!.x.subarray(0, 40)));
    expect(afterX).not.toEqual(firstX);
    expect(diffRatio(before, after)).toBeGreaterThan(0.0003);
    // Main-thread tasks while scrubbing are printed here and measured by `npm run bench:browser`;
    // a time limit here would fail on a busy machine, not on slow code.
    console.info(`long main-thread tasks while scrubbing: ${longTasks.length}, longest ${Math.round(Math.max(0, ...longTasks))} ms`);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('the top-down view changes the picture, and clicking the surface moves the start and the paths', async () => {
    const app = await open();
    const { page } = app;
    await hideRunLegend(page);
    await settle(page);
    const perspective = await sceneShot(page);
    await page.evaluate(() => window.__descentLab!.store.getState().setCamera('top'));
    await settle(page);
    const top = await sceneShot(page);
    expect(diffRatio(perspective, top)).toBeGreaterThan(0.05);

    const startBefore = (await setupOf(page)).start;
    const box = (await page.locator('[data-testid="scene-canvas"]').first().boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.62, box.y + box.height * 0.4);
    await settle(page);
    const startAfter = (await setupOf(page)).start;
    expect(startAfter).not.toEqual(startBefore);
    const firstPoint = await page.evaluate(() => {
      const run = window.__descentLab!.results.runs.get('r1')!;
      return [run.x[0], run.y[0]];
    });
    expect(firstPoint[0]).toBeCloseTo(startAfter[0], 9);
    expect(firstPoint[1]).toBeCloseTo(startAfter[1], 9);
    expect(diffRatio(top, await sceneShot(page))).toBeGreaterThan(0.0005);
    await app.context.close();
  });

  test('a lost and restored WebGL context keeps the surface and the paths drawn', async () => {
    const app = await open();
    const { page } = app;
    await hideRunLegend(page);
    await onlyFirstRun(page);
    await settle(page);
    const color = (await setupOf(page)).runs[0].color;
    const before = await sceneShot(page);
    await page.evaluate(async () => {
      const canvas = document.querySelector('[data-testid="scene-canvas"] canvas') as HTMLCanvasElement;
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext;
      const extension = gl.getExtension('WEBGL_lose_context')!;
      extension.loseContext();
      await new Promise((resolve) => setTimeout(resolve, 300));
      extension.restoreContext();
    });
    await page.waitForTimeout(500);
    await page.evaluate(() => window.__descentLab!.store.getState().setSteps(window.__descentLab!.store.getState().setup.steps));
    await settle(page);
    const after = await sceneShot(page);
    expect(distinctColors(after)).toBeGreaterThan(60);
    expect(countColor(after, color, 30)).toBeGreaterThan(20);
    expect(diffRatio(before, after)).toBeLessThan(0.05);
    await app.context.close();
  });

  test('a copied link opened in a new page reproduces the same pixels', async () => {
    const first = await open();
    await first.page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.updateRun(state.setup.runs[0].id, { lr: 0.037, batchSize: 8, seed: 42 });
    });
    await settle(first.page);
    await first.page.waitForFunction(() => location.hash.includes('v=1'), undefined, { timeout: 5_000 });
    await first.page.waitForTimeout(600);
    const hash = await first.page.evaluate(() => location.hash);
    await hideRunLegend(first.page);
    await settle(first.page);
    const original = await sceneShot(first.page);
    const pathA = await first.page.evaluate(() => Array.from(window.__descentLab!.results.runs.get('r1')!.x));

    const second = await open(hash);
    await hideRunLegend(second.page);
    await settle(second.page);
    const reopened = await sceneShot(second.page);
    const pathB = await second.page.evaluate(() => Array.from(window.__descentLab!.results.runs.get('r1')!.x));
    expect(pathB).toEqual(pathA);
    expect(diffRatio(original, reopened)).toBeLessThan(0.01);
    await first.context.close();
    await second.context.close();
  });

  test('CSV export has one row per point of every run', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('button', { name: /^Export/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Trajectories as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^descent-lab-.+-trajectories\.csv$/);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const lines = (await readFile(path, 'utf8')).trim().split('\n');
    expect(lines[0].startsWith('run,optimizer,surface,pane,step,x,y,loss,lr,')).toBe(true);
    const points = await page.evaluate(() => [...window.__descentLab!.results.runs.values()].reduce((sum, run) => sum + run.length, 0));
    expect(points).toBeGreaterThan(100);
    expect(lines.length - 1).toBe(points);
    await app.context.close();
  });

  test('a killed worker is noticed, restarted, and the same setup recomputed', async () => {
    const app = await open();
    const { page } = app;
    const pathBefore = await page.evaluate(() => Array.from(window.__descentLab!.results.runs.get('r1')!.x));
    await page.evaluate(() => window.__descentLab!.killWorker());
    await page.evaluate(() => window.__descentLab!.store.getState().setSteps(window.__descentLab!.store.getState().setup.steps + 1));
    await settle(page);
    await expect.poll(() => page.locator('.notices').innerText()).toMatch(/restart/i);
    const pathAfter = await page.evaluate(() => Array.from(window.__descentLab!.results.runs.get('r1')!.x));
    expect(pathAfter.slice(0, pathBefore.length)).toEqual(pathBefore);
    expect(await page.evaluate(() => window.__descentLab!.client.inThread)).toBe(false);
    await app.context.close();
  });

  test('a malformed link falls back field by field and says so', async () => {
    const app = await open('#v=1&s=eyJzdGVwcyI6Ik5hTiIsInN0YXJ0IjpbMSwiZm9vIl19');
    const { page } = app;
    await expect.poll(() => page.locator('.notices').innerText()).toMatch(/link/i);
    const setup = await setupOf(page);
    expect(setup.start.every(Number.isFinite)).toBe(true);
    expect(app.errors).toEqual([]);
    const pixels = await sceneShot(page);
    expect(distinctColors(pixels)).toBeGreaterThan(60);
    expect(colorBounds(pixels, setup.runs[0].color, 30)).not.toBeNull();
    await app.context.close();
  });

  test('adding a run draws a new path in its own color', async () => {
    const app = await open();
    const { page } = app;
    await hideRunLegend(page);
    await onlyFirstRun(page);
    await settle(page);
    const before = await sceneShot(page);
    await page.getByRole('button', { name: 'Add run' }).click();
    await settle(page);
    const setup = await setupOf(page);
    expect(setup.runs.length).toBe(4);
    const added = setup.runs[3];
    const after = await sceneShot(page);
    expect(diffRatio(before, after)).toBeGreaterThan(0.0003);
    expect(countColor(after, added.color, 30)).toBeGreaterThan(countColor(before, added.color, 30) + 20);
    await app.context.close();
  });
});
