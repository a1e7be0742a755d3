/**
 * A ref that a useFrame callback reads: it holds the latest committed value, so
 * the frame loop mutates the current three.js objects while render-time values
 * stay untouched (react-three-fiber's rule: no React state in the frame loop).
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useFrameRef<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  }, [value]);
  return ref;
}
