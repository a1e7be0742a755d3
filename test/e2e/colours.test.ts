/**
 * Colours a teacher can trust, in the production build: every run the setup
 * allows has its own colour in the legend and the chart (run 9 is not run 1
 * again), the keyboard selects every run, and the basin map brings its own key
 * into the pane's caption strip. Checked in pixels.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { colormapCss } from '../../src/view/colormap.ts';
import { BASIN_PALETTE } from '../../src/view/mapColors.ts';
import { countColor, decodePng, settle, waitForIdle, type Pixels } from './harness.ts';
import { browserSession } from './session.ts';
import { deltaE } from '../view/colorScience.ts';

const session = browserSession();

const shot = async (page: Page, selector: string): Promise<Pixels> => decodePng(await page.locator(selector).first().screenshot());

describe('run colours', () => {
  test('sixteen runs: run 9 differs from run 1 in the legend and the chart, and the keyboard reaches run 10 and run 16', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await waitForIdle(page, 60_000);
    await page.evaluate(() => {
      const store = window.__descentLab!.store;
      store.getState().setSteps(200);
      for (let added = 0; added < 16 && store.getState().setup.runs.length < 16; added++) store.getState().addRun('sgd');
    });
    await settle(page, 60_000);
    const colors = await page.evaluate(() => window.__descentLab!.store.getState().setup.runs.map((run) => run.color));
    expect(colors.length).toBe(16);
    expect(new Set(colors).size).toBe(16);
    const [first, ninth] = [colors[0], colors[8]];
    expect(deltaE(first, ninth)).toBeGreaterThan(20);

    // The legend's swatches: run 9's is drawn in its colour, and not in run 1's.
    const ninthEntry = await shot(page, '.legend-entry >> nth=8');
    expect(countColor(ninthEntry, ninth, 10)).toBeGreaterThan(20);
    expect(countColor(ninthEntry, first, 10)).toBe(0);
    const firstEntry = await shot(page, '.legend-entry >> nth=0');
    expect(countColor(firstEntry, first, 10)).toBeGreaterThan(20);
    expect(countColor(firstEntry, ninth, 10)).toBe(0);

    // The chart draws both lines, each in its own colour (only runs 1 and 9 shown, run 9 slower so the lines part).
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      const runs = state.setup.runs;
      for (const [index, run] of runs.entries()) if (index !== 0 && index !== 8) state.updateRun(run.id, { visible: false });
      state.updateRun(runs[8].id, { optimizer: 'sgd', lr: runs[0].lr / 4 });
    });
    await settle(page, 60_000);
    const chart = await shot(page, '.chart-panel canvas');
    expect(countColor(chart, first, 16)).toBeGreaterThan(20);
    expect(countColor(chart, ninth, 16)).toBeGreaterThan(20);

    // 0 selects run 10; [ from run 1 wraps to run 16; ] steps on.
    await page.locator('body').click({ position: { x: 2, y: 2 } });
    const selected = () => page.evaluate(() => window.__descentLab!.store.getState().selectedRunId);
    const ids = await page.evaluate(() => window.__descentLab!.store.getState().setup.runs.map((run) => run.id));
    await page.keyboard.press('0');
    expect(await selected()).toBe(ids[9]);
    await page.keyboard.press('1');
    await page.keyboard.press('[');
    expect(await selected()).toBe(ids[15]);
    await page.keyboard.press(']');
    expect(await selected()).toBe(ids[0]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('the basin map brings its own key', () => {
  test('while the basin map is shown, the caption strip shows basin swatches instead of the loss bar', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page, 60_000);
    // The loss bar's middle colour, as the page draws it.
    const viridisMiddle = colormapCss(0.5);
    const before = await shot(page, '.scene-footer');
    expect(countColor(before, viridisMiddle, 12)).toBeGreaterThan(10);
    // (The first basin colour is close to viridis' blue; the brown and the wine are on no loss bar.)
    expect(countColor(before, BASIN_PALETTE[1], 6) + countColor(before, BASIN_PALETTE[3], 6)).toBe(0);

    await page.locator('.maps-panel select').nth(1).selectOption('64');
    await page.getByRole('button', { name: 'Show basin map' }).click();
    await page.waitForFunction(() => window.__descentLab!.store.getState().maps.basin.status === 'done', undefined, { timeout: 60_000, polling: 50 });
    await settle(page, 60_000);
    await expect(page.getByTestId('basin-key').isVisible()).resolves.toBe(true);
    const after = await shot(page, '.scene-footer');
    // One swatch per minimum (Valleys has three), the not-converged grey and the diverged colour; no loss bar.
    for (const color of BASIN_PALETTE.slice(0, 3)) expect(countColor(after, color, 6), color).toBeGreaterThan(40);
    expect(countColor(after, viridisMiddle, 12)).toBe(0);
    await expect(page.getByTestId('basin-key').innerText()).resolves.toMatch(/min 1.*min 2.*min 3.*no minimum.*diverged/s);

    await page.getByRole('button', { name: 'Hide basin map' }).click();
    await settle(page, 60_000);
    const hidden = await shot(page, '.scene-footer');
    expect(countColor(hidden, viridisMiddle, 12)).toBeGreaterThan(10);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});

describe('the learning-rate × momentum map reads like the surface', () => {
  test('low loss is purple and high is yellow, on the map and on its key, as on the surface key', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page, 60_000);
    await page.getByRole('button', { name: 'Show learning-rate map' }).click();
    await page.waitForFunction(() => window.__descentLab!.store.getState().maps.hyper.status === 'done', undefined, { timeout: 90_000, polling: 50 });
    await page.locator('[data-testid=hyper-map]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    // The key: "lower" on the left of a ramp that starts purple and ends yellow, as the surface's loss key.
    await expect(page.getByTestId('hyper-legend').innerText()).resolves.toMatch(/lower[\s\S]*higher/);
    const ramp = decodePng(await page.locator('.hyper-legend-ramp').screenshot());
    const at = (x: number) => {
      const i = (Math.floor(ramp.height / 2) * ramp.width + x) * 4;
      return [ramp.data[i], ramp.data[i + 1], ramp.data[i + 2]];
    };
    const [left, right] = [at(3), at(ramp.width - 4)];
    expect(left[2]).toBeGreaterThan(left[1]); // purple: more blue than green
    expect(right[0] + right[1]).toBeGreaterThan(400); // yellow
    // The map: its lower-loss cells are drawn darker (toward purple) than its higher-loss ones (yellow). Cells that carry a
    // marker are left out: the best μ per η (a white dot) and those beside a diverged cell (the white edge).
    const cells = await page.evaluate(() => {
      const hyper = window.__descentLab!.maps.results.hyper!;
      const { lrCells, paramCells } = hyper.spec;
      const diverged = (column: number, row: number) => column >= 0 && row >= 0 && column < lrCells && row < paramCells && hyper.outcome[row * lrCells + column] === 255;
      const best = new Set<number>();
      for (let column = 0; column < lrCells; column++) {
        let at = -1;
        for (let row = 0; row < paramCells; row++) {
          const cell = row * lrCells + column;
          if (hyper.outcome[cell] !== 255 && (at < 0 || hyper.finalLoss[cell] < hyper.finalLoss[at])) at = cell;
        }
        best.add(at);
      }
      const plain: { column: number; row: number; loss: number }[] = [];
      for (let row = 0; row < paramCells; row++) {
        for (let column = 0; column < lrCells; column++) {
          const cell = row * lrCells + column;
          if (diverged(column, row) || best.has(cell) || !Number.isFinite(hyper.finalLoss[cell])) continue;
          if ([[1, 0], [-1, 0], [0, 1], [0, -1]].some(([dx, dy]) => diverged(column + dx, row + dy))) continue;
          plain.push({ column, row, loss: hyper.finalLoss[cell] });
        }
      }
      plain.sort((a, b) => a.loss - b.loss);
      const tenth = Math.max(1, Math.floor(plain.length / 10));
      return { lrCells, paramCells, low: plain.slice(0, tenth), high: plain.slice(-tenth) };
    });
    const map = decodePng(await page.locator('[data-testid=hyper-map]').screenshot());
    // The plot's insets (hyperMapDraw.ts): 38 px left, 6 top and right, 30 bottom.
    // Luma: viridis is built to grow in lightness from its purple end to its yellow end.
    const luma = ({ column, row }: { column: number; row: number }) => {
      const x = Math.floor(38 + ((column + 0.5) / cells.lrCells) * (map.width - 44));
      const y = Math.floor(6 + (1 - (row + 0.5) / cells.paramCells) * (map.height - 36));
      const i = (y * map.width + x) * 4;
      return 0.2126 * map.data[i] + 0.7152 * map.data[i + 1] + 0.0722 * map.data[i + 2];
    };
    const mean = (list: { column: number; row: number }[]) => list.reduce((sum, cell) => sum + luma(cell), 0) / list.length;
    expect(cells.low.length).toBeGreaterThan(10);
    expect(mean(cells.low)).toBeLessThan(mean(cells.high) - 10);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
