/**
 * End-to-end: the person's own f(x, y) in the production build, under the app's
 * strict Content-Security-Policy (no eval, no new Function: the text is parsed,
 * never run). Typing a function redraws the surface and the paths; a syntax
 * error is shown where it is and the last valid surface stays on screen.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { defaultSetup } from '../../src/state/defaults.ts';
import { encodeSetup } from '../../src/state/link.ts';
import { countColor, diffRatio, distinctColors, sceneShot, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

/** The committed custom text and where the first run ended, as the store and result buffers hold them. */
function state(page: Page): Promise<{ expression: string | null; surface: string; color: string; end: [number, number] | null }> {
  return page.evaluate(() => {
    const hooks = window.__descentLab!;
    const { setup } = hooks.store.getState();
    const run = setup.runs[0];
    const result = hooks.results.runs.get(run.id);
    const last = result && result.length > 0 ? result.length - 1 : -1;
    return {
      expression: setup.custom?.expression ?? null,
      surface: setup.panes[0].surface,
      color: run.color,
      end: result && last >= 0 ? ([result.x[last], result.y[last]] as [number, number]) : null,
    };
  });
}

/** Type into the field key by key, as a person does (the panel parses after a pause in typing). */
async function typeFunction(page: Page, text: string): Promise<void> {
  const field = page.getByLabel('f(x, y) =');
  await field.fill('');
  await field.pressSequentially(text);
}

describe('your own f(x, y) in headless Chromium', () => {
  test('typing a function redraws the surface and the paths; a syntax error shows where and keeps the last surface', async () => {
    const app = await session.open();
    const { page } = app;
    const parserRequests: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/expression-[^/]*\.js$/.test(request.url())) parserRequests.push(request.url());
    });
    await settle(page);
    // Only the first run, with the legend folded away, so the path is not hidden.
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      for (const run of state.setup.runs.slice(1)) state.updateRun(run.id, { visible: false });
    });
    const hide = page.getByRole('button', { name: 'Hide', exact: true });
    if (await hide.count()) await hide.first().click();
    // The parser is a lazy chunk: nothing of it is fetched before a custom function is asked for.
    expect(parserRequests).toEqual([]);

    // "Custom f(x, y)…" is always offered; choosing it opens the panel with an example.
    await page.getByLabel('Surface', { exact: true }).selectOption('custom');
    const field = page.getByLabel('f(x, y) =');
    await field.waitFor();
    await page.waitForFunction(() => window.__descentLab!.store.getState().setup.panes[0].surface === 'custom');
    await settle(page);

    const before = await sceneShot(page);
    const beforeState = await state(page);
    expect(distinctColors(before)).toBeGreaterThan(40);

    const rosenbrock = '(1 - x)^2 + 100 (y - x^2)^2';
    await typeFunction(page, rosenbrock);
    await page.waitForFunction((text) => window.__descentLab!.store.getState().setup.custom?.expression === text, rosenbrock);
    await settle(page);
    const typed = await sceneShot(page);
    const typedState = await state(page);
    await page.screenshot({ path: 'test-results/e2e-custom-typed.png' });

    // A different landscape: a large share of the scene changed, and the path is drawn somewhere else.
    expect(diffRatio(before, typed)).toBeGreaterThan(0.08);
    expect(distinctColors(typed)).toBeGreaterThan(40);
    expect(countColor(typed, typedState.color, 30), 'the first run\'s path').toBeGreaterThan(20);
    expect(typedState.end).not.toBeNull();
    expect(typedState.end).not.toEqual(beforeState.end);
    expect(await field.getAttribute('aria-invalid')).toBeNull();

    // A syntax error: the message says where (1-based) and what was expected; the store and the scene keep the last function.
    await typeFunction(page, 'x^2 +* y');
    const error = page.getByTestId('custom-error');
    await expect.poll(() => error.isVisible(), { timeout: 10_000 }).toBe(true);
    const message = await error.innerText();
    expect(message).toContain("Unexpected '*' at character 6");
    expect(message).toMatch(/Expected a number, x, y/);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await error.getAttribute('id'));
    await expect.poll(() => page.getByText('Still showing the last valid function').isVisible()).toBe(true);
    await settle(page);
    const afterError = await sceneShot(page);
    await page.screenshot({ path: 'test-results/e2e-custom-error.png' });
    expect((await state(page)).expression).toBe(rosenbrock);
    expect(diffRatio(typed, afterError)).toBeLessThan(0.01);

    // The parser chunk arrived only after the custom function was chosen (once for the page, once for the worker).
    expect(parserRequests.length).toBeGreaterThan(0);
    // Parsed, never executed, and nothing left the origin.
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(app.cspViolations).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual([]);
    await app.context.close();
  });

  test('a function that is undefined over much of its domain draws with a warning, not a blank scene', async () => {
    const app = await session.open();
    const { page } = app;
    await settle(page);
    await page.getByLabel('Surface', { exact: true }).selectOption('custom');
    await page.getByLabel('f(x, y) =').waitFor();
    await typeFunction(page, 'log(x) + y^2');
    await page.waitForFunction(() => window.__descentLab!.store.getState().setup.custom?.expression === 'log(x) + y^2');
    await expect.poll(() => page.getByTestId('custom-warning').innerText(), { timeout: 10_000 }).toMatch(/f is undefined or infinite over \d+% of this domain/);
    await settle(page);
    expect(distinctColors(await sceneShot(page))).toBeGreaterThan(20);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])).toEqual([]);
    await app.context.close();
  });

  test('a link whose function does not parse shows the default landscape, says why, and keeps the text to fix', async () => {
    const broken = 'sin(x) +* y';
    const hash = encodeSetup({ ...defaultSetup(), custom: { expression: broken, domain: { x: [-3, 3], y: [-3, 3] } }, panes: [{ surface: 'custom' }] });
    const app = await session.open({ hash });
    const { page } = app;
    await expect.poll(() => page.locator('.notices').innerText(), { timeout: 20_000 }).toMatch(/could not be used \(Unexpected '\*' at character 9.*shows Valleys instead/s);
    await settle(page);
    const after = await state(page);
    expect(after.surface).toBe('valleys');
    expect(after.expression).toBe(broken);
    expect(distinctColors(await sceneShot(page))).toBeGreaterThan(20);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.context.close();
  });
});
