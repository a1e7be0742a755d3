/**
 * Everything inside one pane's <Canvas>: lights, surface, axes, minima, runs,
 * start pin, overlays, cameras, and the frame driver that renders on demand
 * (results, store changes, playback) and moves the HTML labels after each frame.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { BufferAttribute, BufferGeometry, LineBasicMaterial, LineSegments } from 'three';
import type { CameraMode } from '../../state/setup.ts';
import type { SceneRun } from './sceneRuns.ts';
import { appResults, appStore, playhead } from '../appBridge.ts';
import { subscribeEmphasis } from '../../view/runEmphasis.ts';
import type { AxesGeometry } from '../labels/axes.ts';
import { BasinOverlay } from '../surface/BasinOverlay.tsx';
import { CameraRig } from './CameraRig.tsx';
import type { LabelRegistry } from '../labels/labelRegistry.ts';
import { Candidates } from '../markers/Candidates.tsx';
import { ExitMarkers } from '../markers/ExitMarkers.tsx';
import { Minima } from '../markers/Minima.tsx';
import { Overlays, type OverlayFlags } from '../overlays/Overlays.tsx';
import { RunPath } from '../paths/RunPath.tsx';
import { TrainingPath } from '../paths/TrainingPath.tsx';
import { startPathFrame } from '../paths/pathBudget.ts';
import { GuessMarker } from '../markers/GuessMarker.tsx';
import { StartInteraction, StartMarker } from '../markers/StartMarker.tsx';
import { SurfaceMesh } from '../surface/SurfaceMesh.tsx';
import type { PaneScene } from './usePaneScene.ts';
import { PathProbe, type PathSource } from './PathProbe.tsx';
import { createShaderWarmup } from './shaderWarmup.ts';
import { sceneCounters } from './sceneCounters.ts';

/** Renders when asked (frameloop "demand"), keeps asking while playback runs, and projects labels after each render. */
function FrameDriver({ labels }: { labels: LabelRegistry }) {
  const invalidate = useThree((s) => s.invalidate);
  useEffect(() => {
    const offResults = appResults.subscribe(() => invalidate());
    const offStore = appStore.subscribe(() => invalidate());
    const offEmphasis = subscribeEmphasis(() => invalidate());
    return () => {
      offResults();
      offStore();
      offEmphasis();
    };
  }, [invalidate]);
  const warmup = useMemo(() => createShaderWarmup(), []);
  useEffect(() => () => warmup.dispose(), [warmup]);
  // Before every other frame callback: the runs share one budget for building paths.
  useFrame(startPathFrame, -1);
  useFrame(({ gl, scene, camera, size }) => {
    // New objects' shaders link in the background; this frame is drawn in a later task.
    if (!warmup.ready(gl, scene, camera)) {
      setTimeout(invalidate, 10);
      return;
    }
    const started = performance.now();
    gl.render(scene, camera);
    const stats = sceneCounters();
    stats.lastFrameMs = performance.now() - started;
    stats.frames++;
    labels.project(camera, size.width, size.height);
    if (playhead.playing && !playhead.finished()) invalidate();
  }, 1);
  return null;
}

function AxisLines({ axes, mode }: { axes: AxesGeometry; mode: CameraMode }) {
  const objects = useMemo(() => {
    const make = (positions: Float32Array, color: number, opacity: number) => {
      const geometry = new BufferGeometry();
      geometry.setAttribute('position', new BufferAttribute(positions, 3));
      return new LineSegments(geometry, new LineBasicMaterial({ color, transparent: true, opacity }));
    };
    return { floor: make(axes.floor, 0x8a93a6, 0.9), walls: make(axes.walls, 0x8a93a6, 0.28) };
  }, [axes]);
  useEffect(
    () => () => {
      for (const line of [objects.floor, objects.walls]) {
        line.geometry.dispose();
        (line.material as LineBasicMaterial).dispose();
      }
    },
    [objects],
  );
  return (
    <>
      <primitive object={objects.floor} />
      <primitive object={objects.walls} visible={mode === '3d'} />
    </>
  );
}

/** The last mounting step of a pane (see Landscape). */
const LAST_STAGE = 4;

export interface LandscapeProps {
  readonly pane: number;
  readonly scene: PaneScene;
  readonly axes: AxesGeometry;
  readonly runs: readonly SceneRun[];
  readonly mode: CameraMode;
  readonly overlays: OverlayFlags;
  readonly container: HTMLElement;
  readonly labels: LabelRegistry;
  /** The pane's caption (its surface), for exported PNGs. */
  readonly caption: string;
}

export function Landscape({ pane, scene, axes, runs, mode, overlays, container, labels, caption }: LandscapeProps) {
  const { field, frame, surface } = scene;
  // A new field, run list or view option must reach the screen even if nothing else asks for a frame.
  const invalidate = useThree((s) => s.invalidate);
  useLayoutEffect(() => invalidate(), [invalidate, scene, axes, runs, mode, overlays]);
  const probes = useMemo(() => new Map<string, PathSource>(), []);
  // Mounted in steps, each in its own task after the last one's frame: the camera and frame
  // driver (the WebGL context is created then); the surface; then the axes and minima; then
  // the paths; then markers and overlays. Each step's new shaders are compiled before its
  // frame (shaderWarmup.ts): one long first frame would block the page, a few short ones do not.
  const [stage, setStage] = useState(0);
  useEffect(() => {
    if (stage >= LAST_STAGE) return;
    const timer = setTimeout(() => setStage(stage + 1), 16);
    return () => clearTimeout(timer);
  }, [stage]);
  return (
    <>
      <ambientLight intensity={0.62} />
      <directionalLight position={[1.5, 4, 2.5]} intensity={0.55} />
      {stage >= 1 ? <SurfaceMesh key={field.resolution} field={field} frame={frame} /> : null}
      {stage >= 2 ? (
        <>
          <AxisLines axes={axes} mode={mode} />
          <Minima surface={surface} field={field} frame={frame} />
          <TrainingPath surface={surface} field={field} frame={frame} />
        </>
      ) : null}
      {stage >= 3
        ? runs.map((run) => <RunPath key={run.id} runId={run.id} color={run.color} visible={run.visible} lastStep={run.lastStep} field={field} frame={frame} labels={labels} probes={probes} />)
        : null}
      {stage >= 4 ? (
        <>
          <BasinOverlay pane={pane} field={field} frame={frame} />
          <Overlays runs={runs} surface={surface} field={field} frame={frame} flags={overlays} />
          <Candidates runs={runs} surface={surface} field={field} frame={frame} />
          <ExitMarkers runs={runs} field={field} frame={frame} labels={labels} />
          <StartMarker field={field} frame={frame} />
          <GuessMarker field={field} frame={frame} />
          <StartInteraction field={field} frame={frame} container={container} />
        </>
      ) : null}
      <CameraRig pane={pane} mode={mode} frame={frame} container={container} labels={labels} axes={axes} mapping={field.mapping} caption={caption} />
      <FrameDriver labels={labels} />
      <PathProbe pane={pane} sources={probes} />
    </>
  );
}
