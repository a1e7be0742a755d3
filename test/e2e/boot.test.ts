/**
 * What the page does at boot, beyond painting the shell first (lazy.test.ts): it
 * creates one WebGL context per pane (no throwaway probe: creating the first context
 * starts the GPU, a long main-thread task), and a browser whose canvas gives no WebGL
 * context still gets the landscape, as a 2D contour map with a note saying why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { distinctColors, decodePng, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

describe('boot', () => {
  test('the page paints its shell on a few hundred bytes of script, then loads React and the app, not three.js', async () => {
    const html = await (await fetch(`${session.url}/`)).text();
    const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
    expect(entry).toMatch(/\/assets\/index-[^/]+\.js$/);
    // Nothing else is fetched by the HTML (src/boot.ts imports the app once the shell has painted).
    expect([...html.matchAll(/<link rel="modulepreload"/g)]).toEqual([]);
    const entrySource = await (await fetch(`${session.url}${entry}`)).text();
    expect(entrySource.length).toBeLessThan(5_000);
    expect(entrySource).not.toMatch(/from\s*"\.\/[^"]+\.js"/);
    // What the boot's import brings: the app's main chunk and React; three.js and @react-three/*
    // (and what imports them) arrive with the 3D view's chunk.
    const listed = [...(/__vite__mapDeps=[^\n]*?\[([^\]]*)\]/.exec(entrySource)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(listed.some((href) => /\/main-[^/]+\.js$/.test(href))).toBe(true);
    expect(listed.some((href) => /\/react-[^/]+\.js$/.test(href))).toBe(true);
    expect(listed.filter((href) => /\/(three|r3f|SceneView)-/.test(href))).toEqual([]);
    const main = listed.find((href) => /\/main-[^/]+\.js$/.test(href))!;
    const mainSource = await (await fetch(`${session.url}/${main}`)).text();
    expect(mainSource).not.toMatch(/from\s*"\.\/(three|r3f)-[^"]+\.js"/);
  });

  test("the 3D view's chunk brings the parts of three.js the scene uses, not the whole library", async () => {
    // The pane's canvas registers a catalogue of classes (PaneCanvas.tsx) where R3F's <Canvas>
    // registered the whole namespace, which kept every class in the bundle.
    const assets = readdirSync(resolve('dist/assets'));
    const three = assets.filter((name) => /^three-[^/]+\.js$/.test(name));
    expect(three).toHaveLength(1);
    const source = readFileSync(resolve('dist/assets', three[0]), 'utf8');
    // Type names and `isX` flags survive minification: used classes are there, unused ones are not.
    for (const used of ['PerspectiveCamera', 'OrthographicCamera', 'MeshLambertMaterial', 'InstancedMesh']) expect(source, used).toContain(`is${used}=`);
    for (const unused of ['TorusKnotGeometry', 'CatmullRomCurve3', 'AudioListener', 'ObjectLoader', 'AnimationMixer']) expect(source, unused).not.toContain(unused);
  });

  test('the 3D view creates one WebGL context, and draws the landscape with it', async () => {
    const app = await session.open({ width: 1280, height: 800, path: '/screenshot.png' });
    const { page } = app;
    await page.addInitScript(() => {
      (window as unknown as { __webglContexts: number }).__webglContexts = 0;
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        if (kind === 'webgl2' || kind === 'webgl') (window as unknown as { __webglContexts: number }).__webglContexts++;
        return (getContext as (this: HTMLCanvasElement, ...args: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
      } as typeof getContext;
    });
    await page.goto(session.url);
    await settle(page);
    expect(await page.evaluate(() => (window as unknown as { __webglContexts: number }).__webglContexts)).toBe(1);
    const shot = decodePng(await page.locator('[data-testid="scene-canvas"] canvas').first().screenshot());
    expect(distinctColors(shot)).toBeGreaterThan(20);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('phones with dense screens draw without multisampling, desktops with it; both draw the landscape', async () => {
    const cases = [
      { name: 'phone at 2 device pixels per CSS pixel', options: { width: 390, height: 844, mobile: true, scale: 2 }, antialias: false },
      { name: 'desktop at 1', options: { width: 1280, height: 800 }, antialias: true },
      { name: 'desktop at 2 (a retina laptop)', options: { width: 1280, height: 800, scale: 2 }, antialias: true },
    ];
    for (const { name, options, antialias } of cases) {
      const app = await session.open(options);
      const { page } = app;
      await settle(page);
      const attributes = await page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="scene-canvas"] canvas');
        // The canvas's existing context (getContext returns the one three.js created).
        return canvas?.getContext('webgl2')?.getContextAttributes() ?? null;
      });
      expect(attributes?.antialias, name).toBe(antialias);
      const shot = decodePng(await page.locator('[data-testid="scene-canvas"] canvas').first().screenshot());
      expect(distinctColors(shot), name).toBeGreaterThan(20);
      expect(app.errors, name).toEqual([]);
      await app.context.close();
    }
  });

  test('without a WebGL context the pane shows the 2D contour map and says why', async () => {
    const app = await session.open({ width: 1280, height: 800, path: '/screenshot.png' });
    const { page } = app;
    await page.addInitScript(() => {
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
        if (kind === 'webgl2' || kind === 'webgl' || kind === 'experimental-webgl') return null;
        return (getContext as (this: HTMLCanvasElement, ...args: unknown[]) => RenderingContext | null).call(this, kind, ...rest);
      } as typeof getContext;
    });
    await page.goto(session.url);
    const note = page.getByRole('status').filter({ hasText: 'WebGL is not available' });
    await note.waitFor({ timeout: 30_000 });
    // The contour map: a filled, many-coloured picture, not a blank pane.
    await expect.poll(async () => distinctColors(decodePng(await page.locator('[data-testid="scene-canvas"] canvas').first().screenshot())), { timeout: 20_000 }).toBeGreaterThan(20);
    expect(await page.getByRole('alert').filter({ hasText: 'could not start' }).count()).toBe(0);
    expect(app.errors.filter((error) => !/WebGL/i.test(error))).toEqual([]);
    await app.context.close();
  });
});
