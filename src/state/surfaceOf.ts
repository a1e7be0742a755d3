/**
 * Which surface a pane shows, as a wire reference (for the worker) and as a
 * Surface record (for defaults such as the suggested start and learning rate).
 * The main thread only reads a surface's metadata here; it never runs an
 * optimizer or samples a field.
 */
import { DEFAULT_BOWL_CONDITION, makeBowl, surfaces } from '../core/index.ts';
import type { Surface } from '../core/index.ts';
import { surfaceFromExpression } from '../core/expression/index.ts';
import type { SurfaceRef } from '../worker/protocol.ts';
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
  return { kind: 'builtin', id };
}

/** The surface record for an id (builtin, 'bowl' with the setup's condition, or 'custom'), or null if unknown or unparsable. */
export function surfaceById(id: string, setup?: Pick<Setup, 'bowlCondition' | 'custom'>): Surface | null {
  if (id === 'bowl') return makeBowl(setup?.bowlCondition ?? DEFAULT_BOWL_CONDITION);
  if (id === 'custom') {
    if (!setup?.custom) return null;
    const result = surfaceFromExpression(setup.custom.expression, setup.custom.domain);
    return result.ok ? result.surface : null;
  }
  return Object.hasOwn(surfaces, id) ? surfaces[id] : null;
}

/** Data rows of a data-driven pane surface (linear regression), which fix N; undefined for analytic surfaces. */
export function exampleRowsOf(setup: Setup, pane: number): number | undefined {
  const id = setup.panes[paneIndexOf(setup, pane)]?.surface;
  if (id === undefined || id === 'bowl' || id === 'custom' || !Object.hasOwn(surfaces, id)) return undefined;
  return surfaces[id].examples?.size;
}
