/**
 * SurfaceRef → Surface, on the worker side. Built-in ids come from core's
 * registry, 'bowl' is built for its condition number, 'custom' is parsed and
 * compiled from its text (never evaluated as code). Resolved surfaces are cached
 * by reference, because building a custom one analyses it over its whole domain.
 *
 * The parser is a separate chunk, loaded by dynamic import() the first time a
 * custom reference arrives (this module is also bundled on the main thread for
 * the in-thread fallback, so a static import would put it in the first load).
 * Resolving stays synchronous: callers first await surfaceRefsReady(refs).
 */
import { makeBowl, makeNeuralNetSlice, neuralNetOptionsFromId, neuralNetSliceFromParts, surfaces } from '../core/index.ts';
import type { NeuralNetSliceParts, Surface } from '../core/index.ts';
import type * as Expression from '../core/expression/index.ts';
import type { SurfaceRef } from './protocol.ts';

export type ResolvedSurface = { readonly ok: true; readonly surface: Surface } | { readonly ok: false; readonly message: string };

const CACHE_SIZE = 8;
const cache = new Map<string, ResolvedSurface>();
/** Neural-net slices built on the pool, by id: rebuilt from their parts, never trained here. */
const registeredSlices = new Map<string, NeuralNetSliceParts>();

/**
 * From now on, the neural-net slice `id` is the one these parts describe: a reference to
 * it is rebuilt from them (well under a millisecond) instead of training the network
 * again (about a second of CPU, on a core the slice pool needs).
 */
export function registerSliceParts(id: string, parts: NeuralNetSliceParts): void {
  registeredSlices.set(id, parts);
  // What the id resolved to before (even "no such surface") gives way to the registered slice.
  cache.delete(JSON.stringify({ kind: 'builtin', id } satisfies SurfaceRef));
}

let parser: typeof Expression | null = null;
let parserLoading: Promise<void> | null = null;
let parserFailure: string | null = null;

function loadParser(): Promise<void> {
  parserLoading ??= import('../core/expression/index.ts').then(
    (loaded) => {
      parser = loaded;
      parserFailure = null;
    },
    (error: unknown) => {
      // Reported by resolveSurfaceRef; the next custom reference tries again.
      parserLoading = null;
      parserFailure = error instanceof Error ? error.message : String(error);
    },
  );
  return parserLoading;
}

/**
 * A parse error in plain words for people: 1-based character positions ("at
 * character 6"), a capital and a full stop, and what would have fitted there.
 */
export function expressionErrorSentence(error: Pick<Expression.ExpressionError, 'message' | 'expected'>): string {
  const located = error.message.replace(/ at (\d+)/g, (_, index: string) => ` at character ${Number(index) + 1}`);
  let sentence = located.charAt(0).toUpperCase() + located.slice(1);
  if (!/[.!?]$/.test(sentence)) sentence += '.';
  // Long lists (the function names) are already spelled out in the message.
  if (error.expected.length > 0 && error.expected.length <= 8 && !/\b(expected|allowed)\b/i.test(located)) {
    const items = error.expected;
    sentence += ` Expected ${items.length === 1 ? items[0] : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`}.`;
  }
  return sentence;
}

/**
 * Null when every reference can be resolved now; otherwise a promise that
 * settles (never rejects) once the parser they need has loaded or failed to.
 * After a failed load it is null too: resolving then says why, and starts one
 * new attempt for the next request (never a loop of retries).
 */
export function surfaceRefsReady(refs: Iterable<SurfaceRef>): Promise<void> | null {
  if (parser || parserFailure !== null) return null;
  for (const ref of refs) if (ref.kind === 'custom') return loadParser();
  return null;
}

function resolveUncached(ref: SurfaceRef): ResolvedSurface {
  switch (ref.kind) {
    case 'builtin': {
      // Own keys only: "constructor" is not a surface.
      if (Object.hasOwn(surfaces, ref.id)) return { ok: true, surface: surfaces[ref.id] };
      // Another neural-net slice: from the parts the pool built, or trained here, once (the same bits on every thread).
      const parts = registeredSlices.get(ref.id);
      if (parts) return { ok: true, surface: neuralNetSliceFromParts(parts) };
      const options = neuralNetOptionsFromId(ref.id);
      return options ? { ok: true, surface: makeNeuralNetSlice(options) } : { ok: false, message: `There is no surface called "${ref.id}".` };
    }
    case 'bowl':
      if (!Number.isFinite(ref.condition) || ref.condition < 1) {
        return { ok: false, message: `The bowl's condition number must be a number of at least 1 (it was ${ref.condition}).` };
      }
      return { ok: true, surface: makeBowl(ref.condition) };
    case 'custom': {
      if (!parser) {
        // Callers should have awaited surfaceRefsReady; start the load anyway so a retry finds it.
        void loadParser();
        return parserFailure === null
          ? { ok: false, message: 'Your function cannot be used yet: the function parser is still loading.' }
          : { ok: false, message: `Your function cannot be used: the function parser could not be loaded (${parserFailure}).` };
      }
      const result = parser.surfaceFromExpression(ref.expression, ref.domain);
      return result.ok ? { ok: true, surface: result.surface } : { ok: false, message: `Your function could not be used. ${expressionErrorSentence(result.error)}` };
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
  // Until the parser is here a custom reference has no answer worth keeping.
  if (ref.kind === 'custom' && !parser) return resolved;
  cache.set(key, resolved);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return resolved;
}
