/**
 * The basin map draped on the surface: a second mesh with the surface's own
 * vertices (so it sits exactly on it; the surface's polygon offset keeps it
 * behind) textured with one texel per map cell, lit like the surface so the
 * shape still reads. Cells not computed yet are transparent, so the map fills in
 * tile by tile. The top-down camera shows the same mesh from above. Clicking the
 * surface sets the start there (StartInteraction), so a cell's start is one click.
 *
 * Cells are read from MapResults outside React: a tile repaints the texture and
 * asks for a frame; React renders only when the map opens, closes or changes size.
 */
import { useThree } from '@react-three/fiber';
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, DataTexture, DoubleSide, MeshLambertMaterial, NearestFilter, RGBAFormat, SRGBColorSpace, UnsignedByteType } from 'three';
import { appMaps, appStore } from '../appBridge.ts';
import type { BasinData } from '../../state/maps/types.ts';
import { gridIndex, updateVertexNormals, writeGridPositions } from './gridMesh.ts';
import type { WorldFrame } from './heightMapping.ts';
import { basinCellInto } from '../../view/mapColors.ts';
import { useBasinMap } from '../../view/mapResults.ts';
import { arrivalKey, fadePending, pendingAt } from '../../view/mapTimeline.ts';
import type { MappedField } from './mappedField.ts';

/** Shortest interval between repaints while a map computes (ms). */
const REPAINT_MS = 400;

/** The overlay sits this fraction of the surface's height scale above it, against z-fighting where the polygon offset is not enough. */
const LIFT = 0.002;

function createGeometry(resolution: number): BufferGeometry {
  const vertices = resolution * resolution;
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(vertices * 3), 3));
  geometry.setAttribute('uv', new BufferAttribute(new Float32Array(vertices * 2), 2));
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array(vertices * 3), 3));
  // The surface mesh's own triangles.
  geometry.setIndex(gridIndex(resolution));
  return geometry;
}

function fillGeometry(geometry: BufferGeometry, field: MappedField, frame: WorldFrame): void {
  const r = field.resolution;
  const uv = (geometry.getAttribute('uv') as BufferAttribute).array as Float32Array;
  writeGridPositions((geometry.getAttribute('position') as BufferAttribute).array as Float32Array, field, frame, LIFT * frame.height);
  for (let j = 0; j < r; j++) {
    for (let i = 0; i < r; i++) {
      uv[(j * r + i) * 2] = i / (r - 1);
      uv[(j * r + i) * 2 + 1] = j / (r - 1);
    }
  }
  geometry.getAttribute('position').needsUpdate = true;
  geometry.getAttribute('uv').needsUpdate = true;
  updateVertexNormals(geometry);
  geometry.computeBoundingSphere();
}

/**
 * Paint every cell of a map into RGBA texels (row 0 = y.min, as the texture's v = 0). Unfilled cells
 * are transparent; at timeline step `step` a start whose run reaches its minimum only later is faded
 * (the surface shows through).
 */
export function paintBasin(data: BasinData, pixels: Uint8Array, step: number): void {
  const maxSteps = data.spec.steps;
  for (let cell = 0; cell < data.outcome.length; cell++) {
    if (data.filled[cell] === 0) {
      pixels[cell * 4 + 3] = 0;
      continue;
    }
    basinCellInto(data.outcome[cell], data.stepsToTolerance[cell], maxSteps, pixels, cell * 4);
    if (pendingAt(data.stepsToTolerance[cell], step)) fadePending(pixels, cell * 4);
  }
}

interface Overlay {
  readonly texture: DataTexture;
  readonly material: MeshLambertMaterial;
}

/** One texel per cell, drawn unfiltered (cells stay crisp), on a lit, slightly see-through material. */
function createOverlay(resolution: number): Overlay {
  const texture = new DataTexture(new Uint8Array(resolution * resolution * 4), resolution, resolution, RGBAFormat, UnsignedByteType);
  texture.magFilter = NearestFilter;
  texture.minFilter = NearestFilter;
  texture.colorSpace = SRGBColorSpace;
  const material = new MeshLambertMaterial({ map: texture, transparent: true, opacity: 0.92, side: DoubleSide, depthWrite: false });
  return { texture, material };
}

function repaintOverlay(overlay: Overlay, data: BasinData, step: number): void {
  if (overlay.texture.image.width !== data.resolution) return;
  paintBasin(data, overlay.texture.image.data as Uint8Array, step);
  overlay.texture.needsUpdate = true;
}

function disposeOverlay(overlay: Overlay): void {
  overlay.texture.dispose();
  overlay.material.dispose();
}

export function BasinOverlay({ pane, field, frame }: { pane: number; field: MappedField; frame: WorldFrame }) {
  const invalidate = useThree((s) => s.invalidate);
  const data = useBasinMap();
  const shown = data !== null && data.pane === pane;
  const resolution = data?.resolution ?? 1;

  const overlay = useMemo(() => createOverlay(resolution), [resolution]);
  const geometry = useMemo(() => (shown ? createGeometry(field.resolution) : null), [shown, field.resolution]);

  useLayoutEffect(() => {
    if (geometry) fillGeometry(geometry, field, frame);
  }, [geometry, field, frame]);
  useEffect(() => () => geometry?.dispose(), [geometry]);
  useEffect(() => () => disposeOverlay(overlay), [overlay]);

  // Repaint as tiles of the current map arrive (the data object stays the same while it fills in), at
  // most every REPAINT_MS while it computes: each repaint draws a frame, and with software WebGL a
  // frame costs the CPU the map workers need. The last tile always repaints.
  useEffect(() => {
    if (!shown || !data) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    // The timeline's step: starts whose run reaches its minimum only later are faded. The picture
    // changes only when the number of starts arrived by the step does (the arrived set grows with it).
    let step = appStore.getState().timelineStep;
    let arrived = arrivalKey(data.filled, data.stepsToTolerance, step);
    const repaint = () => {
      timer = null;
      last = performance.now();
      arrived = arrivalKey(data.filled, data.stepsToTolerance, step);
      repaintOverlay(overlay, data, step);
      invalidate();
    };
    repaint();
    const offTimeline = appStore.subscribe((state) => {
      if (state.timelineStep === step) return;
      step = state.timelineStep;
      if (timer === null && arrivalKey(data.filled, data.stepsToTolerance, step) !== arrived) repaint();
    });
    const off = appMaps.results.subscribe((kind) => {
      if (kind !== 'basin' || appMaps.results.basin !== data) return;
      const complete = data.filled.every((cell) => cell === 1);
      if (complete) {
        if (timer !== null) clearTimeout(timer);
        repaint();
      } else if (timer === null) {
        timer = setTimeout(repaint, Math.max(0, REPAINT_MS - (performance.now() - last)));
      }
    });
    return () => {
      off();
      offTimeline();
      if (timer !== null) clearTimeout(timer);
    };
  }, [shown, data, overlay, invalidate]);

  if (!shown || !geometry) return null;
  return <mesh geometry={geometry} material={overlay.material} name="basin-overlay" renderOrder={1} />;
}
