/**
 * The loss chart: its x axis counts steps, gradient evaluations or epochs (and a link
 * keeps the choice); its log scale plots L − L* so it works where the loss goes below
 * zero, and it never claims a scale it is not using. Checked in the chart's pixels.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePng, diffRatio, settle, waitForIdle, type Pixels } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

const chartShot = async (page: Page): Promise<Pixels> => decodePng(await page.locator('.chart-canvas canvas').first().screenshot());

/** Pixels of the plot that are neither background nor grey (axes, grid, text): the curves. */
function curvePixels(pixels: Pixels): number {
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    const [r, g, b] = [pixels.data[i], pixels.data[i + 1], pixels.data[i + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) > 60) count++;
  }
  return count;
}

/** Mini-batch SGD (B = 16 of 256: 16 steps an epoch) beside L-BFGS with a line search (several gradients a step). */
async function mixedSetup(page: Page): Promise<void> {
  await page.evaluate(() => {
    const state = window.__descentLab!.store.getState();
    state.setSurface('rosenbrock');
    const [first, second] = window.__descentLab!.store.getState().setup.runs;
    state.updateRun(first.id, { optimizer: 'sgd', lr: 0.001, batchSize: 16 });
    state.updateRun(second.id, { optimizer: 'lbfgs', lr: 1, lineSearch: 'strong-wolfe' });
  });
  await waitForIdle(page);
}

const axisChoice = (page: Page, name: string) => page.getByRole('radio', { name });

describe('the loss chart', () => {
  test('switching the x axis redraws the curves, and a link opens on the chosen axis', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page);
    await mixedSetup(page);
    await page.waitForTimeout(300);
    const steps = await chartShot(page);
    expect(curvePixels(steps)).toBeGreaterThan(200);

    await axisChoice(page, 'epochs, examples seen divided by N').check();
    await page.waitForTimeout(300);
    const epochs = await chartShot(page);
    expect(curvePixels(epochs)).toBeGreaterThan(200);
    expect(diffRatio(steps, epochs)).toBeGreaterThan(0.01);

    await axisChoice(page, 'gradient evaluations').check();
    await page.waitForTimeout(300);
    const gradients = await chartShot(page);
    expect(diffRatio(epochs, gradients)).toBeGreaterThan(0.001);
    expect(diffRatio(steps, gradients)).toBeGreaterThan(0.01);

    // The address bar carries the setup: a fresh page from it shows the same axis and the same pixels.
    await axisChoice(page, 'epochs, examples seen divided by N').check();
    await page.waitForTimeout(600);
    const hash = await page.evaluate(() => location.hash);
    const again = await session.open({ width: 1440, height: 900, hash });
    await settle(again.page);
    expect(await axisChoice(again.page, 'epochs, examples seen divided by N').isChecked()).toBe(true);
    await again.page.waitForTimeout(300);
    expect(diffRatio(await chartShot(again.page), await chartShot(page))).toBeLessThan(0.002);
    expect([...app.errors, ...again.errors]).toEqual([]);
    await again.context.close();
    await app.context.close();
  });

  test('log scale: L − L* on a surface whose loss goes below zero; an honest box where log cannot be used', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page);
    const logBox = page.getByRole('checkbox', { name: 'Log scale' });
    const note = page.locator('.chart-note');

    // Six-hump camel: the loss goes down to −1.03, yet the chart stays logarithmic, plotting L − L*.
    await page.evaluate(() => window.__descentLab!.store.getState().setSurface('six-hump-camel'));
    await waitForIdle(page);
    await page.waitForTimeout(300);
    expect(await logBox.isChecked()).toBe(true);
    expect(await note.count()).toBe(0);
    expect(await page.locator('.chart-canvas canvas').first().getAttribute('aria-label')).toMatch(/logarithmic/);
    const gapLog = await chartShot(page);
    expect(curvePixels(gapLog)).toBeGreaterThan(200);
    await logBox.uncheck();
    await page.waitForTimeout(300);
    expect(diffRatio(gapLog, await chartShot(page))).toBeGreaterThan(0.01);
    await logBox.check();

    // x² + y² reaches exactly 0: still log, and no word of going below zero.
    const typeIn = (expression: string) =>
      page.evaluate((text) => window.__descentLab!.store.getState().setCustomSurface({ expression: text, domain: { x: [-2, 2], y: [-2, 2] } }, 0), expression);
    await typeIn('x^2 + y^2');
    await waitForIdle(page);
    await page.waitForTimeout(300);
    expect(await logBox.isChecked()).toBe(true);
    expect(await note.count()).toBe(0);

    // A plane has no minimum to measure from and goes below zero: linear, the box unticked, and why.
    await typeIn('x + y');
    await waitForIdle(page);
    await expect.poll(() => note.count()).toBe(1);
    expect(await note.innerText()).toMatch(/below zero and no minimum is known/);
    expect(await logBox.isChecked()).toBe(false);
    expect(await logBox.isDisabled()).toBe(true);
    expect(await page.locator('.chart-canvas canvas').first().getAttribute('aria-label')).not.toMatch(/logarithmic/);
    expect(curvePixels(await chartShot(page))).toBeGreaterThan(100);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
