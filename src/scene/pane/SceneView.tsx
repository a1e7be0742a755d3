/**
 * One pane of the loss landscape: the 3D view (R3F canvas, rendered on demand),
 * its HTML axis labels, a caption strip below it (surface name and colour key,
 * never over the picture), keyboard nudging of the start point, WebGL
 * context loss and restore, and a 2D contour fallback when WebGL is unavailable.
 * Fills its parent.
 */
import type { RootState } from '@react-three/fiber';
import { memo, useCallback, useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { appStore, clickSurface, currentStageView, guessing, lessonControl, moveStart, openQuestion, startLocked, useAppStore } from '../appBridge.ts';
import { buildAxes } from '../labels/axes.ts';
import { Fallback2D } from '../fallback/Fallback2D.tsx';
import { LabelRegistry } from '../labels/labelRegistry.ts';
import { exitLabelId } from '../markers/ExitMarkers.tsx';
import { Landscape } from './Landscape.tsx';
import { ColorKey } from '../labels/ColorKey.tsx';
import { parseSceneRuns, sceneRunsKey } from './sceneRuns.ts';
import { usePaneScene } from './usePaneScene.ts';
import { browserWantsMultisampling } from './multisampling.ts';
import { PaneCanvas } from './PaneCanvas.tsx';
import { ErrorCatcher } from './ErrorCatcher.tsx';
import { paneSurfaceLabel } from '../../view/catalog.ts';
import './scene.css';

/**
 * Whether this browser has WebGL 2 at all. Whether it can create a context is learnt from
 * the view's own canvas (three.js throws "Error creating WebGL context"): a throwaway probe
 * context cost as much as the real one (the GPU starts up for it), a long task at boot.
 */
function mayHaveWebGL2(): boolean {
  return typeof WebGL2RenderingContext === 'function';
}

/** The error three.js throws when the canvas gives no WebGL context. */
const NO_CONTEXT = /creating WebGL context/i;

/** Fraction of the domain width one arrow-key press moves the start (Shift: five times more). */
const NUDGE = 0.01;

/** Memoised: a parent re-rendering for a setup change does not re-render the 3D tree. */
export const SceneView = memo(function SceneView({ pane }: { pane: number }) {
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const [webgl, setWebgl] = useState(mayHaveWebGL2);
  const [failure, setFailure] = useState<string | null>(null);
  const [contextLost, setContextLost] = useState(false);
  const labels = useMemo(() => new LabelRegistry(), []);
  const antialias = useMemo(browserWantsMultisampling, []);
  const scene = usePaneScene(pane);
  const mode = useAppStore((s) => s.setup.view.camera);
  const overlays = useAppStore((s) => s.setup.view.overlays);
  // A string key: a learning-rate change leaves it equal, so scrubbing re-renders nothing in the scene.
  const runsKey = useAppStore((s) => sceneRunsKey(s.setup, pane, currentStageView(s)));
  const clickRun = useAppStore((s) => {
    const question = openQuestion(s);
    return question?.kind === 'click' ? question.run + 1 : null;
  });
  const locked = useAppStore((s) => lessonControl(s, 'lock-start'));
  const runs = useMemo(() => parseSceneRuns(runsKey), [runsKey]);
  const caption = useAppStore((s) => paneSurfaceLabel(s.setup, pane));
  const paneCount = useAppStore((s) => s.setup.panes.length);
  const axes = useMemo(() => (scene ? buildAxes(scene.field, scene.frame) : null), [scene]);
  useEffect(() => {
    for (const label of axes?.labels ?? []) {
      labels.place(label.id, ...label.position, !(label.only3d && mode === 'top'));
      // Where two would overlap, a title stays and a tick gives way.
      labels.setPriority(label.id, label.title ? 2 : 1);
    }
  }, [axes, mode, labels]);
  useEffect(() => {
    // "diverged at step k" outranks every axis label.
    for (const run of runs) {
      labels.setPriority(`diverged:${run.id}`, 3);
      labels.setPriority(exitLabelId(run.id), 3);
    }
  }, [runs, labels]);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLDivElement>) => {
      const direction = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] }[event.key];
      if (!direction || !scene || event.altKey || event.ctrlKey || event.metaKey) return;
      // While a lesson asks where a run ends, the arrows move the guess; a locked start does not move.
      const guess = guessing();
      if (!guess && startLocked()) return;
      event.preventDefault();
      event.stopPropagation();
      const { x, y } = scene.field.domain;
      const step = NUDGE * Math.max(x[1] - x[0], y[1] - y[0]) * (event.shiftKey ? 5 : 1);
      const state = appStore.getState();
      const [sx, sy] = (guess ? state.lesson?.clickGuess : null) ?? state.setup.start;
      const clamp = (v: number, range: readonly [number, number]) => Math.min(range[1], Math.max(range[0], v));
      (guess ? clickSurface : moveStart)(clamp(sx + direction[0] * step, x), clamp(sy + direction[1] * step, y));
    },
    [scene],
  );

  const onCanvasError = useCallback((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    if (NO_CONTEXT.test(message)) setWebgl(false);
    else setFailure(message);
  }, []);

  const onCreated = useCallback((state: RootState) => {
    const canvas = state.gl.domElement;
    canvas.addEventListener('webglcontextlost', (event) => {
      event.preventDefault();
      setContextLost(true);
    });
    canvas.addEventListener('webglcontextrestored', () => {
      setContextLost(false);
      state.invalidate();
    });
  }, []);

  const use3d = webgl && failure === null;
  return (
    <div className="scene-pane">
      <div
        ref={setContainer}
        className="scene-view"
        data-testid="scene-canvas"
        data-pane={pane}
        tabIndex={0}
        role="application"
        aria-roledescription="3D loss landscape"
        aria-label={
          clickRun !== null
            ? `Loss landscape: click where you think run ${clickRun} ends, or move your guess with the arrow keys`
            : locked
              ? 'Loss landscape: this lesson fixes the start point'
              : 'Loss landscape: click to set the start point, drag the white pin, or use the arrow keys to move it'
        }
        onKeyDown={onKeyDown}
      >
        {use3d && container && scene && axes && (
          <ErrorCatcher onError={onCanvasError}>
            <PaneCanvas gl={{ antialias, alpha: false, powerPreference: 'high-performance' }} onCreated={onCreated}>
              <color attach="background" args={['#0f1117']} />
              <Landscape pane={pane} scene={scene} axes={axes} runs={runs} mode={mode} overlays={overlays} container={container} labels={labels} caption={caption} />
            </PaneCanvas>
          </ErrorCatcher>
        )}
        {!use3d && scene && <Fallback2D field={scene.field} surface={scene.surface} runs={runs} />}
        {use3d && axes && (
          <div className="scene-labels" aria-hidden="true">
            {axes.labels.map((label) => (
              <div
                key={label.id}
                ref={labels.refFor(label.id)}
                className={`scene-label ${label.align}${label.title ? ' title' : ''}`}
              >
                <span>{label.text}</span>
              </div>
            ))}
            {runs.map((run) => (
              <div key={run.id} ref={labels.refFor(`diverged:${run.id}`)} className="scene-label diverged" style={{ ['--run-color' as string]: run.color }}>
                <span />
              </div>
            ))}
            {runs.map((run) => (
              <div key={`left-${run.id}`} ref={labels.refFor(exitLabelId(run.id))} className="scene-label diverged left-plot" style={{ ['--run-color' as string]: run.color }}>
                <span />
              </div>
            ))}
          </div>
        )}
        {!scene && <div className="scene-status">Computing the landscape…</div>}
        {!webgl && <div className="scene-message" role="status">WebGL is not available in this browser, so the landscape is shown as a 2D contour map. Paths, clicks and playback still work.</div>}
        {failure !== null && <div className="scene-message" role="alert">The 3D view could not start ({failure}); showing the 2D contour map instead.</div>}
        {contextLost && <div className="scene-status" role="status">The graphics context was lost; restoring the 3D view…</div>}
      </div>
      <div className="scene-footer">
        <span className="pane-label">
          {paneCount > 1 ? <span className="pane-number">{pane + 1}</span> : null}
          {caption}
        </span>
        {scene && <ColorKey pane={pane} mapping={scene.field.mapping} hasMinima={(scene.surface?.minima.length ?? 0) > 0} />}
      </div>
    </div>
  );
});
