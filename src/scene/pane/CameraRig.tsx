/**
 * Cameras and controls of one pane: a perspective camera orbiting the landscape
 * (drei OrbitControls with damping; one finger orbits, two zoom and pan) or, in
 * the top view, an orthographic camera looking straight down (w₂ up the screen)
 * that pans and zooms. Registers the pane with view/paneRegistry (reset, export, sync).
 */
import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { advance, useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef, type ComponentRef } from 'react';
import { MOUSE, TOUCH, type Camera, type OrthographicCamera as OrthoCamera, type PerspectiveCamera as PerspCamera } from 'three';
import type { CameraMode } from '../../state/setup.ts';
import type { HeightMapping, WorldFrame } from '../surface/heightMapping.ts';
import { drawPaneFooter } from '../labels/ColorKey.tsx';
import type { AxesGeometry } from '../labels/axes.ts';
import { fitPerspective, fitTopView, type FitPoint } from './cameraFit.ts';
import type { LabelRegistry } from '../labels/labelRegistry.ts';
import { registerPane, syncCameras, type CameraPose } from '../../view/paneRegistry.ts';

const FOV = 36;

/** Screen room kept between the framed landscape (with its labels) and the pane's edges, px. */
const EDGE_PAD = 10;

/** The box's corners and every axis label shown in this mode, each with its label's box around its anchor (px). */
export function framePoints(frame: WorldFrame, axes: AxesGeometry, labels: LabelRegistry, mode: CameraMode): FitPoint[] {
  const points: FitPoint[] = [];
  for (const x of [-frame.halfWidth, frame.halfWidth]) {
    for (const z of [-frame.halfDepth, frame.halfDepth]) {
      for (const y of mode === 'top' ? [0] : [0, frame.height]) points.push({ position: [x, y, z], left: 0, right: 0, up: 0, down: 0 });
    }
  }
  for (const label of axes.labels) {
    if (label.only3d && mode === 'top') continue;
    // Before the first layout the size is estimated from the text (13 px type, ~0.6 em a character).
    const size = labels.measure(label.id) ?? { width: label.text.length * 8 + 4, height: 18 };
    const halfW = size.width / 2;
    const halfH = size.height / 2;
    const box = {
      center: { left: halfW, right: halfW, up: halfH, down: halfH },
      left: { left: 0, right: size.width, up: halfH, down: halfH },
      right: { left: size.width, right: 0, up: halfH, down: halfH },
      above: { left: halfW, right: halfW, up: size.height, down: 0 },
    }[label.align];
    points.push({ position: label.position, ...box });
  }
  return points;
}

/** Default 3D pose: from the front right, a little above, the whole box and its labels in view and centred. */
export function defaultPose(frame: WorldFrame, points: readonly FitPoint[], width: number, height: number): CameraPose {
  const azimuth = (35 * Math.PI) / 180;
  const elevation = (40 * Math.PI) / 180;
  const back: [number, number, number] = [Math.cos(elevation) * Math.sin(azimuth), Math.sin(elevation), Math.cos(elevation) * Math.cos(azimuth)];
  const fit = fitPerspective(points, [0, frame.height * 0.28, 0], back, FOV, Math.max(1, width), Math.max(1, height), EDGE_PAD);
  const [tx, ty, tz] = fit.target;
  return { position: [tx + fit.distance * back[0], ty + fit.distance * back[1], tz + fit.distance * back[2]], target: fit.target, zoom: 1 };
}

/** Top view: straight down, zoomed so the domain and its tick labels fill the pane. */
export function topPose(points: readonly FitPoint[], width: number, height: number): CameraPose {
  const fit = fitTopView(points, Math.max(1, width), Math.max(1, height), EDGE_PAD);
  const [cx, cz] = fit.center;
  return { position: [cx, 10, cz + 1e-3], target: [cx, 0, cz], zoom: fit.zoom };
}

interface CameraRigProps {
  readonly pane: number;
  readonly mode: CameraMode;
  readonly frame: WorldFrame;
  readonly container: HTMLElement;
  readonly labels: LabelRegistry;
  readonly axes: AxesGeometry;
  /** The colour scale, drawn into exported PNGs as the caption strip shows it. */
  readonly mapping: HeightMapping;
  /** The pane's caption (its surface), for exported PNGs. */
  readonly caption: string;
}

export function CameraRig({ pane, mode, frame, container, labels, axes, mapping, caption }: CameraRigProps) {
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const getState = useThree((s) => s.get);
  const applying = useRef(false);
  /** Set once the person moves the camera: from then on a resize keeps their view instead of re-framing. */
  const moved = useRef(false);

  const applyPose = useCallback(
    (pose: CameraPose, cam: Camera) => {
      const control = controls.current;
      cam.position.set(...pose.position);
      if ('zoom' in cam) {
        (cam as PerspCamera | OrthoCamera).zoom = pose.zoom;
        (cam as PerspCamera | OrthoCamera).updateProjectionMatrix();
      }
      if (control) {
        control.target.set(...pose.target);
        applying.current = true;
        control.update();
        applying.current = false;
      } else {
        cam.lookAt(...pose.target);
      }
      invalidate();
    },
    [invalidate],
  );

  const reset = useCallback(() => {
    moved.current = false;
    const points = framePoints(frame, axes, labels, mode);
    applyPose(mode === 'top' ? topPose(points, size.width, size.height) : defaultPose(frame, points, size.width, size.height), camera);
  }, [applyPose, axes, camera, frame, labels, mode, size.width, size.height]);

  // A new mode or a new surface extent starts from the default pose.
  const resetRef = useRef(reset);
  useEffect(() => {
    resetRef.current = reset;
  }, [reset]);
  useEffect(() => {
    resetRef.current();
  }, [mode, frame.halfWidth, frame.halfDepth, frame.height, camera]);
  // A new pane size (layout change, presentation mode, rotation) or new axis labels re-frame, unless the person moved the view.
  useEffect(() => {
    if (!moved.current) resetRef.current();
  }, [size.width, size.height, axes]);

  useEffect(
    () =>
      registerPane(pane, {
        container: container.parentElement ?? container,
        renderNow: () => {
          gl.render(scene, camera);
          return gl.domElement;
        },
        renderFrame: () => {
          advance(performance.now(), false, getState());
          return gl.domElement;
        },
        drawOverlays: (context, rect) => {
          labels.draw(context, rect);
          const picture = container.getBoundingClientRect();
          drawPaneFooter(context, mapping, caption, rect.width, picture.bottom - rect.top, rect.bottom - picture.bottom, pane);
        },
        resetView: () => resetRef.current(),
        applyCamera: (pose) => applyPose(pose, camera),
      }),
    [pane, container, gl, scene, camera, labels, mapping, caption, applyPose, getState],
  );

  const onChange = useCallback(() => {
    const control = controls.current;
    if (!control || applying.current) return;
    moved.current = true;
    const zoom = 'zoom' in camera ? (camera as PerspCamera).zoom : 1;
    syncCameras(pane, { position: [camera.position.x, camera.position.y, camera.position.z], target: [control.target.x, control.target.y, control.target.z], zoom });
  }, [camera, pane]);

  const top = mode === 'top';
  return (
    <>
      {top ? (
        <OrthographicCamera makeDefault near={0.01} far={50} position={[0, 10, 1e-3]} />
      ) : (
        <PerspectiveCamera makeDefault fov={FOV} near={0.02} far={60} />
      )}
      <OrbitControls
        key={mode}
        ref={controls}
        makeDefault
        enableDamping
        dampingFactor={0.14}
        enableRotate={!top}
        screenSpacePanning
        minDistance={0.8}
        maxDistance={14}
        minZoom={20}
        maxZoom={4000}
        maxPolarAngle={Math.PI * 0.495}
        mouseButtons={{ LEFT: top ? MOUSE.PAN : MOUSE.ROTATE, MIDDLE: MOUSE.DOLLY, RIGHT: MOUSE.PAN }}
        touches={{ ONE: top ? TOUCH.PAN : TOUCH.ROTATE, TWO: TOUCH.DOLLY_PAN }}
        onChange={onChange}
      />
    </>
  );
}
