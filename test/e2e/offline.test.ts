/**
 * Offline and install, in headless Chromium on the production build: after one
 * visit the service worker (scripts/pwa/sw.ts) holds the whole build, so the app
 * loads and draws with the network off; a new version waits for the next visit
 * instead of reloading a running lesson; the web-app manifest makes it installable.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Page, Response } from 'playwright-core';
import { countColor, decodePng, diffRatio, distinctColors, sceneShot, settle, type AppPage } from './harness.ts';
import { browserSession } from './session.ts';

/** A copy of the build, served like dist/, that a test can "deploy" a new version into by rewriting its sw.js. */
const DIST = await mkdtemp(join(tmpdir(), 'descent-offline-'));
await cp(resolve('dist'), DIST, { recursive: true });
afterAll(() => rm(DIST, { recursive: true, force: true }));
const session = browserSession(DIST);

/** Wait until a service worker controls the page: it claims the page on its first activation; if not, one reload hands it over. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
  if (!(await controlled())) {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 5_000 }).catch(async () => {
      await page.reload();
      await settle(page);
    });
  }
  expect(await controlled(), 'the page is controlled by the service worker').toBe(true);
}

async function cspReports(app: AppPage): Promise<string[]> {
  const reported = await app.page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]);
  return [...reported, ...app.cspViolations];
}

async function runColors(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__descentLab!.store.getState().setup.runs.filter((run) => run.visible).map((run) => run.color));
}

/** Every file of the build, as paths relative to dist/. */
async function distFiles(): Promise<string[]> {
  const entries = await readdir(DIST, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(DIST, join(entry.parentPath, entry.name)).split(sep).join('/'));
}

describe('offline and install', () => {
  test('after one visit the app loads offline from its service worker and draws the surface and every path, with no failed request', async () => {
    const app = await session.open();
    const { page, context } = app;
    await settle(page);
    await waitForServiceWorker(page);

    // The cache holds the whole build but the files the app never asks for (README screenshots, KaTeX's woff/ttf fallbacks).
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname.slice(1));
      return { names, urls: urls.sort() };
    });
    expect(cached.names).toHaveLength(1);
    const expected = (await distFiles()).filter((file) => file !== 'sw.js' && !/^screenshot[^/]*\.png$/.test(file) && !/\.(woff|ttf)$/.test(file)).sort();
    expect(cached.urls).toEqual(expected);
    expect(expected).toContain('index.html');
    expect(expected.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(3);

    const online = await sceneShot(page);
    const colors = await runColors(page);
    expect(colors.length).toBeGreaterThan(1);

    // Offline: every request must still succeed, and be answered by the service worker.
    const failed: string[] = [];
    const answered: Response[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => answered.push(response));
    await context.setOffline(true);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await page.reload();
    await settle(page, 60_000);
    const offline = await sceneShot(page);
    await page.screenshot({ path: 'test-results/e2e-offline.png' });

    expect(distinctColors(offline), 'a shaded surface').toBeGreaterThan(60);
    for (const color of colors) expect(countColor(offline, color, 30), `path ${color}`).toBeGreaterThan(20);
    expect(diffRatio(offline, online), 'the same picture as online').toBeLessThan(0.02);
    expect(await page.evaluate(() => window.__descentLab!.client.inThread), 'the engine runs in its worker, loaded offline').toBe(false);

    expect(failed).toEqual([]);
    const bad = answered.filter((response) => response.status() >= 400 || !response.fromServiceWorker()).map((response) => `${response.status()} ${response.url()}`);
    expect(bad, 'every response came from the service worker').toEqual([]);
    expect(answered.length).toBeGreaterThan(3);
    expect(app.errors).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    expect(await cspReports(app)).toEqual([]);
    await context.close();
  });

  test('a new version waits for the next visit: the running lesson is neither reloaded nor switched, the next page gets it', async () => {
    const app = await session.open();
    const { page, context } = app;
    await settle(page);
    await waitForServiceWorker(page);
    const firstCache = (await page.evaluate(() => caches.keys()))[0];

    // Deploy a "new build": the same worker under another version (so another cache).
    const serviceWorkerFile = join(DIST, 'sw.js');
    const deployed = await readFile(serviceWorkerFile, 'utf8');
    const next = deployed.replace(/const __VERSION__ = "[0-9a-f]+";/, 'const __VERSION__ = "next-build";');
    expect(next).not.toBe(deployed);
    await writeFile(serviceWorkerFile, next);
    try {
      await page.evaluate(() => {
        (window as unknown as { __sameDocument?: boolean }).__sameDocument = true;
      });
      await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
      await expect
        .poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? 'none'), { timeout: 60_000 })
        .toBe('installed');
    } finally {
      await writeFile(serviceWorkerFile, deployed);
    }

    // The lesson goes on in the same document, on the old version, and still computes.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
    expect(await page.evaluate(() => caches.keys())).toEqual(expect.arrayContaining([firstCache, 'descent-lab-next-build']));
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.updateRun(state.setup.runs[0].id, { lr: state.setup.runs[0].lr * 0.5 });
    });
    await settle(page);
    expect(distinctColors(await sceneShot(page))).toBeGreaterThan(60);

    // Once the last tab of the old version closes, the next visit runs the new one and the old cache is gone.
    await page.close();
    const nextPage = await context.newPage();
    await nextPage.goto(session.url);
    await settle(nextPage);
    await expect.poll(() => nextPage.evaluate(async () => (await caches.keys()).join()), { timeout: 30_000 }).toBe('descent-lab-next-build');
    expect(await nextPage.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(app.errors).toEqual([]);
    await context.close();
  });

  test('the manifest makes the app installable: name, theme colour, PNG icons of 192, 512 and a maskable one', async () => {
    const app = await session.open();
    const { page, context } = app;
    await settle(page);
    const cdp = await context.newCDPSession(page);
    const { errors, data } = (await cdp.send('Page.getAppManifest')) as { errors: { message: string }[]; data?: string };
    expect(errors).toEqual([]);
    const manifest = JSON.parse(data ?? '{}') as { name: string; theme_color: string; display: string; icons: { src: string; sizes: string; purpose?: string }[] };
    expect(manifest.name).toBe('Descent Lab');
    expect(manifest.display).toBe('standalone');
    expect(await page.getAttribute('meta[name="theme-color"]', 'content')).toBe(manifest.theme_color);
    for (const icon of manifest.icons.filter((entry) => entry.src.endsWith('.png'))) {
      const png = decodePng(await readFile(join(DIST, icon.src)));
      expect(`${png.width}x${png.height}`, icon.src).toBe(icon.sizes);
    }
    const pngs = manifest.icons.filter((icon) => icon.src.endsWith('.png'));
    expect(pngs.map((icon) => `${icon.sizes} ${icon.purpose ?? 'any'}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
    await waitForServiceWorker(page);
    const installability = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    // Playwright's contexts are off the record, where Chromium never offers to install; every other criterion must hold.
    expect(installability.installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito')).toEqual([]);

    // What a search result shows: a title, a description of a useful length, Open Graph and Twitter text, no remote image.
    const head = await page.evaluate(() => ({
      title: document.title,
      description: document.querySelector('meta[name="description"]')?.getAttribute('content') ?? '',
      social: [...document.querySelectorAll('meta[property^="og:"], meta[name^="twitter:"]')].map((meta) => meta.getAttribute('content') ?? ''),
    }));
    expect(head.title).toMatch(/^Descent Lab/);
    expect(head.description.length).toBeGreaterThan(70);
    expect(head.description.length).toBeLessThanOrEqual(160);
    expect(head.social.length).toBeGreaterThanOrEqual(5);
    expect(head.social.filter((content) => /^https?:/.test(content))).toEqual([]);
    const robots = await page.evaluate(() => fetch('/robots.txt').then(async (response) => `${response.status} ${await response.text()}`));
    expect(robots).toMatch(/^200 [\s\S]*User-agent: \*/);
    expect(app.errors).toEqual([]);
    expect(await cspReports(app)).toEqual([]);
    await context.close();
  });
});
