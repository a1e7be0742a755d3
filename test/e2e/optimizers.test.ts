/**
 * The optimizer picker in the production build: one optimizer of each group is
 * chosen in run 1's card as a person does (the grouped menu), its own controls
 * appear (generated from core's hyper-parameter table: sliders, whole numbers,
 * choices, check boxes), and its path is drawn (the scene's pixels change).
 * Newton says where H is not positive definite; the gradient-free methods show
 * their candidates as dots in the run's colour.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { OPTIMIZER_IDS } from '../../src/core/index.ts';
import { countColor, diffRatio, sceneShot, settle, type Pixels } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

/** Only run 1 shown and the legend folded, so its path is what changes. */
async function soloFirstRun(page: Page): Promise<string> {
  await page.evaluate(() => {
    const state = window.__descentLab!.store.getState();
    for (const run of state.setup.runs.slice(1)) state.updateRun(run.id, { visible: false });
  });
  const hide = page.getByRole('button', { name: 'Hide', exact: true });
  if (await hide.count()) await hide.first().click();
  return page.evaluate(() => window.__descentLab!.store.getState().setup.runs[0].color);
}

const optimizerSelect = (page: Page) => page.locator('select[aria-label^="Optimizer, run 1 "]');

async function choose(page: Page, id: string): Promise<Pixels> {
  await optimizerSelect(page).selectOption(id);
  await page.waitForFunction((wanted) => window.__descentLab!.store.getState().setup.runs[0].optimizer === wanted, id);
  await settle(page);
  return sceneShot(page);
}

describe('every optimizer from the grouped picker', () => {
  test('each group’s optimizer shows its own controls and draws its path', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page);
    const color = await soloFirstRun(page);
    await settle(page);
    const groups = await optimizerSelect(page).evaluate((select) =>
      [...select.querySelectorAll('optgroup')].map((group) => ({ label: group.label, ids: [...group.querySelectorAll('option')].map((option) => option.value) })),
    );
    expect(groups.map((group) => group.label)).toEqual(['Gradient descent', 'Adaptive', 'Second order', 'Without gradients']);
    expect(groups.flatMap((group) => group.ids)).toHaveLength(OPTIMIZER_IDS.length);

    let previous = await sceneShot(page);
    const card = page.locator('.run-card').first();

    // Gradient descent: heavy-ball momentum, μ on a slider.
    let shot = await choose(page, 'momentum');
    await expect.poll(() => card.getByRole('slider', { name: /^Momentum μ, run 1/ }).count()).toBe(1);
    expect(await card.locator('.optimizer-summary').innerText()).toMatch(/^Gradient descent · A heavy ball/);
    expect(diffRatio(previous, shot)).toBeGreaterThan(0.001);
    expect(countColor(shot, color, 30)).toBeGreaterThan(40);
    previous = shot;

    // Adaptive: AdamW with torch's decoupled weight decay 0.01 and the AMSGrad box.
    shot = await choose(page, 'adamw');
    expect(await card.getByRole('textbox', { name: /^Weight decay λ, run 1 .* value$/ }).inputValue()).toBe('0.01');
    await expect.poll(() => card.getByRole('checkbox', { name: /^AMSGrad, run 1/ }).count()).toBe(1);
    expect(diffRatio(previous, shot)).toBeGreaterThan(0.001);
    previous = shot;

    // Second order: L-BFGS, its history as a whole number and its line search as a choice.
    shot = await choose(page, 'lbfgs');
    expect(await card.getByRole('textbox', { name: /^History m, run 1 .* value$/ }).inputValue()).toBe('100');
    const lineSearch = card.getByRole('group', { name: /^Line search, run 1/ });
    expect(await lineSearch.getByRole('radio', { name: 'None' }).isChecked()).toBe(true);
    expect(diffRatio(previous, shot)).toBeGreaterThan(0.001);
    await lineSearch.getByText('Strong Wolfe').click();
    await page.waitForFunction(() => window.__descentLab!.store.getState().setup.runs[0].lineSearch === 'strong-wolfe');
    await settle(page);
    const wolfe = await sceneShot(page);
    expect(diffRatio(shot, wolfe)).toBeGreaterThan(0.001);
    previous = wolfe;

    // Without gradients: random search has no learning rate; its candidates and sampling are controls.
    shot = await choose(page, 'random-search');
    expect(await card.getByRole('slider', { name: /^Learning rate/ }).count()).toBe(0);
    expect(await card.getByRole('textbox', { name: /^Candidates per step, run 1 .* value$/ }).inputValue()).toBe('8');
    expect(await card.getByRole('combobox', { name: /^Sampling, run 1/ }).inputValue()).toBe('local');
    expect(diffRatio(previous, shot)).toBeGreaterThan(0.001);
    expect(countColor(shot, color, 30)).toBeGreaterThan(40);
    await page.screenshot({ path: 'test-results/e2e-optimizers-random-search.png' });
    expect(errors).toEqual([]);
  });

  test('Newton on the saddle says H is not positive definite; evolution shows its population as dots', async () => {
    const { page, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page);
    const color = await soloFirstRun(page);
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.setSurface('saddle');
      state.setStart([-1.5, 0.001]);
    });
    await choose(page, 'newton');
    const note = page.getByTestId('newton-note');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/H is not positive definite at the start .* heads for a saddle/);

    // Evolution: the population (16 dots) in the run's colour after 3 generations, still spread out; fewer coloured pixels with 2 members.
    await page.evaluate(() => window.__descentLab!.store.getState().setSteps(3));
    await choose(page, 'evolution');
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.updateRun(state.setup.runs[0].id, { spread: 0.3 });
    });
    await settle(page);
    const populated = await sceneShot(page);
    await page.screenshot({ path: 'test-results/e2e-optimizers-evolution.png' });
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.updateRun(state.setup.runs[0].id, { populationSize: 2 });
    });
    await settle(page);
    const pair = await sceneShot(page);
    expect(countColor(populated, color, 30)).toBeGreaterThan(countColor(pair, color, 30) + 60);
    expect(errors).toEqual([]);
  });
});
