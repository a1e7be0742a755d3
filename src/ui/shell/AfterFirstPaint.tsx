/**
 * Renders its children once the page has painted: after the frame that follows the
 * first commit, in a task of its own. Until then it shows `fallback`. App wraps the
 * 3D view in it, so three.js is fetched and evaluated after the shell is on screen,
 * not in the middle of the shell's first render. A page opened in a background tab
 * (no frames) starts the view when it is first shown.
 */
import { useEffect, useState, type ReactNode } from 'react';

export function AfterFirstPaint({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setPainted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  return painted ? children : fallback;
}
