/**
 * Touch on a tablet-sized page (1024×768, touch enabled), driven through the
 * DevTools input domain as real finger events: a tap sets the start, one finger
 * orbits the 3D view, a finger on the start pin drags it, two fingers pinch to zoom.
 * Each is checked by what a person would see (pixels) and by the setup.
 */
import { describe, expect, test } from 'vitest';
import type { CDPSession, Page } from 'playwright-core';
import { diffRatio, sceneShot, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

type Finger = readonly [number, number];

/** Fingers down at `from`, moved in `steps` to `to`, then lifted. */
async function gesture(cdp: CDPSession, from: readonly Finger[], to: readonly Finger[], steps = 12): Promise<void> {
  const points = (t: number) => from.map(([x, y], i) => ({ x: x + (to[i][0] - x) * t, y: y + (to[i][1] - y) * t, id: i, radiusX: 6, radiusY: 6, force: 1 }));
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(0) });
  for (let s = 1; s <= steps; s++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(s / steps) });
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

async function sceneBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.getByTestId('scene-canvas').first().boundingBox();
  if (!box) throw new Error('no scene');
  return box;
}

const start = (page: Page) => page.evaluate(() => window.__descentLab!.store.getState().setup.start);

describe('touch on a tablet', () => {
  test('a tap sets the start, one finger orbits, a finger on the pin drags it, two fingers zoom', async () => {
    const app = await session.open({ width: 1024, height: 768, touch: true });
    const { page } = app;
    const cdp = await page.context().newCDPSession(page);
    // The run legend sits over the scene's top-left; keep gestures clear of it.
    await page.evaluate(() => window.__descentLab!.store.getState().setCamera('top'));
    await settle(page);
    const box = await sceneBox(page);
    // Inside the plotted square of the top view (the scene is wider than tall, so its sides are empty).
    const center: Finger = [box.x + box.width * 0.55, box.y + box.height * 0.5];

    // Tap: the start moves under the finger (top view: the pin lands where the finger was).
    const before = await start(page);
    await page.touchscreen.tap(center[0], center[1]);
    await settle(page);
    const tapped = await start(page);
    expect(tapped).not.toEqual(before);

    // A finger on the pin drags it: the start follows the finger.
    await gesture(cdp, [center], [[center[0] + 70, center[1] - 50]]);
    await settle(page);
    const dragged = await start(page);
    expect(dragged[0]).toBeGreaterThan(tapped[0]);
    expect(dragged[1]).toBeGreaterThan(tapped[1]);

    // In 3D, one finger away from the pin orbits the camera: the picture changes, the start does not.
    await page.evaluate(() => window.__descentLab!.store.getState().setCamera('3d'));
    await settle(page);
    const beforeOrbit = await sceneShot(page);
    const away: Finger = [box.x + box.width * 0.8, box.y + box.height * 0.8];
    await gesture(cdp, [away], [[away[0] - 160, away[1] - 20]]);
    await settle(page);
    const afterOrbit = await sceneShot(page);
    expect(diffRatio(beforeOrbit, afterOrbit)).toBeGreaterThan(0.05);
    expect(await start(page)).toEqual(dragged);

    // Two fingers spreading apart zoom in: the picture changes, the start does not.
    const mid: Finger = [box.x + box.width * 0.7, box.y + box.height * 0.6];
    await gesture(cdp, [[mid[0] - 30, mid[1]], [mid[0] + 30, mid[1]]], [[mid[0] - 150, mid[1]], [mid[0] + 150, mid[1]]]);
    await settle(page);
    const afterZoom = await sceneShot(page);
    expect(diffRatio(afterOrbit, afterZoom)).toBeGreaterThan(0.05);
    expect(await start(page)).toEqual(dragged);

    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
