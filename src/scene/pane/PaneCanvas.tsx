/**
 * The pane's R3F canvas, on `createRoot` with a catalogue of the three.js classes the
 * scene's JSX names (`<mesh>`, `<group>`, lights, drei's cameras), instead of
 * `@react-three/fiber`'s `<Canvas>`, which registers the whole three.js namespace
 * (`extend(THREE)`) and so keeps every class in the bundle. With the catalogue,
 * the bundler drops what the scene never constructs (loaders, curves, animation,
 * audio, most geometries): less script to fetch, compile and evaluate at boot.
 *
 * Otherwise it behaves as `<Canvas>` does for this scene: the canvas fills its
 * parent, follows its size (ResizeObserver), R3F's pointer events connect to the
 * wrapper, and an error inside the 3D tree, or a failure to create the WebGL
 * context, is rethrown here so that the pane's error boundary sees it. The scene
 * uses no React context from the page (its stores are modules), so no bridge. The
 * context is made once the page has settled (view/pageSettled.ts), not at first layout.
 *
 * A JSX element naming a class that is not in CATALOGUE fails at render ("R3F: X is
 * not part of the THREE namespace"); `paneCanvas.test.ts` checks the scene's sources.
 */
import { createRoot, events, extend, type ReconcilerRoot, type RootState } from '@react-three/fiber';
import { Suspense, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { AmbientLight, Color, DirectionalLight, Group, Mesh, OrthographicCamera, PerspectiveCamera } from 'three';
import { ErrorCatcher } from './ErrorCatcher.tsx';
import { afterPageSettled } from '../../view/pageSettled.ts';

/** Every three.js class the scene (and drei's cameras) writes as a JSX element, by its JSX name. */
export const CATALOGUE = { AmbientLight, Color, DirectionalLight, Group, Mesh, OrthographicCamera, PerspectiveCamera };
extend(CATALOGUE);

export interface PaneCanvasProps {
  readonly gl: { antialias: boolean; alpha: boolean; powerPreference: WebGLPowerPreference };
  readonly onCreated: (state: RootState) => void;
  readonly children: ReactNode;
}

interface Size {
  width: number;
  height: number;
  top: number;
  left: number;
}

function measure(element: HTMLElement): Size {
  const { width, height, top, left } = element.getBoundingClientRect();
  return { width, height, top, left };
}

export function PaneCanvas({ gl, onCreated, children }: PaneCanvasProps) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const [size, setSize] = useState<Size | null>(null);
  const [error, setError] = useState<{ error: unknown } | null>(null);
  // The WebGL context is created once the page has settled after its boot (view/pageSettled.ts says why).
  const [settled, setSettled] = useState(false);
  useEffect(() => afterPageSettled(() => setSettled(true)), []);
  // Rethrown during render so that the boundary around the pane sees it.
  if (error) throw error.error;

  useLayoutEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const update = () => {
      const next = measure(wrapper);
      setSize((last) => (last && last.width === next.width && last.height === next.height && last.top === next.top && last.left === next.left ? last : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(wrapper);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !settled || !size || size.width <= 0 || size.height <= 0) return;
    const fail = (reason: unknown) => setError({ error: reason });
    try {
      root.current ??= createRoot(canvas);
      const current = root.current;
      const connect = (state: RootState) => {
        if (wrapperRef.current) state.events.connect?.(wrapperRef.current);
        onCreated(state);
      };
      current.configure({ gl, events, flat: true, frameloop: 'demand', dpr: [1, 2], size, onCreated: connect }).catch(fail);
      current.render(
        <ErrorCatcher onError={fail}>
          <Suspense fallback={null}>{children}</Suspense>
        </ErrorCatcher>,
      );
    } catch (reason) {
      fail(reason);
    }
  });

  // The root goes with the canvas: one unmount, after the page's tree lets go of it.
  useEffect(() => () => {
    root.current?.unmount();
    root.current = null;
  }, []);

  return (
    <div ref={wrapperRef} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden' }}>
      <canvas ref={canvasRef} style={{ display: 'block' }} />
    </div>
  );
}
