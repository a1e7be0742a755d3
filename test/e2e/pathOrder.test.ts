/**
 * A path is never hidden beneath another run's path: on the narrow bowl of the
 * momentum lesson SGD's zig-zag chords run above the valley floor, where
 * momentum's path lies; momentum's line must stay visible where they cross (all
 * path lines have one width, outlines are drawn before every line, and lines are
 * ordered by run, not by depth among themselves). Checked in pixels.
 */
import { describe, expect, test } from 'vitest';
import { countColor, sceneShot, settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

describe('path drawing order', () => {
  test('momentum’s path shows as much with SGD’s zig-zag over it as without', async () => {
    const app = await session.open({ width: 1440, height: 900 });
    const { page } = app;
    await settle(page, 60_000);
    const momentumColor = await page.evaluate(() => {
      const store = window.__descentLab!.store;
      const state = store.getState();
      state.setSurface('bowl');
      store.getState().setBowlCondition(50);
      store.getState().setStart([-2.5, 2]);
      store.getState().setSteps(150);
      for (const run of [...store.getState().setup.runs]) store.getState().removeRun(run.id);
      store.getState().addRun('sgd', { lr: 0.98 });
      store.getState().addRun('momentum', { lr: 0.1, momentum: 0.9 });
      store.getState().selectRun(null);
      return store.getState().setup.runs[1].color;
    });
    await settle(page, 60_000);
    const both = countColor(await sceneShot(page), momentumColor, 24);
    await page.evaluate(() => {
      const store = window.__descentLab!.store;
      store.getState().updateRun(store.getState().setup.runs[0].id, { visible: false });
    });
    await settle(page, 60_000);
    const alone = countColor(await sceneShot(page), momentumColor, 24);
    expect(alone).toBeGreaterThan(300);
    expect(both / alone).toBeGreaterThan(0.9);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
