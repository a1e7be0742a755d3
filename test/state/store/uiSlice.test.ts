/**
 * The ui slice: page chrome that never travels in a link.
 */
import { describe, expect, it } from 'vitest';
import { encodeSetup } from '../../../src/state/link.ts';
import { createAppStore } from '../../../src/state/store/store.ts';

describe('ui slice', () => {
  it('opens the panel outside a browser, and its toggles change only themselves', () => {
    const store = createAppStore();
    expect(store.getState().panelOpen).toBe(true);
    store.getState().setChart({ gradNorm: true });
    expect(store.getState().chart).toEqual({ logY: true, gradNorm: true, learningRate: false });
    store.getState().setShortcutsOpen(true);
    expect(store.getState()).toMatchObject({ shortcutsOpen: true, presentation: false });
  });

  it('never reaches the setup, so the link stays the same', () => {
    const store = createAppStore();
    const link = encodeSetup(store.getState().setup);
    const setup = store.getState().setup;
    store.getState().setPresentation(true);
    store.getState().setPanelOpen(false);
    store.getState().setChart({ logY: false });
    expect(store.getState().setup).toBe(setup);
    expect(encodeSetup(store.getState().setup)).toBe(link);
  });
});
