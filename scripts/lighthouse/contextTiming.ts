/**
 * How long the main thread waits for each canvas context while the app boots: loads a
 * build in a fresh headless Chromium per boot (Lighthouse's phone viewport, 412×823 at
 * DPR 1.75), wraps HTMLCanvasElement.getContext and CanvasRenderingContext2D's
 * setTransform (the first drawing call of every 2D canvas here, view/canvas2d.ts) in an
 * init script, and prints, per boot, when each was called (ms after navigation) and how
 * long it took. A WebGL context, or a page's first 2D drawing, asked for while the GPU
 * process is busy waits for it (view/pageSettled.ts).
 *
 * Run: npx tsx scripts/lighthouse/contextTiming.ts [dist dir] [boots] [hash]
 */
import { resolve } from 'node:path';
import { launchChromium, serveDist } from '../../test/e2e/harness.ts';

const dist = resolve(process.argv[2] ?? 'dist');
const boots = Number(process.argv[3] ?? 8);
const hash = process.argv[4] ?? '';

const WRAP = `(() => {
  const log = (window.__contextLog = []);
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, options) {
    const started = performance.now();
    const context = original.call(this, type, options);
    log.push({ type, at: started, ms: performance.now() - started });
    return context;
  };
  const setTransform = CanvasRenderingContext2D.prototype.setTransform;
  CanvasRenderingContext2D.prototype.setTransform = function (...args) {
    const started = performance.now();
    setTransform.apply(this, args);
    log.push({ type: '2d setTransform', at: started, ms: performance.now() - started });
  };
})()`;

const server = await serveDist(dist);
const webgl: number[] = [];
const firstDrawing: number[] = [];
try {
  for (let boot = 1; boot <= boots; boot++) {
    const browser = await launchChromium();
    try {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
      await context.addInitScript(WRAP);
      const page = await context.newPage();
      await page.goto(`${server.url}/${hash}`);
      await page.waitForTimeout(4000);
      const log = (await page.evaluate('window.__contextLog')) as { type: string; at: number; ms: number }[];
      console.log(`boot ${boot}: ${log.map((entry) => `${entry.type} at ${entry.at.toFixed(0)} ms took ${entry.ms.toFixed(1)} ms`).join('; ')}`);
      webgl.push(...log.filter((entry) => entry.type.startsWith('webgl')).map((entry) => entry.ms));
      const drawing = log.find((entry) => entry.type === '2d setTransform');
      if (drawing) firstDrawing.push(drawing.ms);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
function summary(name: string, values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return `${name} over ${boots} boots: median ${median.toFixed(1)} ms (${sorted.map((ms) => ms.toFixed(0)).join(', ')})`;
}
console.log(summary('WebGL getContext', webgl));
console.log(summary('first 2D drawing (setTransform)', firstDrawing));
