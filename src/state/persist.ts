/**
 * Keeps the setup where a person expects to find it again: in the address bar
 * (so the URL is always a shareable link, with the lesson and its stage while
 * one is taught: lessonLink.ts) and in localStorage (so an accidental reload
 * loses nothing). A link wins over the stored session.
 */
import type { StoreApi } from 'zustand';
import { decodeLinkedLesson, encodeAppHash } from './lessonLink.ts';
import { decodeChartToggles, decodeSetupHash, encodeChartToggles } from './link.ts';
import { validateSetup } from './repair.ts';
import type { Setup } from './setup.ts';
import type { AppState } from './store/store.ts';

/** Versioned with the link format: both carry the same JSON. */
export const STORAGE_KEY = 'descent-lab.setup.v1';
/** Writes wait this long after the last change (a slider drag writes once). */
export const PERSIST_DEBOUNCE_MS = 300;

/** The part of Storage persistence needs (tests pass a Map-backed fake). */
export type SetupStorage = Pick<Storage, 'getItem' | 'setItem'>;

function browserStorage(): SetupStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage can throw on access (privacy modes, sandboxed frames).
    return null;
  }
}

/** The stored setup, validated like a link; null when none is stored (or it is unreadable). */
export function loadStoredSetup(storage: SetupStorage | null = browserStorage()): Setup | null {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return null;
    return validateSetup(JSON.parse(text)).setup;
  } catch {
    return null;
  }
}

export function saveStoredSetup(setup: Setup, storage: SetupStorage | null = browserStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(setup));
  } catch {
    // Quota or privacy mode: the link in the address bar still carries the setup.
  }
}

/** Where the first setup came from, and what to tell the person about it. */
export interface InitialSetup {
  readonly setup: Setup;
  readonly source: 'link' | 'stored';
  readonly notice: string | null;
}

/** The setup to start with: the link in `hash` if any, else the stored session, else null (use defaults). */
export function initialSetup(hash: string, storage: SetupStorage | null = browserStorage()): InitialSetup | null {
  const fromLink = decodeSetupHash(hash);
  if (fromLink) return { setup: fromLink.setup, source: 'link', notice: fromLink.notice };
  const stored = loadStoredSetup(storage);
  return stored ? { setup: stored, source: 'stored', notice: null } : null;
}

/**
 * Open the lesson a link carries (at its stage), then the learner's own setup
 * when the link has one too. False when the hash names no lesson. `withSetup`:
 * also load the link's setup (the page start has already loaded it).
 */
export function applyLessonLink(store: StoreApi<AppState>, hash: string, withSetup = true): boolean {
  const linked = decodeLinkedLesson(hash);
  if (!linked) return false;
  const state = store.getState();
  if (!linked.ok) {
    state.pushNotice('warning', linked.notice);
    return true;
  }
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  state.openLesson(linked.lesson, { stage: linked.stage, problems: linked.problems, animate: !reducedMotion });
  if (linked.notice) state.pushNotice('warning', linked.notice);
  const decoded = decodeSetupHash(hash);
  if (decoded) {
    if (withSetup && decoded.notice) state.pushNotice('warning', decoded.notice);
    // The learner's changes to the lesson's setup travel with it.
    state.replaceSetup(decoded.setup);
  }
  return true;
}

/** Load a link into the store (a lesson, a setup, or both), with a notice naming any field that was replaced. */
export function applyLink(store: StoreApi<AppState>, hash: string): boolean {
  if (applyLessonLink(store, hash)) return true;
  const decoded = decodeSetupHash(hash);
  if (!decoded) return false;
  // A setup without a lesson leaves the lesson.
  store.getState().closeLesson();
  store.getState().replaceSetup(decoded.setup);
  if (decoded.notice) store.getState().pushNotice('warning', decoded.notice);
  return true;
}

/**
 * Mirror the store's setup into the address bar (replaceState: no history entry
 * per slider step) and localStorage, debounced; follow links pasted into the
 * address bar of an open page. Returns a stop function.
 */
export function startPersistence(store: StoreApi<AppState>, storage: SetupStorage | null = browserStorage()): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastHash = '';

  const write = () => {
    timer = null;
    const { setup, lesson, chart } = store.getState();
    const hash = `${encodeAppHash(setup, lesson)}${encodeChartToggles(chart)}`;
    saveStoredSetup(setup, storage);
    lastHash = hash;
    // Compared with the address bar itself: after a pasted link, a write of the setup it replaced may have put an older link there.
    if (typeof history !== 'undefined' && typeof location !== 'undefined' && location.hash !== hash) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    const lessonMoved = state.lesson?.lesson !== previous.lesson?.lesson || state.lesson?.stage !== previous.lesson?.stage;
    if (state.setup === previous.setup && !lessonMoved && state.chart === previous.chart) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(write, PERSIST_DEBOUNCE_MS);
  });

  // The link comes from the event, not from location: a debounced write due in the same
  // moment may already have replaced the address with the previous setup's link.
  const onHashChange = (event: HashChangeEvent) => {
    const hashAt = event.newURL.indexOf('#');
    const hash = hashAt === -1 ? '' : event.newURL.slice(hashAt);
    if (hash === lastHash) return;
    // A write still pending belongs to the setup this link replaces.
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const chart = decodeChartToggles(hash);
    if (chart) store.getState().setChart(chart);
    if (applyLink(store, hash)) lastHash = hash;
  };
  if (typeof window !== 'undefined') window.addEventListener('hashchange', onHashChange);
  // The chart's toggles of the link the page opened with.
  const linkedChart = typeof location === 'undefined' ? null : decodeChartToggles(location.hash);
  if (linkedChart) store.getState().setChart(linkedChart);
  // Write once now so the address bar holds a link from the start.
  write();

  return () => {
    unsubscribe();
    if (timer !== null) clearTimeout(timer);
    if (typeof window !== 'undefined') window.removeEventListener('hashchange', onHashChange);
  };
}
