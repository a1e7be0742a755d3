/**
 * Re-render slow UI (legend, status text) when results change, at most every
 * `intervalMs`: the buffers fill many times a second while a run streams in,
 * and a legend does not need to follow every chunk.
 */
import { useEffect, useState } from 'react';
import { appResults } from '../../state/app.ts';

export function useResultsRevision(intervalMs = 250): number {
  const [revision, setRevision] = useState(appResults.revision);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const update = () => {
      timer = null;
      last = performance.now();
      setRevision(appResults.revision);
    };
    const unsubscribe = appResults.subscribe(() => {
      if (timer !== null) return;
      const wait = Math.max(0, last + intervalMs - performance.now());
      timer = setTimeout(update, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [intervalMs]);
  return revision;
}
