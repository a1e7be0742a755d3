/**
 * The teacher's setup survives a surface change, in the production build: the
 * issue's steps (SGD η 0.03, then Himmelblau, then Valleys) driven through the
 * controls. η is kept where the surface takes it and clamped where it cannot,
 * a notice names the change, its Undo puts the landscape back (the scene's
 * pixels return), and editing a typed function keeps η.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { diffRatio, sceneShot, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

const lrField = (page: Page) => page.getByRole('textbox', { name: /^Learning rate, run 1 \(SGD\) value$/ });
const surfaceSelect = (page: Page) => page.getByLabel('Surface', { exact: true });

async function pick(page: Page, surface: string): Promise<void> {
  await surfaceSelect(page).selectOption(surface);
  await page.waitForFunction((id) => window.__descentLab!.store.getState().setup.panes[0].surface === id, surface);
  await settle(page);
}

describe('a surface change keeps the teacher’s settings', () => {
  test('SGD η 0.03 → Booth → Valleys keeps 0.03; Himmelblau clamps it, says so, and Undo restores it', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page);
    await lrField(page).fill('0.03');
    await lrField(page).press('Enter');
    await settle(page);
    const valleys = await sceneShot(page);

    await pick(page, 'booth');
    expect(await lrField(page).inputValue()).toBe('0.03');
    await pick(page, 'valleys');
    expect(await lrField(page).inputValue()).toBe('0.03');
    await expect.poll(() => page.locator('.notice').last().innerText()).toContain('Now showing Valleys: kept every learning rate and the start.');

    await pick(page, 'himmelblau');
    expect(await lrField(page).inputValue()).toBe('0.02');
    const notice = page.locator('.notice').last();
    expect(await notice.innerText()).toContain('run 1 (SGD): η 0.03 → 0.02, the largest this surface suits');
    const himmelblau = await sceneShot(page);
    expect(diffRatio(valleys, himmelblau)).toBeGreaterThan(0.1);
    await page.screenshot({ path: 'test-results/e2e-surface-change-notice.png' });

    await notice.getByRole('button', { name: 'Undo' }).click();
    await page.waitForFunction(() => window.__descentLab!.store.getState().setup.panes[0].surface === 'valleys');
    await settle(page);
    expect(await lrField(page).inputValue()).toBe('0.03');
    expect(await surfaceSelect(page).inputValue()).toBe('valleys');
    expect(await page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
    const undone = await sceneShot(page);
    expect(diffRatio(valleys, undone)).toBeLessThan(0.02);
    expect(errors).toEqual([]);
  });

  test('editing a typed function keeps η', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page);
    await surfaceSelect(page).selectOption('custom');
    const field = page.getByLabel('f(x, y) =');
    await field.waitFor();
    await page.waitForFunction(() => window.__descentLab!.store.getState().setup.panes[0].surface === 'custom');
    await lrField(page).fill('0.03');
    await lrField(page).press('Enter');
    await field.fill('x^2 + 3*y^2');
    await page.waitForFunction(() => window.__descentLab!.store.getState().setup.custom?.expression === 'x^2 + 3*y^2');
    await settle(page);
    expect(await lrField(page).inputValue()).toBe('0.03');
    expect(errors).toEqual([]);
  });
});
