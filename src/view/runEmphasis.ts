/**
 * Which run the person is pointing at in the runs legend (hover, focus or a
 * touch): the scene brings that path forward and dims the others. Shared view
 * state, not part of the setup, so it lives here where both the legend (ui) and
 * the paths (scene) can reach it. A tiny external store: the scene reads it in
 * useFrame with `emphasizedRun()` and asks for a frame through `subscribe`.
 */

let current: string | null = null;
const listeners = new Set<() => void>();

/** The run id being pointed at, or null. */
export function emphasizedRun(): string | null {
  return current;
}

/** Point at a run (null: none). Listeners run only on a change. */
export function emphasizeRun(runId: string | null): void {
  if (current === runId) return;
  current = runId;
  for (const listener of [...listeners]) listener();
}

export function subscribeEmphasis(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
