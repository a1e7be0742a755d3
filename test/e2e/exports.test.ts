/**
 * Exports and links a teacher can hand out, in the production build: with two
 * panes the PNG names both surfaces, and below the panes carries a caption and
 * the runs legend in the runs' colours (the panes above it unchanged); a copied
 * link opens with the chart's toggles as they were (gradient norm on).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { countColor, decodePng, settle, type Pixels } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

/** The rows `top` … `bottom` of an image. */
function band(pixels: Pixels, top: number, bottom: number): Pixels {
  const start = top * pixels.width * 4;
  return { width: pixels.width, height: bottom - top, data: pixels.data.subarray(start, bottom * pixels.width * 4) };
}

describe('exports and links', () => {
  test('two panes: the PNG names both surfaces and adds a legend band in the runs’ colours below the panes', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page, 60_000);
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.setPaneCount(2);
      window.__descentLab!.store.getState().setSurface('rosenbrock', 1, false);
      const runs = window.__descentLab!.store.getState().setup.runs;
      window.__descentLab!.store.getState().updateRun(runs[1].id, { pane: 1 });
    });
    await settle(page, 60_000);
    const { colors, panesHeight } = await page.evaluate(() => {
      const setup = window.__descentLab!.store.getState().setup;
      const panes = [...document.querySelectorAll('.scene-pane')].map((pane) => pane.getBoundingClientRect());
      return { colors: setup.runs.filter((run) => run.visible).map((run) => run.color), panesHeight: Math.max(...panes.map((r) => r.bottom)) - Math.min(...panes.map((r) => r.top)) };
    });
    await page.getByRole('button', { name: /^Export/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'View as PNG' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^descent-lab-(valleys|[a-z-]+)-rosenbrock-view\.png$/);
    const png = decodePng(await readFile((await download.path())!));
    // The sheet is the panes plus a band below them.
    expect(png.height).toBeGreaterThan(panesHeight + 40);
    const legend = band(png, Math.round(panesHeight) + 2, png.height);
    // Every visible run's colour is in the band (its legend dot), and the band is not blank.
    for (const color of colors) expect(countColor(legend, color, 8), color).toBeGreaterThan(30);
    expect(countColor(legend, '#e6e9ef', 40)).toBeGreaterThan(200);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a copied link keeps the chart’s gradient norm toggle', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page, 60_000);
    await page.getByRole('checkbox', { name: 'Gradient norm' }).check();
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toContain('chart=');
    const chartBefore = decodePng(await page.locator('.chart-panel canvas').first().screenshot());

    const other = await session.open({ width: 1440, height: 900, path: link.slice(link.indexOf('/', 8)).replace(/#.*$/, ''), hash: link.slice(link.indexOf('#')) });
    await settle(other.page, 60_000);
    await expect(other.page.getByRole('checkbox', { name: 'Gradient norm' }).isChecked()).resolves.toBe(true);
    expect(await other.page.evaluate(() => window.__descentLab!.store.getState().chart.gradNorm)).toBe(true);
    // The chart draws the same series: its picture matches the page the link was copied from.
    const chartAfter = decodePng(await other.page.locator('.chart-panel canvas').first().screenshot());
    expect(chartAfter.width).toBe(chartBefore.width);
    const differing = chartBefore.data.reduce((sum, value, i) => sum + (Math.abs(value - chartAfter.data[i]) > 40 ? 1 : 0), 0);
    expect(differing / chartBefore.data.length).toBeLessThan(0.01);
    expect(app.errors).toEqual([]);
    expect(other.errors).toEqual([]);
    await app.context.close();
    await other.context.close();
  });
});
