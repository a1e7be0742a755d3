/**
 * The custom-function parser on the main thread, loaded on first use. Most
 * visits never type a function, so the parser, compiler and landscape analysis
 * (src/core/expression) are a separate chunk fetched by dynamic import() only
 * when a custom surface is shown or the custom panel opens.
 *
 * Parsed surfaces are cached by text and domain: a custom surface is analysed
 * over its whole domain, and several components ask for the same one.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type * as Expression from '../core/expression/index.ts';
import { DEFAULT_SURFACE_ID } from './defaults.ts';
import type { CustomSurface as CustomSetup, Setup } from './setup.ts';
import { expressionErrorSentence } from '../worker/surfaceRef.ts';

// The one wording of parse errors, shared with the worker's messages.
export { expressionErrorSentence } from '../worker/surfaceRef.ts';

/** The expression module's public API (a type-only import: nothing is loaded by it). */
export type ExpressionModule = typeof Expression;
export type CustomSurfaceResult = ReturnType<ExpressionModule['surfaceFromExpression']>;

let parser: ExpressionModule | null = null;
let loading: Promise<ExpressionModule> | null = null;
let loadFailure: string | null = null;
const listeners = new Set<() => void>();

/** How the module is fetched; tests swap it to count or fail loads. */
let importParser = (): Promise<ExpressionModule> => import('../core/expression/index.ts');

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** Starts loading the parser (once; a failed load may be retried) and resolves with it. */
export function loadExpressionParser(): Promise<ExpressionModule> {
  if (parser) return Promise.resolve(parser);
  loading ??= importParser().then(
    (loaded) => {
      parser = loaded;
      loadFailure = null;
      notify();
      return loaded;
    },
    (error: unknown) => {
      loading = null;
      loadFailure = error instanceof Error ? error.message : String(error);
      notify();
      throw error;
    },
  );
  return loading;
}

/** The parser if it has loaded, else null (nothing is started). */
export function expressionParser(): ExpressionModule | null {
  return parser;
}

/** Why the last load failed (e.g. offline and the chunk was never cached), or null. */
export function expressionParserFailure(): string | null {
  return loadFailure;
}

/** Calls `listener` when the parser loads or fails to; returns the unsubscribe. */
export function subscribeExpressionParser(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const CACHE_SIZE = 24;
const cache = new Map<string, CustomSurfaceResult>();

function cacheKey(custom: CustomSetup): string {
  const { x, y } = custom.domain;
  return `${x[0]},${x[1]},${y[0]},${y[1]}\u0000${custom.expression}`;
}

/**
 * The surface (or the parse error) for a custom text and domain. Null while the
 * parser is not loaded yet; asking starts the load, and subscribers hear when it
 * is done. The same text and domain give the same object while cached.
 */
export function customSurfaceResult(custom: CustomSetup): CustomSurfaceResult | null {
  if (!parser) {
    // Fire and forget: failures are kept for expressionParserFailure() and reported to subscribers.
    loadExpressionParser().catch(() => undefined);
    return null;
  }
  const key = cacheKey(custom);
  const known = cache.get(key);
  if (known) {
    // Most recently used stays longest.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const result = parser.surfaceFromExpression(custom.expression, custom.domain);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return result;
}

/**
 * React: the parser once loaded (null before). With `wanted`, mounting starts the
 * load; either way the component re-renders when it arrives.
 */
export function useExpressionParser(wanted = true): ExpressionModule | null {
  const loaded = useSyncExternalStore(subscribeExpressionParser, expressionParser, expressionParser);
  useEffect(() => {
    if (wanted && !loaded) loadExpressionParser().catch(() => undefined);
  }, [wanted, loaded]);
  return loaded;
}

/** For tests: forget the loaded parser and the cache, and optionally replace how it is imported. */
export function resetExpressionParserForTests(load?: () => Promise<ExpressionModule>): void {
  parser = null;
  loading = null;
  loadFailure = null;
  cache.clear();
  importParser = load ?? ((): Promise<ExpressionModule> => import('../core/expression/index.ts'));
}

/** The part of the store the link guard needs (app.ts passes the app store). */
interface GuardedStore {
  getState(): {
    readonly setup: Setup;
    setSurface(surfaceId: string, pane?: number, resetStart?: boolean): void;
    pushNotice(kind: 'info' | 'warning' | 'error', text: string): number;
  };
  subscribe(listener: (state: { readonly setup: Setup }, previous: { readonly setup: Setup }) => void): () => void;
}

/**
 * A shared link or a restored session can carry a function that does not parse (links
 * are checked without loading the parser, to keep the first load small). Once the
 * parser has loaded, each pane showing such a function falls back to the default
 * landscape and a notice says why; the text stays in the setup, so the custom panel
 * shows it with its error for the user to fix. Returns the unsubscribe.
 */
export function guardCustomPanes(store: GuardedStore): () => void {
  const check = (setup: Setup): void => {
    const custom = setup.custom;
    if (!custom || !setup.panes.some((pane) => pane.surface === 'custom')) return;
    loadExpressionParser().then(
      () => {
        const now = store.getState().setup;
        if (now.custom !== custom) return;
        const result = customSurfaceResult(custom);
        if (!result || result.ok) return;
        now.panes.forEach((pane, index) => {
          if (pane.surface !== 'custom') return;
          store.getState().setSurface(DEFAULT_SURFACE_ID, index, false);
          const where = now.panes.length > 1 ? `pane ${index + 1}` : 'the landscape';
          store
            .getState()
            .pushNotice('warning', `The function in this setup could not be used (${expressionErrorSentence(result.error)}), so ${where} shows Valleys instead. Fix it under "Custom f(x, y)…".`);
        });
      },
      () => undefined,
    );
  };
  check(store.getState().setup);
  return store.subscribe((state, previous) => {
    if (state.setup.custom !== previous.setup.custom || state.setup.panes !== previous.setup.panes) check(state.setup);
  });
}
