/**
 * The worker's answer to an inspect request: resolve the run's surface (waiting
 * for the parser when a custom surface needs it) and run the engine's
 * inspectStep, the very loop simulate runs. Answered at once, outside the compute
 * generations, so inspecting never cancels or delays a path.
 */
import { inspectStep } from '../core/index.ts';
import { describeError } from './plainWords.ts';
import type { InspectRequest, InspectResponse } from './protocol.ts';
import { resolveSurfaceRef, surfaceRefsReady } from './surfaceRef.ts';

export function answerInspect(request: InspectRequest, post: (response: InspectResponse) => void): void {
  const loading = surfaceRefsReady([request.spec.surface]);
  if (loading) {
    void loading.then(() => answerInspect(request, post));
    return;
  }
  const resolved = resolveSurfaceRef(request.spec.surface);
  if (!resolved.ok) {
    post({ type: 'inspection', generation: request.generation, id: request.id, inspection: null, message: resolved.message });
    return;
  }
  try {
    post({ type: 'inspection', generation: request.generation, id: request.id, inspection: inspectStep({ ...request.spec, surface: resolved.surface }, request.step), message: null });
  } catch (error) {
    post({ type: 'inspection', generation: request.generation, id: request.id, inspection: null, message: describeError(error) });
  }
}
