/**
 * Issue 17.5: pointing at a run in the legend (hover with a mouse, a tap on a
 * touch screen, which also selects it) brings its path forward and dims the
 * others; pointing away puts every path back. Checked in pixels.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { countColor, diffRatio, sceneShot, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

const runColors = (page: Page) => page.evaluate(() => window.__descentLab!.store.getState().setup.runs.map((run) => run.color));

describe('the runs legend brings a path forward', () => {
  test('hovering a run dims the other paths; leaving restores them', async () => {
    const app = await session.open({ width: 1280, height: 800 });
    const { page } = app;
    await settle(page);
    const [first, second] = await runColors(page);
    const before = await sceneShot(page);

    await page.locator('.legend-entry').nth(1).locator('button').hover();
    await settle(page);
    const hovered = await sceneShot(page);
    expect(diffRatio(before, hovered)).toBeGreaterThan(0.0005);
    // The other runs fade: fewer pixels of the first run's colour; the pointed-at run is drawn whole, in front.
    expect(countColor(hovered, first, 30)).toBeLessThan(countColor(before, first, 30) * 0.7);
    expect(countColor(hovered, second, 30)).toBeGreaterThanOrEqual(countColor(before, second, 30) * 0.95);

    await page.mouse.move(5, 5);
    await settle(page);
    expect(diffRatio(before, await sceneShot(page))).toBeLessThan(0.0005);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a tap on a touch screen selects the run and keeps it forward', async () => {
    const app = await session.open({ width: 1024, height: 768, touch: true });
    const { page } = app;
    await settle(page);
    const [first] = await runColors(page);
    const before = await sceneShot(page);
    await page.locator('.legend-entry').nth(2).locator('button').tap();
    await settle(page);
    expect(await page.evaluate(() => window.__descentLab!.store.getState().selectedRunId)).toBe(await page.evaluate(() => window.__descentLab!.store.getState().setup.runs[2].id));
    const tapped = await sceneShot(page);
    expect(diffRatio(before, tapped)).toBeGreaterThan(0.0005);
    expect(countColor(tapped, first, 30)).toBeLessThan(countColor(before, first, 30) * 0.7);
    // Its update rule shows first in the lesson text.
    await expect.poll(() => page.locator('.selected-rule').innerText()).toMatch(/^Run 3/);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
