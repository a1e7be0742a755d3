/**
 * Starts against their pane's plot, in the production build: a start typed far
 * outside is moved to the nearest point inside and the start controls say so; a
 * second pane whose plot does not hold the shared start starts its runs inside
 * it (and says where), so its path is seen; a path that leaves the plot is drawn
 * to the edge with a "left the plot at step k" mark.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { countColor, decodePng, diffRatio, sceneShot, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

/** The first point of a run as the engine computed it. */
const firstPoint = (page: Page, index: number) =>
  page.evaluate((i) => {
    const hooks = window.__descentLab!;
    const run = hooks.store.getState().setup.runs[i];
    const result = hooks.results.runs.get(run.id)!;
    return [result.x[0], result.y[0]];
  }, index);

describe('starts inside their pane’s plot', () => {
  test('Start x = 100 is moved into the plot, with a message; runs start there', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page);
    const field = page.getByRole('textbox', { name: 'Start x', exact: true });
    await field.fill('100');
    await field.press('Enter');
    await settle(page);
    const note = page.getByTestId('start-note');
    expect(await note.innerText()).toContain('(100, −2.25) lies outside the plot (x from −4 to 4, y from −4 to 4), so the start is (4, −2.25)');
    expect(await field.inputValue()).toBe('4');
    expect(await firstPoint(page, 0)).toEqual([4, -2.25]);

    // A run's own start accepts only its pane's plot, and says why.
    await page.getByRole('checkbox', { name: /^Own start, run 1/ }).check();
    const own = page.getByRole('textbox', { name: /^Start x, run 1/ });
    await own.fill('100');
    await own.press('Enter');
    expect(await page.locator('.run-card').first().locator('.field-error', { hasText: 'out of range' }).innerText()).toContain('100 is out of range; enter a number between −4 and 4');
    expect(await page.evaluate(() => window.__descentLab!.store.getState().setup.runs[0].start)).toEqual([4, -2.25]);
    expect(errors).toEqual([]);
  });

  test('a second pane on Rosenbrock starts its runs inside its own plot, says so, and draws them', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page);
    const color = await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.setPaneCount(2);
      window.__descentLab!.store.getState().setSurface('rosenbrock', 1);
      const runs = window.__descentLab!.store.getState().setup.runs;
      window.__descentLab!.store.getState().updateRun(runs[1].id, { pane: 1, lr: 0.001 });
      return runs[1].color;
    });
    await settle(page);
    expect(await page.getByTestId('start-note').innerText()).toContain('Pane 2 (Rosenbrock) does not hold the start (3, −2.25): its runs start at (2, −1), the nearest point inside.');
    expect(await firstPoint(page, 1)).toEqual([2, -1]);
    expect(await firstPoint(page, 0)).toEqual([3, -2.25]);
    const pane2 = decodePng(await page.locator('[data-testid="scene-canvas"][data-pane="1"]').screenshot());
    expect(countColor(pane2, color, 30)).toBeGreaterThan(40);
    expect(errors).toEqual([]);
  });

  test('a path that leaves the plot is drawn to the edge and marked where and when it left', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page);
    // The example: SGD with batch 1 and noise 10 on Valleys leaves the plot.
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      for (const run of state.setup.runs.slice(1)) state.updateRun(run.id, { visible: false });
      state.updateRun(state.setup.runs[0].id, { batchSize: 1, noise: 10 });
    });
    const hide = page.getByRole('button', { name: 'Hide', exact: true });
    if (await hide.count()) await hide.first().click();
    await settle(page);
    const exit = await page.evaluate(() => {
      const hooks = window.__descentLab!;
      const run = hooks.store.getState().setup.runs[0];
      const result = hooks.results.runs.get(run.id)!;
      for (let k = 0; k < result.length; k++) if (Math.abs(result.x[k]) > 4 || Math.abs(result.y[k]) > 4) return k;
      return -1;
    });
    expect(exit).toBeGreaterThan(0);
    const label = page.locator('.scene-label.left-plot > span', { hasText: 'left the plot' });
    await expect.poll(() => label.evaluate((span) => getComputedStyle(span.parentElement!).visibility !== 'hidden' && span.textContent)).toBe(`left the plot at step ${exit}`);
    const shown = await sceneShot(page);
    await page.screenshot({ path: 'test-results/e2e-starts-left-plot.png' });
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.updateRun(state.setup.runs[0].id, { visible: false });
    });
    await settle(page);
    expect(diffRatio(shown, await sceneShot(page))).toBeGreaterThan(0.001);
    expect(errors).toEqual([]);
  });
});
