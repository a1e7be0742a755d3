/**
 * The legend's run statuses are core's describeOutcome: on the κ = 5 bowl from
 * (−2.5, 2), SGD with η = 1.05 and η = 1.1 both diverged (both left the plot at
 * step 1), η = 0.99 did not; a typed function undefined at the start says so. The
 * status colours are checked in pixels of the legend.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { countColor, decodePng, settle, waitForIdle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

const DANGER = '#ff8a80';
const OK = '#7ee2a8';

/** The step-size setup: SGD three times on the κ = 5 bowl from (−2.5, 2), 100 steps, at the learning rates given. */
async function bowlSetup(page: Page, lrs: readonly number[]): Promise<void> {
  await page.evaluate((rates) => {
    const state = window.__descentLab!.store.getState();
    const { setup } = state;
    const runs = rates.map((lr, index) => ({ ...setup.runs[index % setup.runs.length], id: `r${index + 1}`, optimizer: 'sgd' as const, lr, start: null, pane: 0, visible: true, batchSize: setup.datasetSize }));
    state.replaceSetup({ ...setup, panes: [{ surface: 'bowl' }], bowlCondition: 5, start: [-2.5, 2], steps: 100, runs });
  }, lrs);
}

const statuses = (page: Page) => page.locator('.legend-entry .status-text').allInnerTexts();

describe('run statuses in the legend', () => {
  test('κ = 5 bowl: η = 1.05 and 1.1 diverged after leaving the plot at step 1, η = 0.99 did not; colours follow', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page);
    await bowlSetup(page, [0.99, 1.05, 1.1, 0.45]);
    await waitForIdle(page);
    await expect.poll(() => statuses(page)).toHaveLength(4);
    const [calm, over, fast, good] = await statuses(page);
    expect(calm).toBe('still moving');
    expect(over).toMatch(/^diverged at step \d+ · left the plot at step 1$/);
    expect(fast).toMatch(/^diverged at step \d+ · left the plot at step 1$/);
    expect(good).toMatch(/^converged at step \d+ · reached minimum 1 \(a global minimum\)$/);

    // Pixels: red text in the two diverged entries only, green in the converged one only.
    const entries = page.locator('.legend-entry');
    const shot = async (index: number) => decodePng(await entries.nth(index).locator('.legend-status').screenshot());
    const [calmPixels, overPixels, fastPixels, goodPixels] = [await shot(0), await shot(1), await shot(2), await shot(3)];
    expect(countColor(overPixels, DANGER, 30)).toBeGreaterThan(20);
    expect(countColor(fastPixels, DANGER, 30)).toBeGreaterThan(20);
    expect(countColor(calmPixels, DANGER, 30)).toBe(0);
    expect(countColor(goodPixels, OK, 30)).toBeGreaterThan(20);
    expect(countColor(calmPixels, OK, 30)).toBe(0);
    expect(countColor(overPixels, OK, 30)).toBe(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('typed functions: undefined everywhere, or left where f is defined, never "diverged"', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page);
    const typeIn = (expression: string) =>
      page.evaluate((text) => window.__descentLab!.store.getState().setCustomSurface({ expression: text, domain: { x: [-2, 2], y: [-2, 2] } }, 0), expression);
    for (const expression of ['x^2 + y^2 + log(-1)', '1/0']) {
      await typeIn(expression);
      await waitForIdle(page);
      await expect.poll(() => statuses(page), { timeout: 15_000 }).toEqual(['the loss is undefined at the start', 'the loss is undefined at the start', 'the loss is undefined at the start']);
    }
    const pixels = decodePng(await page.locator('.legend-entry .legend-status').first().screenshot());
    expect(countColor(pixels, DANGER, 30)).toBeGreaterThan(20);
    expect(countColor(pixels, OK, 30)).toBe(0);

    // sqrt(x) from x > 0: the runs step to x < 0, where the loss is undefined; they did not run away.
    await typeIn('sqrt(x) + y^2');
    await waitForIdle(page);
    await expect.poll(() => statuses(page), { timeout: 15_000 }).toSatisfy((texts: string[]) => texts.length === 3 && texts.every((text) => /^the loss is undefined or infinite at step \d+$/.test(text)));
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
