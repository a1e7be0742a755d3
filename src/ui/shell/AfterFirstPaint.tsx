/**
 * Holds its children back until the page has painted: after the frame that follows the
 * shell's first commit, in a task of its own. It suspends until then, so the nearest
 * Suspense boundary shows its fallback, and the same fallback element stays while the
 * children's chunk loads (the pane's placeholder is one element from the first paint
 * until the 3D view replaces it). App wraps the 3D view in it, so three.js is fetched and
 * evaluated after the shell is on screen, not in the middle of the shell's first render.
 * A page opened in a background tab (no frames) starts the view when it is first shown.
 */
import { use, useEffect, type ReactNode } from 'react';

let markPainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => (markPainted = resolve));
let started = false;

/** Rendered with the shell: its first commit starts the wait for the paint that follows. */
export function FirstPaintSignal(): null {
  useEffect(() => {
    if (started) return;
    started = true;
    requestAnimationFrame(() => setTimeout(markPainted, 0));
  }, []);
  return null;
}

export function AfterFirstPaint({ children }: { children: ReactNode }) {
  use(painted);
  return children;
}
