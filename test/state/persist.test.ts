/**
 * Persistence in the address bar: a link pasted into an open page is followed,
 * even when a debounced write of the previous setup lands between the paste and
 * its hashchange event (the race the stress suite's 1,000-link run found).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSetup } from '../../src/state/defaults.ts';
import { PERSIST_DEBOUNCE_MS, startPersistence, type SetupStorage } from '../../src/state/persist.ts';
import { createAppStore } from '../../src/state/store/store.ts';
import { encodeSetup } from '../../src/state/link.ts';
import { richSetup } from './setupFixtures.ts';

/** A page's location, history and hashchange events, as far as persist.ts uses them. */
function fakePage() {
  const target = new EventTarget();
  const location = { pathname: '/', search: '', hash: '' };
  const history = {
    state: null,
    replaceState(_state: unknown, _title: string, url: string) {
      location.hash = url.slice(url.indexOf('#'));
    },
  };
  const window = { addEventListener: target.addEventListener.bind(target), removeEventListener: target.removeEventListener.bind(target) };
  /** Navigate to `hash` as the address bar does: the URL changes now, the event comes in a later task. */
  const paste = (hash: string): (() => void) => {
    location.hash = hash;
    return () => target.dispatchEvent(Object.assign(new Event('hashchange'), { newURL: `http://localhost/${hash}`, oldURL: '' }));
  };
  return { location, history, window, paste };
}

function memoryStorage(): SetupStorage {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

describe('startPersistence', () => {
  let page: ReturnType<typeof fakePage>;
  beforeEach(() => {
    vi.useFakeTimers();
    page = fakePage();
    vi.stubGlobal('window', page.window);
    vi.stubGlobal('location', page.location);
    vi.stubGlobal('history', page.history);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('follows a pasted link even when the pending write of the old setup lands before its hashchange', () => {
    const store = createAppStore();
    const stop = startPersistence(store, memoryStorage());
    store.getState().setSteps(123);
    const linked = { ...defaultSetup(), steps: 456 };
    const fireHashChange = page.paste(encodeSetup(linked));
    // The debounced write of steps = 123 runs between the paste and its event.
    vi.advanceTimersByTime(PERSIST_DEBOUNCE_MS + 1);
    fireHashChange();
    expect(store.getState().setup.steps).toBe(456);
    vi.advanceTimersByTime(PERSIST_DEBOUNCE_MS + 1);
    expect(page.location.hash).toBe(encodeSetup(store.getState().setup));
    stop();
  });

  it('ignores the hashchange of its own write', () => {
    const store = createAppStore();
    const stop = startPersistence(store, memoryStorage());
    store.getState().setSteps(321);
    vi.advanceTimersByTime(PERSIST_DEBOUNCE_MS + 1);
    const notices = store.getState().notices.length;
    page.paste(page.location.hash)();
    expect(store.getState().setup.steps).toBe(321);
    expect(store.getState().notices.length).toBe(notices);
    stop();
  });
});

describe('the last session in local storage', () => {
  const memoryStorage = (initial: Record<string, string> = {}) => {
    const map = new Map(Object.entries(initial));
    return { getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), map };
  };

  it('is restored when there is no link, and a link wins over it', async () => {
    const { initialSetup, saveStoredSetup } = await import('../../src/state/persist.ts');
    const storage = memoryStorage();
    const stored = richSetup();
    saveStoredSetup(stored, storage);
    expect(initialSetup('', storage)).toEqual({ setup: stored, source: 'stored', notice: null });
    const linked = defaultSetup();
    expect(initialSetup(encodeSetup(linked), storage)?.setup).toEqual(linked);
    expect(initialSetup(encodeSetup(linked), storage)?.source).toBe('link');
  });

  it('garbage in storage is validated like a link, and no storage at all is fine', async () => {
    const { initialSetup, loadStoredSetup, STORAGE_KEY } = await import('../../src/state/persist.ts');
    expect(loadStoredSetup(memoryStorage({ [STORAGE_KEY]: '{not json' }))).toBeNull();
    const repaired = loadStoredSetup(memoryStorage({ [STORAGE_KEY]: JSON.stringify({ ...defaultSetup(), steps: 'many' }) }));
    expect(repaired?.steps).toBe(defaultSetup().steps);
    expect(initialSetup('', null)).toBeNull();
  });
});
