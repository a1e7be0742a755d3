/**
 * Cameras and controls of one pane: a perspective camera orbiting the landscape
 * (drei OrbitControls with damping; one finger orbits, two zoom and pan) or, in
 * the top view, an orthographic camera looking straight down (w₂ up the screen)
 * that pans and zooms. Registers the pane with view/paneRegistry (reset, export, sync).
 */
import { OrbitControls, OrthographicCamera, PerspectiveCamera } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import { useCallback, useEffect, useRef, type ComponentRef } from 'react';
import { MOUSE, TOUCH, type Camera, type OrthographicCamera as OrthoCamera, type PerspectiveCamera as PerspCamera } from 'three';
import type { CameraMode } from '../../state/setup.ts';
import type { HeightMapping, WorldFrame } from '../surface/heightMapping.ts';
import { drawColorKey } from '../labels/ColorKey.tsx';
import type { LabelRegistry } from '../labels/labelRegistry.ts';
import { registerPane, syncCameras, type CameraPose } from '../../view/paneRegistry.ts';

const FOV = 36;

/** Default 3D pose: from the front right, a little above, the whole box in view. */
export function defaultPose(frame: WorldFrame, aspect: number): CameraPose {
  const target: [number, number, number] = [0, frame.height * 0.28, 0];
  const radius = Math.hypot(frame.halfWidth, frame.halfDepth, frame.height / 2) * 1.04;
  const vertical = ((FOV / 2) * Math.PI) / 180;
  const horizontal = Math.atan(Math.tan(vertical) * aspect);
  const distance = radius / Math.sin(Math.min(vertical, horizontal));
  const azimuth = (35 * Math.PI) / 180;
  const elevation = (40 * Math.PI) / 180;
  return {
    position: [target[0] + distance * Math.cos(elevation) * Math.sin(azimuth), target[1] + distance * Math.sin(elevation), target[2] + distance * Math.cos(elevation) * Math.cos(azimuth)],
    target,
    zoom: 1,
  };
}

/** Orthographic zoom (px per world unit) that fits the domain and its tick labels. */
export function topZoom(frame: WorldFrame, width: number, height: number): number {
  return Math.max(1, Math.min(width / (2 * frame.halfWidth + 0.9), height / (2 * frame.halfDepth + 0.75)));
}

interface CameraRigProps {
  readonly pane: number;
  readonly mode: CameraMode;
  readonly frame: WorldFrame;
  readonly container: HTMLElement;
  readonly labels: LabelRegistry;
  /** The colour scale, drawn into exported PNGs as the HTML legend shows it. */
  readonly mapping: HeightMapping;
}

export function CameraRig({ pane, mode, frame, container, labels, mapping }: CameraRigProps) {
  const controls = useRef<ComponentRef<typeof OrbitControls>>(null);
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const size = useThree((s) => s.size);
  const invalidate = useThree((s) => s.invalidate);
  const applying = useRef(false);

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
    if (mode === 'top') applyPose({ position: [0, 10, 1e-3], target: [0, 0, 0], zoom: topZoom(frame, size.width, size.height) }, camera);
    else applyPose(defaultPose(frame, size.width / Math.max(1, size.height)), camera);
  }, [applyPose, camera, frame, mode, size.width, size.height]);

  // A new mode or a new surface extent starts from the default pose.
  const resetRef = useRef(reset);
  useEffect(() => {
    resetRef.current = reset;
  }, [reset]);
  useEffect(() => {
    resetRef.current();
  }, [mode, frame.halfWidth, frame.halfDepth, camera]);

  useEffect(
    () =>
      registerPane(pane, {
        container,
        renderNow: () => {
          gl.render(scene, camera);
          return gl.domElement;
        },
        drawOverlays: (context) => {
          const rect = container.getBoundingClientRect();
          labels.draw(context, rect);
          drawColorKey(context, mapping, rect.width);
        },
        resetView: () => resetRef.current(),
        applyCamera: (pose) => applyPose(pose, camera),
      }),
    [pane, container, gl, scene, camera, labels, mapping, applyPose],
  );

  const onChange = useCallback(() => {
    const control = controls.current;
    if (!control || applying.current) return;
    const zoom = 'zoom' in camera ? (camera as PerspCamera).zoom : 1;
    syncCameras(pane, { position: [camera.position.x, camera.position.y, camera.position.z], target: [control.target.x, control.target.y, control.target.z], zoom });
  }, [camera, pane]);

  const top = mode === 'top';
  return (
    <>
      {top ? (
        <OrthographicCamera makeDefault near={0.01} far={50} position={[0, 10, 1e-3]} zoom={topZoom(frame, size.width, size.height)} />
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
