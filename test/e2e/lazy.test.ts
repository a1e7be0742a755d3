/**
 * Issue 17.2: the shell paints before three.js arrives. With the 3D view's chunk
 * held back, the header, controls, chart and lesson text are on screen with a
 * placeholder of the pane's size; once it arrives the scene draws. If the chunk
 * cannot be loaded at all, the pane says so and the rest of the page still works.
 * These tests hold chunks back with a route, so they run without the service worker:
 * once it controls the page (it claims it on a first visit) it serves every chunk from
 * its precache, which the page's routes do not see.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePng, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();
const SCENE_CHUNK = /\/assets\/SceneView-[^/]*\.js$/;

/** Holds back the requests matching `pattern` until the returned function is called. */
async function holdBack(page: Page, pattern: RegExp): Promise<() => void> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

describe('the shell before the 3D view', () => {
  test('before any script has run, the page shows its header and a line on what it does', async () => {
    const app = await session.open({ width: 390, height: 844, path: '/screenshot.png', serviceWorkers: 'block' });
    const { page } = app;
    // No script at all: what a phone on a slow network shows until the scripts arrive.
    await page.route(/\.js$/, (route) => route.abort());
    await page.goto(session.url);
    const lead = page.locator('.boot-lead p').first();
    await lead.waitFor();
    expect(await lead.innerText()).toMatch(/torch\.optim.*one step at a time/s);
    expect(await page.locator('.app-header .title-text').innerText()).toBe('Descent Lab');
    // Drawn, light on dark: the line's box holds text-coloured pixels, not a blank.
    const shot = decodePng(await lead.screenshot());
    let bright = 0;
    for (let k = 0; k < shot.data.length; k += 4) if (shot.data[k] > 180 && shot.data[k + 1] > 180 && shot.data[k + 2] > 180) bright++;
    expect(bright).toBeGreaterThan(500);
    const box = await lead.boundingBox();
    expect(box !== null && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await app.context.close();
  });

  test("the app's scripts are fetched once the shell is on screen, so its lead line is the page's largest paint", async () => {
    const app = await session.open({ width: 390, height: 844, path: '/screenshot.png', serviceWorkers: 'block' });
    const { page } = app;
    await app.context.addInitScript(() => {
      const paints: { at: number; inLead: boolean }[] = [];
      (window as unknown as { __paints: typeof paints }).__paints = paints;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) paints.push({ at: entry.startTime, inLead: entry.element?.closest('.boot-lead') != null });
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(session.url);
    await settle(page);
    const { paints, mainFetched } = await page.evaluate(() => ({
      paints: (window as unknown as { __paints: { at: number; inLead: boolean }[] }).__paints,
      mainFetched: performance.getEntriesByType('resource').find((entry) => /\/assets\/main-[^/]*\.js$/.test(entry.name))?.startTime ?? NaN,
    }));
    // One largest paint, the static shell's line; what React draws after it is smaller.
    expect(paints.map((paint) => paint.inLead)).toEqual([true]);
    expect(mainFetched).toBeGreaterThanOrEqual(paints[0].at);
    expect(await page.locator('[data-testid="scene-canvas"] canvas').count()).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test("when the app's scripts cannot be fetched, the shell says so instead of loading forever", async () => {
    const app = await session.open({ width: 390, height: 844, path: '/screenshot.png', serviceWorkers: 'block' });
    const { page } = app;
    await page.route(/\/assets\/main-[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
    await page.goto(session.url);
    await expect.poll(() => page.locator('.boot-note').textContent(), { timeout: 20_000 }).toMatch(/could not load its scripts/);
    expect(await page.locator('.boot-note').isVisible()).toBe(true);
    await app.context.close();
  });

  test('paints with a placeholder of the right size, naming the surface, while the scene chunk loads, then draws the scene', async () => {
    const app = await session.open({ width: 1280, height: 800, path: '/screenshot.png', serviceWorkers: 'block' });
    const { page } = app;
    const release = await holdBack(page, SCENE_CHUNK);
    await page.goto(session.url);
    const placeholder = page.locator('.scene-placeholder');
    await placeholder.waitFor();
    expect(await page.getByRole('status').filter({ hasText: 'Loading the 3D view' }).isVisible()).toBe(true);
    // Something to read meanwhile: the surface the pane will show and what it teaches.
    expect(await placeholder.locator('.scene-status-title').innerText()).toBe('Valleys');
    expect(await placeholder.locator('.scene-status-line').innerText()).toMatch(/starting point decides where gradient descent ends/);
    expect(await page.getByRole('button', { name: 'Add run' }).isVisible()).toBe(true);
    expect(await page.locator('.chart-panel').isVisible()).toBe(true);
    // The placeholder fills its pane (polled: the layout settles as the shell's fonts and panels arrive).
    const sizes = async () => ({ box: await placeholder.boundingBox(), pane: await page.locator('.pane').first().boundingBox() });
    await expect.poll(async () => {
      const { box, pane } = await sizes();
      return box !== null && pane !== null && Math.abs(box.width - pane.width) < 1 && Math.abs(box.height - pane.height) < 1 && box.height > 100;
    }).toBe(true);
    // No three.js yet: the main chunk holds none of it.
    expect(await page.evaluate(() => document.querySelectorAll('canvas[data-engine^="three.js"]').length)).toBe(0);

    release();
    await settle(page);
    expect(await page.locator('.scene-placeholder').count()).toBe(0);
    expect(await page.locator('[data-testid="scene-canvas"] canvas').count()).toBeGreaterThan(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('formulas waiting for KaTeX keep their place without showing raw TeX, then typeset', async () => {
    // No service worker: once it controls the page it serves KaTeX from its precache, past the route below.
    const app = await session.open({ width: 1440, height: 900, path: '/screenshot.png', serviceWorkers: 'block' });
    const { page } = app;
    const release = await holdBack(page, /\/assets\/katex-[^/]*\.js$/);
    await page.goto(session.url);
    await settle(page);
    // Every formula on the page holds raw TeX now; none of it is visible.
    const shown = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.tex')].map((element) => ({
          raw: element.querySelector('.katex') === null,
          visible: getComputedStyle(element).visibility !== 'hidden',
          height: element.getBoundingClientRect().height,
        })),
      );
    const before = await shown();
    expect(before.length).toBeGreaterThan(2);
    expect(before.every((formula) => formula.raw)).toBe(true);
    expect(before.filter((formula) => formula.visible)).toEqual([]);
    // …and each keeps a line or more of the layout, so nothing jumps far when it is typeset.
    expect(before.every((formula) => formula.height > 10)).toBe(true);
    release();
    await expect.poll(async () => (await shown()).filter((formula) => !formula.raw && formula.visible).length, { timeout: 20_000 }).toBeGreaterThan(2);
    expect((await shown()).filter((formula) => formula.raw && formula.visible)).toEqual([]);
    // Those away from the screen wait while the page is only looked at (the DOM stays small)…
    await page.waitForTimeout(1500);
    expect((await shown()).filter((formula) => formula.raw).length).toBeGreaterThan(0);
    // …and follow in idle time once it is used (a key press here), without scrolling to them.
    await page.keyboard.press('Shift');
    await expect.poll(async () => (await shown()).filter((formula) => formula.raw).length, { timeout: 20_000 }).toBe(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('the keyboard shortcut list is in the DOM only while its dialog is open', async () => {
    const app = await session.open({ width: 390, height: 844, mobile: true });
    const { page } = app;
    const rows = () => page.locator('.shortcuts-dialog tr').count();
    expect(await rows()).toBe(0);
    await page.locator('body').press('?');
    await expect.poll(rows).toBeGreaterThan(5);
    expect(await page.evaluate(() => document.querySelector('.shortcuts-dialog')?.hasAttribute('open'))).toBe(true);
    // The dialog takes the focus (its Close button), as a modal dialog does.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Close');
    await page.keyboard.press('Escape');
    await expect.poll(rows).toBe(0);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('a scene chunk that cannot load leaves a message in the pane, and the rest of the page working', async () => {
    const app = await session.open({ width: 1280, height: 800, path: '/screenshot.png', serviceWorkers: 'block' });
    const { page } = app;
    await page.route(SCENE_CHUNK, (route) => route.abort('internetdisconnected'));
    await page.goto(session.url);
    await expect.poll(() => page.locator('.scene-placeholder [role="alert"]').textContent(), { timeout: 20_000 }).toMatch(/could not be loaded/);
    await page.getByRole('button', { name: 'Add run' }).click();
    await expect.poll(() => page.evaluate(() => window.__descentLab!.store.getState().setup.runs.length)).toBe(4);
    expect(app.errors.filter((error) => !/dynamically imported module|SceneView|Failed to fetch|internetdisconnected|ERR_INTERNET_DISCONNECTED|net::/i.test(error))).toEqual([]);
    await app.context.close();
  });
});
