/**
 * The start point: a white pin standing on the surface, and the pointer handling
 * that moves it. A click (or tap) on the surface sets the start there (or, while
 * a lesson asks where a run ends, places the guess: appBridge.clickSurface); pressing on
 * the pin and dragging moves it live (setStart on every move: the worker
 * recomputes at once). Hit tests are done on screen and on the height field, not
 * by raycasting the 65k-triangle mesh, and only on pointer events.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { CylinderGeometry, MeshBasicMaterial, MeshLambertMaterial, Raycaster, SphereGeometry, TorusGeometry, Vector2, Vector3 } from 'three';
import type { Point } from '../../core/types.ts';
import { appStore, clickSurface, guessing, moveStart, startLocked, useAppStore } from '../appBridge.ts';
import { clampToDomain, type WorldFrame } from '../surface/heightMapping.ts';
import { raycastGrid, sampleAt, type MappedField } from '../surface/mappedField.ts';

const PIN_HEIGHT = 0.16;
const headGeometry = new SphereGeometry(0.042, 20, 14);
const stemGeometry = new CylinderGeometry(0.007, 0.007, PIN_HEIGHT, 8);
const ringGeometry = new TorusGeometry(0.05, 0.008, 8, 32);

/** Pixels around the pin's head that grab it (fingers need more). */
const GRAB_RADIUS_MOUSE = 20;
const GRAB_RADIUS_TOUCH = 34;
/** A press that moves less than this is a click. */
const CLICK_SLOP = 6;

function pinBase(field: MappedField, frame: WorldFrame, start: Point, out: Vector3): Vector3 {
  const scratch = [0, 0];
  clampToDomain(start[0], start[1], field.domain, scratch);
  const t = sampleAt(field, scratch[0], scratch[1], [0, 0]);
  return out.set(frame.toWorldX(scratch[0]), t * frame.height, frame.toWorldZ(scratch[1]));
}

export function StartMarker({ field, frame }: { field: MappedField; frame: WorldFrame }) {
  const start = useAppStore((s) => s.setup.start);
  const base = useMemo(() => pinBase(field, frame, start, new Vector3()), [field, frame, start]);
  const materials = useMemo(
    () => ({
      head: new MeshLambertMaterial({ color: 0xffffff, emissive: 0xbbbbbb }),
      stem: new MeshBasicMaterial({ color: 0xf5f5f5 }),
      ring: new MeshBasicMaterial({ color: 0x0b0d12 }),
    }),
    [],
  );
  useEffect(() => () => Object.values(materials).forEach((m) => m.dispose()), [materials]);
  return (
    <group position={base} name="start-marker">
      <mesh geometry={ringGeometry} material={materials.ring} rotation-x={Math.PI / 2} position-y={0.006} />
      <mesh geometry={stemGeometry} material={materials.stem} position-y={PIN_HEIGHT / 2} />
      <mesh geometry={headGeometry} material={materials.head} position-y={PIN_HEIGHT} renderOrder={4} />
    </group>
  );
}

/** Pointer handling for clicks on the surface and dragging the pin; attaches to the pane's container. */
export function StartInteraction({ field, frame, container }: { field: MappedField; frame: WorldFrame; container: HTMLElement }) {
  const camera = useThree((s) => s.camera);
  const gl = useThree((s) => s.gl);

  useEffect(() => {
    const raycaster = new Raycaster();
    const ndc = new Vector2();
    const head = new Vector3();
    const far = new Vector3();
    const hit = [0, 0];
    const gridOrigin: [number, number, number] = [0, 0, 0];
    const gridDirection: [number, number, number] = [0, 0, 0];
    const n = field.resolution - 1;
    const [x0, x1] = field.domain.x;
    const [y0, y1] = field.domain.y;
    const toGrid = (v: Vector3, out: [number, number, number]) => {
      out[0] = ((frame.fromWorldX(v.x) - x0) / (x1 - x0)) * n;
      out[1] = ((frame.fromWorldZ(v.z) - y0) / (y1 - y0)) * n;
      out[2] = v.y / frame.height;
    };
    /** The plane point under a canvas pixel, or null when the ray misses the surface. */
    const pick = (clientX: number, clientY: number): Point | null => {
      const rect = gl.domElement.getBoundingClientRect();
      ndc.set(((clientX - rect.left) / rect.width) * 2 - 1, -((clientY - rect.top) / rect.height) * 2 + 1);
      raycaster.setFromCamera(ndc, camera);
      toGrid(raycaster.ray.origin, gridOrigin);
      far.copy(raycaster.ray.origin).add(raycaster.ray.direction);
      toGrid(far, gridDirection);
      for (let i = 0; i < 3; i++) gridDirection[i] -= gridOrigin[i];
      if (!raycastGrid(field, gridOrigin, gridDirection, hit)) return null;
      return [x0 + (hit[0] / n) * (x1 - x0), y0 + (hit[1] / n) * (y1 - y0)];
    };
    const nearPin = (clientX: number, clientY: number, touch: boolean): boolean => {
      // The pin cannot be dragged while a lesson fixes the start or asks where a run ends.
      if (startLocked() || guessing()) return false;
      const rect = gl.domElement.getBoundingClientRect();
      pinBase(field, frame, appStore.getState().setup.start, head);
      head.y += PIN_HEIGHT;
      head.project(camera);
      const px = ((head.x + 1) / 2) * rect.width + rect.left;
      const py = ((1 - head.y) / 2) * rect.height + rect.top;
      return Math.hypot(px - clientX, py - clientY) <= (touch ? GRAB_RADIUS_TOUCH : GRAB_RADIUS_MOUSE);
    };
    const setStart = (point: Point) => moveStart(point[0], point[1]);

    let dragging: number | null = null;
    let press: { id: number; x: number; y: number } | null = null;
    let pointers = 0;

    const onDown = (event: PointerEvent) => {
      pointers++;
      if (pointers > 1) {
        press = null;
        return;
      }
      if (event.button !== 0) return;
      if (nearPin(event.clientX, event.clientY, event.pointerType === 'touch')) {
        dragging = event.pointerId;
        container.setPointerCapture(event.pointerId);
        container.style.cursor = 'grabbing';
        event.stopPropagation();
        event.preventDefault();
        return;
      }
      press = { id: event.pointerId, x: event.clientX, y: event.clientY };
    };
    const onMove = (event: PointerEvent) => {
      if (dragging === event.pointerId) {
        const point = pick(event.clientX, event.clientY);
        if (point) setStart(point);
        event.stopPropagation();
        return;
      }
      if (press && Math.hypot(event.clientX - press.x, event.clientY - press.y) > CLICK_SLOP) press = null;
      if (pointers === 0 && event.pointerType === 'mouse') container.style.cursor = nearPin(event.clientX, event.clientY, false) ? 'grab' : '';
    };
    const onUp = (event: PointerEvent) => {
      pointers = Math.max(0, pointers - 1);
      if (dragging === event.pointerId) {
        dragging = null;
        container.style.cursor = 'grab';
        if (container.hasPointerCapture(event.pointerId)) container.releasePointerCapture(event.pointerId);
        event.stopPropagation();
        return;
      }
      if (press && press.id === event.pointerId) {
        const point = pick(event.clientX, event.clientY);
        if (point) clickSurface(point[0], point[1]);
      }
      press = null;
    };
    const onCancel = (event: PointerEvent) => {
      pointers = Math.max(0, pointers - 1);
      if (dragging === event.pointerId) dragging = null;
      press = null;
    };
    container.addEventListener('pointerdown', onDown, true);
    container.addEventListener('pointermove', onMove, true);
    container.addEventListener('pointerup', onUp, true);
    container.addEventListener('pointercancel', onCancel, true);
    return () => {
      container.removeEventListener('pointerdown', onDown, true);
      container.removeEventListener('pointermove', onMove, true);
      container.removeEventListener('pointerup', onUp, true);
      container.removeEventListener('pointercancel', onCancel, true);
    };
  }, [camera, gl, field, frame, container]);
  return null;
}
