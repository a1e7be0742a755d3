/**
 * Shared pieces for browser tests and browser benchmarks: a static server for the
 * production build (sending the app's Content-Security-Policy as a header, as a
 * host should), Debian's Chromium through playwright-core, an offline guard that
 * records every request leaving the page's origin, and PNG pixel analysis.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { CONTENT_SECURITY_POLICY } from '../../scripts/csp.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serve `dist/` on a free localhost port. */
export async function serveDist(root = resolve(process.cwd(), 'dist')): Promise<StaticServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`No production build at ${root}: run \`npm run build\` first (npm run test:e2e does).`);
  }
  const server: Server = createServer(async (request, response) => {
    try {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      let file = normalize(join(root, pathname));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      if (pathname.endsWith('/') || !(await stat(file).catch(() => null))?.isFile()) file = join(root, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        'Cache-Control': 'no-store',
      });
      response.end(body);
    } catch {
      response.writeHead(500).end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}. Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return path;
}

/**
 * Headless Chromium with software WebGL (SwiftShader) and no background network traffic.
 *
 * `--use-gl=angle --use-angle=swiftshader` turns on GPU compositing (on SwiftShader), as
 * on any machine with a GPU. Without it headless Chromium composites in software, which
 * reads every WebGL frame back synchronously at commit (GLES2::ReadPixels in a trace):
 * the main thread then waits ~350 ms per frame for the software GPU, an artifact of this
 * GPU-less machine that no browser with a GPU has.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--use-gl=angle',
      '--use-angle=swiftshader',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface AppPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Requests the page tried to make outside its own origin (all were blocked). */
  readonly foreignRequests: string[];
  /** Uncaught page errors and console errors. */
  readonly errors: string[];
  /** Content-Security-Policy violations the page reported. */
  readonly cspViolations: string[];
}

/** A fresh context (own storage) with every request outside `origin` blocked and recorded. */
export async function openApp(
  browser: Browser,
  origin: string,
  options: { width?: number; height?: number; hash?: string; path?: string; touch?: boolean; mobile?: boolean; scale?: number; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<AppPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    deviceScaleFactor: options.scale ?? 1,
    hasTouch: options.touch ?? options.mobile ?? false,
    // A phone: the page is laid out at the device width (overflow shows as innerWidth > width), with touch.
    isMobile: options.mobile ?? false,
    permissions: ['clipboard-read', 'clipboard-write'],
    acceptDownloads: true,
    // A test that holds a chunk back blocks the service worker, which would otherwise serve it from its precache.
    serviceWorkers: options.serviceWorkers ?? 'allow',
  });
  const foreignRequests: string[] = [];
  const errors: string[] = [];
  const cspViolations: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const list = ((window as unknown as { __cspViolations?: string[] }).__cspViolations ??= []);
      list.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
  });
  await page.goto(`${origin}${options.path ?? '/'}${options.hash ?? ''}`);
  // The app's module is imported once index.html's shell has painted (src/boot.ts), after the load
  // event that goto waits for: the test hooks exist once it has started.
  if ((options.path ?? '/') === '/') await appStarted(page);
  return { context, page, foreignRequests, errors, cspViolations };
}

/** Wait until the app's module has run (its store and test hooks exist), after a navigation or reload. */
export async function appStarted(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { __descentLab?: unknown }).__descentLab !== undefined, undefined, { timeout: timeoutMs, polling: 20 });
}

/** Wait until the app reports that every run of the current setup has finished computing and a frame was drawn. */
export async function waitForIdle(page: Page, timeoutMs = 30_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const hooks = (window as unknown as { __descentLab?: { isIdle?: () => boolean } }).__descentLab;
      return hooks?.isIdle?.() === true;
    },
    undefined,
    { timeout: timeoutMs, polling: 50 },
  );
}

/**
 * Wait until the scene has stopped drawing (it renders on demand, so a quiet frame counter means the
 * latest state is on screen), no surface is being built (a build in slices draws when it is done)
 * and no frame is held while shaders compile (the counter is quiet then too, with an older frame,
 * or a canvas a resize has cleared, on screen).
 */
export async function quiet(page: Page, timeoutMs = 30_000): Promise<void> {
  const counters = () =>
    page.evaluate(() => {
      const scene = (window as unknown as { __descentScene?: { frames: number; building?: number; holding?: number } }).__descentScene;
      return { frames: scene?.frames ?? 0, building: scene?.building ?? 0, holding: scene?.holding ?? 0 };
    });
  let previous = -1;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    await page.waitForTimeout(400);
    const { frames, building, holding } = await counters();
    if (frames > 0 && frames === previous && building === 0 && holding === 0) return;
    previous = frames;
  }
  throw new Error('the scene kept drawing or never drew');
}

/** Wait for idle, then until the scene has stopped drawing (damping and playback done): frame counts, not frame rates. */
export async function settle(page: Page, timeoutMs = 30_000): Promise<void> {
  await waitForIdle(page, timeoutMs);
  await quiet(page, timeoutMs);
}

/** A screenshot of the (first) scene pane, decoded. */
export async function sceneShot(page: Page): Promise<Pixels> {
  return decodePng(await page.locator('[data-testid="scene-canvas"]').first().screenshot());
}

export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export function decodePng(buffer: Buffer): Pixels {
  const png = PNG.sync.read(buffer);
  return { width: png.width, height: png.height, data: new Uint8Array(png.data.buffer, png.data.byteOffset, png.data.length) };
}

/** Number of distinct colors after quantizing each channel to `levels` steps. */
export function distinctColors(pixels: Pixels, levels = 16): number {
  const seen = new Set<number>();
  const q = 256 / levels;
  for (let i = 0; i < pixels.data.length; i += 4) {
    seen.add(((pixels.data[i] / q) | 0) * levels * levels + ((pixels.data[i + 1] / q) | 0) * levels + ((pixels.data[i + 2] / q) | 0));
  }
  return seen.size;
}

/** Count pixels within `tolerance` (per channel) of the hex color `#rrggbb`. */
export function countColor(pixels: Pixels, hex: string, tolerance = 40): number {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let count = 0;
  for (let i = 0; i < pixels.data.length; i += 4) {
    if (Math.abs(pixels.data[i] - r) <= tolerance && Math.abs(pixels.data[i + 1] - g) <= tolerance && Math.abs(pixels.data[i + 2] - b) <= tolerance) count++;
  }
  return count;
}

/** Fraction of pixels that differ by more than `threshold` in any channel; images must be the same size. */
export function diffRatio(a: Pixels, b: Pixels, threshold = 24): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (
      Math.abs(a.data[i] - b.data[i]) > threshold ||
      Math.abs(a.data[i + 1] - b.data[i + 1]) > threshold ||
      Math.abs(a.data[i + 2] - b.data[i + 2]) > threshold
    ) {
      differing++;
    }
  }
  return differing / (a.width * a.height);
}

/** The bounding box of pixels close to `hex` (null when there are none). */
export function colorBounds(pixels: Pixels, hex: string, tolerance = 40): { x0: number; y0: number; x1: number; y1: number; count: number } | null {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  let x0 = Infinity, y0 = Infinity, x1 = -1, y1 = -1, count = 0;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      const i = (y * pixels.width + x) * 4;
      if (Math.abs(pixels.data[i] - r) <= tolerance && Math.abs(pixels.data[i + 1] - g) <= tolerance && Math.abs(pixels.data[i + 2] - b) <= tolerance) {
        count++;
        if (x < x0) x0 = x;
        if (y < y0) y0 = y;
        if (x > x1) x1 = x;
        if (y > y1) y1 = y;
      }
    }
  }
  return count === 0 ? null : { x0, y0, x1, y1, count };
}
