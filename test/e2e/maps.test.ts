/**
 * End-to-end: basin and hyper-parameter maps (issue 6) in the production build,
 * in headless Chromium with real map workers. Nothing waits on frame counts
 * alone: tests wait for the maps store to report a status, then look at pixels.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePng, diffRatio, distinctColors, quiet, sceneShot, waitForIdle, type AppPage, type Pixels } from './harness.ts';
import { browserSession } from './session.ts';
import { BASIN_PALETTE } from '../../src/view/mapColors.ts';

const session = browserSession();

interface SlotView {
  status: string;
  tilesDone: number;
  tilesTotal: number;
}

function slotOf(page: Page, kind: 'basin' | 'hyper'): Promise<SlotView> {
  return page.evaluate((kind) => {
    const slot = window.__descentLab!.store.getState().maps[kind];
    return { status: slot.status, tilesDone: slot.tilesDone, tilesTotal: slot.tilesTotal };
  }, kind);
}

async function waitForMap(page: Page, kind: 'basin' | 'hyper', status = 'done', timeoutMs = 60_000): Promise<void> {
  await page.waitForFunction(([kind, status]) => window.__descentLab!.store.getState().maps[kind as 'basin' | 'hyper'].status === status, [kind, status], {
    timeout: timeoutMs,
    polling: 50,
  });
}

async function open(): Promise<AppPage> {
  const app = await session.open({ width: 1400, height: 1000 });
  await waitForIdle(app.page, 60_000);
  await quiet(app.page);
  return app;
}

/** Pixels close to a basin color (any shade of it: the hue ratio is kept, so compare normalized channels). */
function basinPixels(pixels: Pixels, hex: string): number {
  const target = [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
  const norm = Math.hypot(...target);
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    const r = pixels.data[i];
    const g = pixels.data[i + 1];
    const b = pixels.data[i + 2];
    const length = Math.hypot(r, g, b);
    if (length < 60) continue;
    const cosine = (r * target[0] + g * target[1] + b * target[2]) / (length * norm);
    if (cosine > 0.995) count++;
  }
  return count;
}

describe('maps', () => {
  test('the basin map drapes on the surface in one color per valley and fills the top-down view', async () => {
    const { page, context, errors } = await open();
    const before = await sceneShot(page);
    await page.locator('.maps-panel select').nth(1).selectOption('64');
    await page.getByRole('button', { name: 'Show basin map' }).click();
    await waitForMap(page, 'basin');
    await quiet(page);
    const after = await sceneShot(page);
    expect(diffRatio(before, after)).toBeGreaterThan(0.1);
    // Valleys has three minima; from the default run's settings at least two basins show, each in its own color.
    const counts = BASIN_PALETTE.slice(0, 3).map((color) => basinPixels(after, color));
    expect(counts.filter((count) => count > 500).length).toBeGreaterThanOrEqual(2);
    // The legend names each minimum and the two other outcomes.
    await expect(page.locator('.basin-legend li').count()).resolves.toBe(5);
    await page.evaluate(() => window.__descentLab!.store.getState().setCamera('top'));
    await quiet(page);
    const top = await sceneShot(page);
    expect(diffRatio(after, top)).toBeGreaterThan(0.05);
    expect(distinctColors(top)).toBeGreaterThan(20);
    expect(BASIN_PALETTE.slice(0, 3).map((color) => basinPixels(top, color)).filter((count) => count > 2000).length).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    await context.close();
  });

  test('the progress bar advances while the map computes, and cancel stops the workers', async () => {
    const { page, context, errors } = await open();
    // 256² starts × 5,000 steps: long enough to watch.
    await page.evaluate(() => window.__descentLab!.store.getState().setSteps(5000));
    await waitForIdle(page, 60_000);
    await page.locator('.maps-panel select').nth(1).selectOption('256');
    await page.getByRole('button', { name: 'Show basin map' }).click();
    const progress = page.locator('.map-progress[data-map="basin"] progress');
    await expect(progress.count()).resolves.toBe(1);
    await page.waitForFunction(() => window.__descentLab!.store.getState().maps.basin.tilesDone >= 2, undefined, { timeout: 60_000, polling: 50 });
    const first = Number(await progress.getAttribute('value'));
    await page.waitForFunction((seen) => window.__descentLab!.store.getState().maps.basin.tilesDone > seen + 1, first, { timeout: 60_000, polling: 50 });
    const second = Number(await progress.getAttribute('value'));
    const total = Number(await progress.getAttribute('max'));
    expect(second).toBeGreaterThan(first);
    expect(second).toBeLessThan(total);

    // A DOM click: the panel re-renders per tile, which playwright's actionability checks race with.
    await page.getByRole('button', { name: 'Cancel basin map' }).dispatchEvent('click');
    await waitForMap(page, 'basin', 'cancelled', 5_000);
    const stopped = await slotOf(page, 'basin');
    // Workers finish at most the tiles they hold (or are terminated after a grace period): all idle within a second.
    await page.waitForFunction(() => window.__descentLab!.maps.pool!.busyWorkers === 0, undefined, { timeout: 5_000, polling: 50 });
    await page.waitForTimeout(500);
    expect(await slotOf(page, 'basin')).toEqual(stopped);
    expect(await page.evaluate(() => window.__descentLab!.maps.pool!.activeJob)).toBeNull();
    await expect(progress.count()).resolves.toBe(0);
    await expect(page.locator('.map-progress[data-map="basin"] [role="status"]').textContent()).resolves.toMatch(/Cancelled after \d+ of \d+ tiles/);

    // A setup change computes the open map again.
    await page.evaluate(() => window.__descentLab!.store.getState().setSteps(100));
    await waitForMap(page, 'basin');
    expect(errors).toEqual([]);
    await context.close();
  });

  test('clicking a cell of the basin map moves the start there; clicking the heatmap adds a run with its settings', async () => {
    const { page, context, errors } = await open();
    await page.evaluate(() => window.__descentLab!.store.getState().setCamera('top'));
    await page.locator('.maps-panel select').nth(1).selectOption('64');
    await page.getByRole('button', { name: 'Show basin map' }).click();
    await waitForMap(page, 'basin');
    await quiet(page);
    const startBefore = await page.evaluate(() => window.__descentLab!.store.getState().setup.start);
    const box = (await page.locator('[data-testid="scene-canvas"]').first().boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.35);
    await page.waitForFunction((before) => {
      const start = window.__descentLab!.store.getState().setup.start;
      return start[0] !== before[0] || start[1] !== before[1];
    }, startBefore, { timeout: 10_000 });
    const start = await page.evaluate(() => window.__descentLab!.store.getState().setup.start);
    const domain = await page.evaluate(() => window.__descentLab!.maps.results.basin!.domain);
    expect(start[0]).toBeGreaterThan(domain.x[0]);
    expect(start[0]).toBeLessThan(domain.x[1]);
    expect(start[1]).toBeGreaterThan(domain.y[0]);
    expect(start[1]).toBeLessThan(domain.y[1]);
    // The basin map does not depend on the start: it stays done.
    expect((await slotOf(page, 'basin')).status).toBe('done');

    await page.getByRole('button', { name: 'Show learning-rate map' }).click();
    await waitForMap(page, 'hyper');
    const heatmap = page.locator('[data-testid="hyper-map"]');
    await heatmap.scrollIntoViewIfNeeded();
    const pixels = decodePng(await heatmap.screenshot());
    expect(distinctColors(pixels)).toBeGreaterThan(12);
    const mapBox = (await heatmap.boundingBox())!;
    await page.mouse.move(mapBox.x + mapBox.width * 0.5, mapBox.y + mapBox.height * 0.4);
    await expect(page.locator('.hyper-map-readout').textContent()).resolves.toMatch(/^η [\d.]+, μ [\d.]+: /);
    const runsBefore = await page.evaluate(() => window.__descentLab!.store.getState().setup.runs.length);
    await page.mouse.click(mapBox.x + mapBox.width * 0.5, mapBox.y + mapBox.height * 0.4);
    const added = await page.evaluate(() => {
      const runs = window.__descentLab!.store.getState().setup.runs;
      const run = runs[runs.length - 1];
      const { lrMin, lrMax } = window.__descentLab!.maps.results.hyper!.spec;
      return { count: runs.length, lr: run.lr, momentum: run.momentum, optimizer: run.optimizer, lrMin, lrMax };
    });
    expect(added.count).toBe(runsBefore + 1);
    // The clicked cell's learning rate: inside the map's span (the click was mid-map).
    expect(added.lr).toBeGreaterThan(added.lrMin);
    expect(added.lr).toBeLessThan(added.lrMax);
    expect(['momentum', 'sgd']).toContain(added.optimizer);
    // The keyboard does the same: focus the heatmap, move one cell along η, press Enter.
    await heatmap.focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('.hyper-map-readout').textContent()).resolves.toMatch(/^η [\d.]+, μ [\d.]+: /);
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => window.__descentLab!.store.getState().setup.runs.length)).resolves.toBe(runsBefore + 2);
    expect(errors).toEqual([]);
    await context.close();
  });
  test('the maps follow the timeline: starts and settings that reach their minimum later than the step are faded', async () => {
    const { page, context, errors } = await open();
    await page.evaluate(() => window.__descentLab!.store.getState().setCamera('top'));
    await page.locator('.maps-panel select').nth(1).selectOption('64');
    await page.getByRole('button', { name: 'Show basin map' }).click();
    await waitForMap(page, 'basin');
    await page.getByRole('button', { name: 'Show learning-rate map' }).click();
    await waitForMap(page, 'hyper');
    await quiet(page);
    const steps = await page.evaluate(() => window.__descentLab!.store.getState().setup.steps);
    expect(await page.evaluate(() => window.__descentLab!.store.getState().timelineStep)).toBe(steps);
    const heatmap = page.locator('[data-testid="hyper-map"]');
    const shots = async () => {
      await quiet(page);
      const scene = await sceneShot(page);
      await heatmap.scrollIntoViewIfNeeded();
      return { scene, heatmap: decodePng(await heatmap.screenshot()) };
    };
    const atEnd = await shots();
    const basinCaptionEnd = await page.getByTestId('basin-timeline').textContent();
    await expect(page.getByTestId('hyper-map-timeline').textContent()).resolves.toMatch(/^At step [\d\u2009]+: all [\d\u2009]+ settings that reach a minimum have reached it\. This run/);

    // Home on the timeline's slider: step 0, where almost nothing has arrived yet.
    const slider = page.getByRole('slider', { name: 'Timeline step' });
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForFunction(() => window.__descentLab!.store.getState().timelineStep === 0, undefined, { timeout: 5_000 });
    const atStart = await shots();
    expect(diffRatio(atEnd.scene, atStart.scene)).toBeGreaterThan(0.05);
    expect(diffRatio(atEnd.heatmap, atStart.heatmap)).toBeGreaterThan(0.1);
    // The basin colours fade: far fewer bright basin-coloured pixels on the surface.
    const bright = (pixels: Pixels) => BASIN_PALETTE.slice(0, 3).reduce((sum, color) => sum + basinPixels(pixels, color), 0);
    expect(bright(atStart.scene)).toBeLessThan(bright(atEnd.scene) * 0.5);
    await expect(page.getByTestId('basin-timeline').textContent()).resolves.toMatch(/^At step 0: /);
    expect(await page.getByTestId('basin-timeline').textContent()).not.toBe(basinCaptionEnd);
    await expect(page.getByTestId('hyper-map-timeline').textContent()).resolves.toMatch(/^At step 0: [\d\u2009]+ of the [\d\u2009]+ settings .*This run \(ring\): loss /);

    // Midway, part of it has arrived: between the two pictures.
    await page.evaluate((step) => window.__descentLab!.store.getState().seekStep(step), Math.round(steps / 8));
    const midway = await shots();
    expect(diffRatio(midway.heatmap, atStart.heatmap)).toBeGreaterThan(0.005);
    expect(diffRatio(midway.heatmap, atEnd.heatmap)).toBeGreaterThan(0.005);
    // End: the maps are as they were.
    await slider.focus();
    await page.keyboard.press('End');
    await page.waitForFunction((steps) => window.__descentLab!.store.getState().timelineStep === steps, steps, { timeout: 5_000 });
    const back = await shots();
    expect(diffRatio(back.heatmap, atEnd.heatmap)).toBeLessThan(0.01);
    expect(errors).toEqual([]);
    await context.close();
  });
});
