/**
 * Issue 18.1: legends and keys never cover the paths. For 1–4 panes at the
 * screens a class projects on, every drawn path point (projected through the
 * test-only hook `__descentScene.panes[pane].pathPoints()`) must lie outside the
 * runs legend, the colour keys and every axis label; every axis label must lie
 * inside its pane's picture (not cut at an edge); and no two texts may overlap.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

const VIEWPORTS = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly what: string;
}

interface Layout {
  readonly panes: { pane: number; picture: Box; paths: { runId: string; points: number[] }[] }[];
  /** Boxes laid over or beside the pictures: legend, captions and keys. */
  readonly overlays: Box[];
  /** Visible axis labels, with the pane they belong to. */
  readonly labels: (Box & { pane: number })[];
  /** Every visible text box that must not touch another. */
  readonly texts: Box[];
}

/** Spread the runs over the panes, one after another, so each pane draws paths. */
async function spreadRuns(page: Page, panes: number): Promise<void> {
  await page.evaluate((count) => {
    const state = window.__descentLab!.store.getState();
    state.setPaneCount(count);
    window.__descentLab!.store.getState().setup.runs.forEach((run, index) => window.__descentLab!.store.getState().updateRun(run.id, { pane: index % count }));
  }, panes);
}

function measure(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (element: Element, what: string) => {
      const r = element.getBoundingClientRect();
      return { x0: r.left, y0: r.top, x1: r.right, y1: r.bottom, what };
    };
    const shown = (element: Element) => {
      const style = getComputedStyle(element);
      const r = element.getBoundingClientRect();
      return style.visibility !== 'hidden' && style.display !== 'none' && r.width > 0 && r.height > 0;
    };
    const hooks = (window as unknown as { __descentScene: { panes: Record<number, { pathPoints(): { runId: string; points: number[] }[] }> } }).__descentScene;
    const views = [...document.querySelectorAll('[data-testid="scene-canvas"]')];
    const panes = views.map((view) => {
      const pane = Number(view.getAttribute('data-pane'));
      return { pane, picture: box(view, `pane ${pane} picture`), paths: hooks.panes[pane]?.pathPoints() ?? [] };
    });
    const overlays = [...document.querySelectorAll('.legend, .scene-footer, .scene-key, .notices:not(:empty)')].filter(shown).map((element) => box(element, element.className));
    const labels = views.flatMap((view) => {
      const pane = Number(view.getAttribute('data-pane'));
      return [...view.querySelectorAll('.scene-label > span')].filter((span) => shown(span) && span.textContent).map((span) => ({ ...box(span, `label "${span.textContent}" in pane ${pane}`), pane }));
    });
    const textSelectors = '.scene-label > span, .legend-button, .legend-title, .legend-toggle, .pane-label, .scene-key-title, .scene-key-tick, .scene-key-markers > span';
    const texts = [...document.querySelectorAll(textSelectors)]
      // A label's text inherits its anchor's visibility: hidden labels drop out here.
      .filter((element) => shown(element) && element.textContent?.trim())
      .map((element) => box(element, `"${element.textContent?.trim().slice(0, 30)}"`));
    return { panes, overlays, labels, texts };
  });
}

const inside = (x: number, y: number, b: Box) => x > b.x0 && x < b.x1 && y > b.y0 && y < b.y1;
const overlap = (a: Box, b: Box, slack = 1) => a.x0 < b.x1 - slack && b.x0 < a.x1 - slack && a.y0 < b.y1 - slack && b.y0 < a.y1 - slack;

describe('legends, keys and labels never cover the paths', () => {
  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width}×${viewport.height} with 1–4 panes`, async () => {
      const app = await session.open(viewport);
      const { page } = app;
      await settle(page);
      for (const panes of [1, 2, 3, 4]) {
        await spreadRuns(page, panes);
        await settle(page);
        const layout = await measure(page);
        const where = `${viewport.width}×${viewport.height}, ${panes} pane${panes > 1 ? 's' : ''}`;
        expect(layout.panes.length, where).toBe(panes);

        const covered: string[] = [];
        let points = 0;
        for (const pane of layout.panes) {
          for (const path of pane.paths) {
            for (let i = 0; i < path.points.length; i += 2) {
              const [x, y] = [path.points[i], path.points[i + 1]];
              points++;
              const cover = [...layout.overlays, ...layout.labels].find((b) => inside(x, y, b));
              if (cover) covered.push(`${path.runId} point ${i / 2} (${Math.round(x)}, ${Math.round(y)}) under ${cover.what}`);
            }
          }
        }
        console.info(`${where}: ${points} path points, ${layout.labels.length} axis labels, ${layout.overlays.length} legend/key boxes, ${layout.texts.length} texts checked`);
        expect(points, `${where}: drawn path points on screen`).toBeGreaterThan(50);
        expect(covered.slice(0, 5), `${where}: path points covered`).toEqual([]);

        const clipped = layout.labels.filter((label) => {
          const picture = layout.panes.find((pane) => pane.pane === label.pane)!.picture;
          return label.x0 < picture.x0 - 0.5 || label.x1 > picture.x1 + 0.5 || label.y0 < picture.y0 - 0.5 || label.y1 > picture.y1 + 0.5;
        });
        expect(clipped.map((label) => label.what), `${where}: axis labels cut at a pane's edge`).toEqual([]);
        expect(layout.labels.some((label) => label.what.includes('"w₁"')), `${where}: axis titles shown`).toBe(true);

        const collisions: string[] = [];
        for (let a = 0; a < layout.texts.length; a++) {
          for (let b = a + 1; b < layout.texts.length; b++) {
            if (overlap(layout.texts[a], layout.texts[b])) collisions.push(`${layout.texts[a].what} × ${layout.texts[b].what}`);
          }
        }
        expect(collisions, `${where}: overlapping texts`).toEqual([]);
      }
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }
});
