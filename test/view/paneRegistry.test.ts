import { describe, expect, it } from 'vitest';
import { registerPane, resetView, syncCameras, type CameraPose, type PaneHandle } from '../../src/view/paneRegistry.ts';

/** A pane that records what the registry asks of it. */
function fakePane(log: string[], name: string): PaneHandle {
  return {
    container: {} as HTMLElement,
    renderNow: () => ({}) as HTMLCanvasElement,
    renderFrame: () => ({}) as HTMLCanvasElement,
    drawOverlays: () => undefined,
    resetView: () => log.push(`${name} reset`),
    applyCamera: (pose) => log.push(`${name} zoom ${pose.zoom}`),
  };
}

const pose: CameraPose = { position: [1, 2, 3], target: [0, 0, 0], zoom: 2 };

describe('pane registry', () => {
  it('resets every mounted pane and syncs a moved camera to the other panes only', () => {
    const log: string[] = [];
    const offA = registerPane(0, fakePane(log, 'a'));
    const offB = registerPane(1, fakePane(log, 'b'));
    resetView();
    syncCameras(0, pose);
    expect(log).toEqual(['a reset', 'b reset', 'b zoom 2']);
    offA();
    offB();
  });

  it('forgets a pane when it unmounts, but not a newer pane that took its place', () => {
    const log: string[] = [];
    const offOld = registerPane(0, fakePane(log, 'old'));
    const offNew = registerPane(0, fakePane(log, 'new'));
    offOld();
    resetView();
    offNew();
    resetView();
    expect(log).toEqual(['new reset']);
  });
});
