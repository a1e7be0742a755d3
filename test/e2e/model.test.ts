/**
 * End-to-end: the Model view and the neural-net surface in the production
 * build. The Model canvas follows the playhead (its pixels change with the
 * step); the neural-net slice is trained on the worker pool behind a progress
 * bar, its landscape is drawn, and the network's decision regions differ
 * between two points of a run.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DEFAULT_NEURAL_NET_OPTIONS, heightField, makeNeuralNetSlice } from '../../src/core/index.ts';
import { fieldKey } from '../../src/state/engine.ts';
import { encodeSetup } from '../../src/state/link.ts';
import { SLICE_FIELD_RESOLUTION } from '../../src/state/maps/sliceBuilder.ts';
import { createAppStore } from '../../src/state/store/store.ts';
import { decodePng, diffRatio, distinctColors, sceneShot, waitForIdle, type Pixels } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

function linkFor(surface: 'linear-regression' | 'neural-net'): string {
  const store = createAppStore();
  store.getState().setSurface(surface, 0, true);
  if (surface === 'linear-regression') store.getState().updateRun(store.getState().setup.runs[0].id, { batchSize: 8 });
  store.getState().setPlaybackMode('animate');
  return encodeSetup(store.getState().setup);
}

/** The Model canvas at playhead step `step` (held, as a recording holds it), once it has drawn that step. */
async function modelAt(page: Page, step: number): Promise<Pixels> {
  await page.evaluate((held) => window.__descentLab!.playhead.hold(held), step);
  await page.waitForFunction((held) => document.querySelector('#model-summary')?.textContent?.includes(`at step ${held}:`) === true, step, { timeout: 30_000, polling: 50 });
  return decodePng(await page.getByRole('img', { name: 'Model' }).screenshot());
}

describe('the Model view', () => {
  test('on linear regression it draws the rows and the run’s line, and its pixels follow the step', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900, hash: linkFor('linear-regression') });
    await waitForIdle(page, 60_000);
    const canvas = page.getByRole('img', { name: 'Model' });
    await expect.poll(() => canvas.count()).toBe(1);
    const early = await modelAt(page, 3);
    const late = await modelAt(page, 150);
    const again = await modelAt(page, 3);
    // Not blank: the rows, the line and the residuals in several colours.
    expect(distinctColors(early)).toBeGreaterThan(5);
    // The line moved between steps 3 and 150; back at step 3 the picture is the same again.
    expect(diffRatio(early, late)).toBeGreaterThan(0.01);
    expect(diffRatio(early, again)).toBeLessThan(0.002);
    await expect.poll(() => page.locator('#model-summary').textContent()).toMatch(/^Run 1 \(SGD\) at step 3: the line t = /);
    expect(errors).toEqual([]);
  }, 120_000);

  test('the neural-net surface trains behind a progress bar, draws, and its decision regions change along a run', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900, hash: linkFor('neural-net') });
    // The build runs on the pool: a progress bar first, then the landscape.
    await page.locator('progress#slice-progress').waitFor({ state: 'visible', timeout: 30_000 });
    const building = await page.evaluate(() => window.__descentLab!.store.getState().neuralSlice);
    expect(building.status).toBe('building');
    expect(building.bandsTotal).toBeGreaterThan(1);
    await page.waitForFunction(() => window.__descentLab!.store.getState().neuralSlice.status === 'done', undefined, { timeout: 120_000, polling: 100 });
    await waitForIdle(page, 120_000);
    await expect.poll(() => page.locator('progress#slice-progress').count()).toBe(0);
    await expect.poll(async () => distinctColors(await sceneShot(page)), { timeout: 30_000 }).toBeGreaterThan(20);
    // The field the browser's pool built (one worker trained, both computed bands) is Node's heightField, bit for bit.
    const field = await page.evaluate((key) => Array.from(window.__descentLab!.results.fields.get(key)?.heights ?? []), fieldKey(0));
    expect(field).toEqual(Array.from(heightField(makeNeuralNetSlice(DEFAULT_NEURAL_NET_OPTIONS), SLICE_FIELD_RESOLUTION)));

    const start = await modelAt(page, 0);
    const end = await modelAt(page, 200);
    expect(distinctColors(start)).toBeGreaterThan(5);
    // At step 0 the network gets 59.5% right, at step 200 all of it: the regions moved.
    expect(diffRatio(start, end)).toBeGreaterThan(0.05);
    await expect.poll(() => page.locator('#model-summary').textContent()).toContain('classifies 100% of the 200 rows right');
    expect(errors).toEqual([]);
  }, 240_000);
});
