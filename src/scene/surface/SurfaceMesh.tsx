/**
 * The landscape mesh: one vertex per height-field sample, coloured by viridis,
 * shaded softly so the shape reads, with iso-lines drawn in the fragment shader
 * (fwidth keeps them about 1.5 px wide at any zoom and fades them where levels
 * crowd). Geometry is allocated once per resolution and rewritten per field.
 */
import { useEffect, useLayoutEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, FrontSide, MeshLambertMaterial } from 'three';
import { colormapInto, srgbToLinear } from '../../view/colormap.ts';
import { gridIndex, updateVertexNormals, writeGridPositions } from './gridMesh.ts';
import type { WorldFrame } from './heightMapping.ts';
import type { MappedField } from './mappedField.ts';

/** Iso-lines at t = 1/N, 2/N, … (evenly spaced in height, so log-spaced in loss under log height). */
export const CONTOUR_COUNT = 16;

function createGeometry(resolution: number): BufferGeometry {
  const vertices = resolution * resolution;
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(new Float32Array(vertices * 3), 3));
  geometry.setAttribute('normal', new BufferAttribute(new Float32Array(vertices * 3), 3));
  geometry.setAttribute('color', new BufferAttribute(new Float32Array(vertices * 3), 3));
  geometry.setAttribute('levelT', new BufferAttribute(new Float32Array(vertices), 1));
  geometry.setIndex(gridIndex(resolution));
  return geometry;
}

/** Entries of the linear-light colour table: interpolating in it is off by at most 1.3e-4, far under one 8-bit step. */
const LINEAR_STEPS = 1024;
let linearTable: Float32Array | null = null;

/** The colour map in linear light (what vertex colours take), sampled at LINEAR_STEPS points of t. */
function linearColormap(): Float32Array {
  if (linearTable) return linearTable;
  const table = new Float32Array(LINEAR_STEPS * 3);
  for (let k = 0; k < LINEAR_STEPS; k++) {
    colormapInto(k / (LINEAR_STEPS - 1), table, k * 3);
    for (let channel = 0; channel < 3; channel++) table[k * 3 + channel] = srgbToLinear(table[k * 3 + channel]);
  }
  linearTable = table;
  return table;
}

function fillGeometry(geometry: BufferGeometry, field: MappedField, frame: WorldFrame): void {
  const position = geometry.getAttribute('position') as BufferAttribute;
  const color = geometry.getAttribute('color') as BufferAttribute;
  const level = geometry.getAttribute('levelT') as BufferAttribute;
  const c = color.array as Float32Array;
  const l = level.array as Float32Array;
  writeGridPositions(position.array as Float32Array, field, frame);
  const table = linearColormap();
  const last = LINEAR_STEPS - 1;
  for (let v = 0; v < field.t.length; v++) {
    const t = field.t[v];
    // Interpolated in the table (a few hundred thousand Math.pow calls per field otherwise).
    const position = (t > 0 ? (t < 1 ? t : 1) : 0) * last;
    const k = Math.min(last - 1, Math.floor(position));
    const f = position - k;
    const from = k * 3;
    const to = v * 3;
    const r = table[from];
    const g = table[from + 1];
    const b = table[from + 2];
    c[to] = r + (table[from + 3] - r) * f;
    c[to + 1] = g + (table[from + 4] - g) * f;
    c[to + 2] = b + (table[from + 5] - b) * f;
    l[v] = t;
  }
  position.needsUpdate = true;
  color.needsUpdate = true;
  level.needsUpdate = true;
  updateVertexNormals(geometry);
  geometry.computeBoundingSphere();
  geometry.computeBoundingBox();
}

function createMaterial(): MeshLambertMaterial {
  const material = new MeshLambertMaterial({ vertexColors: true, side: FrontSide, polygonOffset: true, polygonOffsetFactor: 1, polygonOffsetUnits: 1 });
  material.onBeforeCompile = (shader) => {
    shader.uniforms.contourCount = { value: CONTOUR_COUNT };
    shader.vertexShader = shader.vertexShader
      .replace('#include <common>', '#include <common>\nattribute float levelT;\nvarying float vLevelT;')
      .replace('#include <begin_vertex>', '#include <begin_vertex>\nvLevelT = levelT;');
    shader.fragmentShader = shader.fragmentShader
      .replace('#include <common>', '#include <common>\nuniform float contourCount;\nvarying float vLevelT;')
      .replace(
        '#include <color_fragment>',
        `#include <color_fragment>
        {
          float scaled = vLevelT * contourCount;
          float distanceToLevel = abs(fract(scaled - 0.5) - 0.5);
          float width = max(fwidth(scaled), 1e-5);
          float line = 1.0 - smoothstep(0.6 * width, 1.4 * width, distanceToLevel);
          line *= 1.0 - smoothstep(0.2, 0.45, width);
          line *= step(0.5, scaled) * step(scaled, contourCount - 0.5);
          vec3 ink = luminance(diffuseColor.rgb) < 0.05 ? diffuseColor.rgb * 2.2 + vec3(0.05) : diffuseColor.rgb * 0.3;
          diffuseColor.rgb = mix(diffuseColor.rgb, ink, line * 0.85);
        }`,
      );
  };
  material.customProgramCacheKey = () => 'descent-surface-contours';
  return material;
}

/** The surface of one pane. */
export function SurfaceMesh({ field, frame }: { field: MappedField; frame: WorldFrame }) {
  const geometry = useMemo(() => createGeometry(field.resolution), [field.resolution]);
  const material = useMemo(() => createMaterial(), []);
  useLayoutEffect(() => fillGeometry(geometry, field, frame), [geometry, field, frame]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  return <mesh geometry={geometry} material={material} name="surface" />;
}
