/**
 * Which surface a pane shows, as a wire reference (for the worker) and as a
 * Surface record (for defaults such as the suggested start and learning rate).
 * The main thread only reads a surface's metadata here; it never runs an
 * optimizer or samples a field. A custom surface needs the lazily loaded parser
 * (customSurface.ts): until it has arrived its record is null, and React callers
 * use useSurfaceById to re-render when it does.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { DEFAULT_BOWL_CONDITION, makeBowl, surfaces } from '../core/index.ts';
import type { Surface } from '../core/index.ts';
import type { SurfaceRef } from '../worker/protocol.ts';
import { customSurfaceResult, useExpressionParser } from './customSurface.ts';
import { NEURAL_NET_SURFACE, neuralNetChoiceOf, neuralNetIdOf, neuralNetSurface, sliceCacheVersion, subscribeSliceCache } from './maps/sliceCache.ts';
import type { Setup } from './setup.ts';

/** The pane a run is drawn in, clamped to the panes that exist. */
export function paneIndexOf(setup: Setup, pane: number): number {
  return pane >= 0 && pane < setup.panes.length ? pane : 0;
}

/** The wire reference for the surface of `pane`. */
export function surfaceRefOf(setup: Setup, pane: number): SurfaceRef {
  const id = setup.panes[paneIndexOf(setup, pane)]?.surface ?? 'bowl';
  if (id === 'bowl') return { kind: 'bowl', condition: setup.bowlCondition };
  if (id === 'custom') {
    // A custom pane without an expression is reported by the worker in plain words.
    const custom = setup.custom ?? { expression: '', domain: { x: [-1, 1], y: [-1, 1] } };
    return { kind: 'custom', expression: custom.expression, domain: custom.domain };
  }
  if (id === NEURAL_NET_SURFACE) return { kind: 'builtin', id: neuralNetIdOf(setup.neuralNet) };
  return { kind: 'builtin', id };
}

/**
 * The surface record for an id (builtin, 'bowl' with the setup's condition, or
 * 'custom'), or null if unknown, unparsable, or custom while the parser is still
 * loading (asking starts the load).
 */
export function surfaceById(id: string, setup?: Pick<Setup, 'bowlCondition' | 'custom' | 'neuralNet'>): Surface | null {
  // Trained on the pool, never here: a stand-in until the slice arrives (maps/sliceCache.ts).
  if (id === NEURAL_NET_SURFACE) return neuralNetSurface(neuralNetChoiceOf(setup));
  if (id === 'bowl') return makeBowl(setup?.bowlCondition ?? DEFAULT_BOWL_CONDITION);
  if (id === 'custom') {
    if (!setup?.custom) return null;
    const result = customSurfaceResult(setup.custom);
    return result?.ok ? result.surface : null;
  }
  return Object.hasOwn(surfaces, id) ? surfaces[id] : null;
}

/**
 * React: surfaceById, computed once per change of its inputs, and again when the
 * custom-function parser arrives (a custom record is null until then).
 */
export function useSurfaceById(id: string, bowlCondition: number, custom: Setup['custom']): Surface | null {
  const parser = useExpressionParser(id === 'custom' && custom !== null);
  // A neural-net slice replaces its stand-in when the pool has built it.
  const slices = useSyncExternalStore(subscribeSliceCache, sliceCacheVersion);
  return useMemo(
    () => (id === 'custom' && parser === null ? null : surfaceById(id, { bowlCondition, custom })),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `slices` changes what surfaceById returns for 'neural-net'
    [id, bowlCondition, custom, parser, slices],
  );
}

/** Data rows of a data-driven pane surface (linear regression), which fix N; undefined for analytic surfaces. */
export function exampleRowsOf(setup: Setup, pane: number): number | undefined {
  const id = setup.panes[paneIndexOf(setup, pane)]?.surface;
  if (id === undefined || id === 'bowl' || id === 'custom' || !Object.hasOwn(surfaces, id)) return undefined;
  return surfaces[id].examples?.size;
}
