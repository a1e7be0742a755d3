/**
 * SurfaceRef → Surface, on the worker side. Built-in ids come from core's
 * registry, 'bowl' is built for its condition number, 'custom' is parsed and
 * compiled from its text (never evaluated as code). Resolved surfaces are cached
 * by reference, because building a custom one analyses it over its whole domain.
 */
import { makeBowl, surfaces } from '../core/index.ts';
import type { Surface } from '../core/index.ts';
import { surfaceFromExpression } from '../core/expression/index.ts';
import type { SurfaceRef } from './protocol.ts';

export type ResolvedSurface = { readonly ok: true; readonly surface: Surface } | { readonly ok: false; readonly message: string };

const CACHE_SIZE = 8;
const cache = new Map<string, ResolvedSurface>();

function resolveUncached(ref: SurfaceRef): ResolvedSurface {
  switch (ref.kind) {
    case 'builtin': {
      // Own keys only: "constructor" is not a surface.
      return Object.hasOwn(surfaces, ref.id) ? { ok: true, surface: surfaces[ref.id] } : { ok: false, message: `There is no surface called "${ref.id}".` };
    }
    case 'bowl':
      if (!Number.isFinite(ref.condition) || ref.condition < 1) {
        return { ok: false, message: `The bowl's condition number must be a number of at least 1 (it was ${ref.condition}).` };
      }
      return { ok: true, surface: makeBowl(ref.condition) };
    case 'custom': {
      const result = surfaceFromExpression(ref.expression, ref.domain);
      return result.ok ? { ok: true, surface: result.surface } : { ok: false, message: `Your function could not be used: ${result.error.message}` };
    }
  }
}

/** The surface a reference names, or why there is none, in plain words. */
export function resolveSurfaceRef(ref: SurfaceRef): ResolvedSurface {
  const key = JSON.stringify(ref);
  const known = cache.get(key);
  if (known) {
    // Refresh its place so the most recently used surfaces stay.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const resolved = resolveUncached(ref);
  cache.set(key, resolved);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return resolved;
}
