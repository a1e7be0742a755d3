/**
 * A teacher's settings survive a surface change: learning rates and the start
 * are kept, clamped only where the new surface cannot take them, a notice names
 * each change, and Undo puts the setup back.
 */
import { describe, expect, it } from 'vitest';
import { surfaces } from '../../../src/core/index.ts';
import { loadExpressionParser } from '../../../src/state/customSurface.ts';
import { createAppStore } from '../../../src/state/store/store.ts';

function storeWithSgdAt(lr: number) {
  const store = createAppStore();
  const sgd = store.getState().setup.runs[0];
  expect(sgd.optimizer).toBe('sgd');
  store.getState().updateRun(sgd.id, { lr });
  return { store, sgd: sgd.id };
}

const lrOf = (store: ReturnType<typeof createAppStore>, id: string) => store.getState().setup.runs.find((run) => run.id === id)!.lr;

describe('changing the surface', () => {
  it('keeps SGD’s η 0.03 through Booth and back to Valleys (it used to become 0.1)', () => {
    const { store, sgd } = storeWithSgdAt(0.03);
    const before = store.getState().setup;
    store.getState().setSurface('booth');
    expect(lrOf(store, sgd)).toBe(0.03);
    store.getState().setSurface('valleys');
    expect(lrOf(store, sgd)).toBe(0.03);
    // Every other setting of every run came through untouched, and so did the start (inside both plots).
    expect(store.getState().setup.runs).toEqual(before.runs);
    expect(store.getState().setup.start).toEqual(before.start);
    expect(store.getState().notices.at(-1)?.text).toBe('Now showing Valleys: kept every learning rate and the start.');
  });

  it('clamps η only where the new surface needs it, names the change, and undoes it', () => {
    const { store, sgd } = storeWithSgdAt(0.03);
    const before = store.getState().setup;
    const adam = before.runs.find((run) => run.optimizer === 'adam')!;
    store.getState().setSurface('himmelblau');
    const limit = surfaces.himmelblau.lrRange[1];
    expect(lrOf(store, sgd)).toBe(limit);
    // Adam's η is a step length, which Himmelblau's larger plot suits: kept.
    expect(lrOf(store, adam.id)).toBe(adam.lr);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.text).toContain(`run 1 (SGD): η 0.03 → ${limit}, the largest this surface suits`);
    expect(store.getState().surfaceUndo?.noticeId).toBe(notice.id);

    store.getState().undoSurfaceChange();
    expect(store.getState().setup).toBe(before);
    expect(store.getState().notices.some((shown) => shown.id === notice.id)).toBe(false);
  });

  it('moves a start that lies outside the new plot to its suggested start, and keeps one inside', () => {
    const store = createAppStore();
    store.getState().setStart([3.5, -3.5]);
    store.getState().setSurface('rosenbrock');
    expect(store.getState().setup.start).toEqual(surfaces.rosenbrock.suggestedStart);
    expect(store.getState().notices.at(-1)?.text).toContain('the start (3.5, −3.5) lay outside the plot, so it moved to the suggested start (−1.2, 1)');
    store.getState().setStart([0.5, 0.5]);
    store.getState().setSurface('himmelblau');
    expect(store.getState().setup.start).toEqual([0.5, 0.5]);
  });

  it('offers no undo once something else changed', () => {
    const { store, sgd } = storeWithSgdAt(0.03);
    store.getState().setSurface('booth');
    store.getState().updateRun(sgd, { lr: 0.01 });
    store.getState().undoSurfaceChange();
    expect(store.getState().setup.panes[0].surface).toBe('booth');
    expect(lrOf(store, sgd)).toBe(0.01);
  });

  it('editing a typed function keeps η (it used to reset to the function’s suggested rate)', async () => {
    await loadExpressionParser();
    const store = createAppStore();
    store.getState().setCustomSurface({ expression: 'x^2 + 10*y^2', domain: { x: [-3, 3], y: [-3, 3] } }, 0);
    const sgd = store.getState().setup.runs[0].id;
    store.getState().updateRun(sgd, { lr: 0.03 });
    const notices = store.getState().notices.length;
    store.getState().setCustomSurface({ expression: 'x^2 + 10*y^2 + 0.5*x', domain: { x: [-3, 3], y: [-3, 3] } });
    expect(store.getState().setup.custom?.expression).toBe('x^2 + 10*y^2 + 0.5*x');
    expect(lrOf(store, sgd)).toBe(0.03);
    // Nothing had to change: typing adds no notice.
    expect(store.getState().notices.length).toBe(notices);
  });
});
