/**
 * "Tune η" on a run card: on the κ = 5 bowl, plain SGD at a timid η = 0.005 crawls;
 * tuning searches the learning rate on the map workers, applies one below the
 * stability limit, says so in a notice, and the run's path and loss curve change.
 */
import { describe, expect, test } from 'vitest';
import { decodePng, diffRatio, sceneShot, settle, waitForIdle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

describe('Tune η', () => {
  test('finds, applies and reports a better learning rate for a crawling SGD run', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page);
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      const { setup } = state;
      const runs = [{ ...setup.runs[0], optimizer: 'sgd' as const, lr: 0.005, start: null, pane: 0, visible: true, batchSize: setup.datasetSize }];
      state.replaceSetup({ ...setup, panes: [{ surface: 'bowl' }], bowlCondition: 5, start: [-2.5, 2], steps: 100, runs });
    });
    await settle(page);
    const chartBefore = decodePng(await page.locator('.chart-canvas canvas').first().screenshot());
    const sceneBefore = await sceneShot(page);
    expect(await page.locator('.legend-entry .status-text').first().innerText()).toBe('still moving');

    await page.getByRole('button', { name: 'Tune η' }).click();
    const notice = page.locator('.notice', { hasText: 'Tune η' });
    await expect.poll(() => notice.count(), { timeout: 60_000 }).toBe(1);
    expect(await notice.innerText()).toMatch(/Tune η, run 1 \(SGD\): η = [\d.]+ ends lowest \(loss .+, against loss 1\.3\d at η = 0\.005; \d+ learning rates tried .+\)\. Applied\./);
    const lr = await page.evaluate(() => window.__descentLab!.store.getState().setup.runs[0].lr);
    expect(lr).toBeGreaterThan(0.1);
    expect(lr).toBeLessThan(1);
    await waitForIdle(page);
    await settle(page);
    await expect.poll(() => page.locator('.legend-entry .status-text').first().innerText()).toMatch(/^converged at step \d+ · reached minimum 1/);
    const chartAfter = decodePng(await page.locator('.chart-canvas canvas').first().screenshot());
    expect(diffRatio(chartBefore, chartAfter)).toBeGreaterThan(0.01);
    expect(diffRatio(sceneBefore, await sceneShot(page))).toBeGreaterThan(0.001);
    // The button is back, ready for another search.
    expect(await page.getByRole('button', { name: 'Tune η' }).isEnabled()).toBe(true);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
