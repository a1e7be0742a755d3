/**
 * The landscape mesh: one vertex per height-field sample, coloured by viridis,
 * shaded softly so the shape reads, with iso-lines drawn in the fragment shader
 * (fwidth keeps them about 1.5 px wide at any zoom and fades them where levels
 * crowd). Its vertex arrays are built in slices (surfaceBuild.ts) so that no main-thread task
 * is long, in two sets per mount: the one on screen, and the one the next field is written into.
 */
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { Box3, BufferAttribute, BufferGeometry, FrontSide, MeshLambertMaterial, Sphere, Vector3 } from 'three';
import { useThree } from '@react-three/fiber';
import { sceneCounters } from '../pane/sceneCounters.ts';
import { buildInSlices, surfaceBuild, type SurfaceArrays, type VertexArrays } from './surfaceBuild.ts';
import type { WorldFrame } from './heightMapping.ts';
import type { MappedField } from './mappedField.ts';

/** Iso-lines at t = 1/N, 2/N, … (evenly spaced in height, so log-spaced in loss under log height). */
export const CONTOUR_COUNT = 16;

/**
 * A finished build's arrays become the geometry's attributes: set on the first build, swapped in
 * (same resolution, same sizes; no copy) on later ones, marked for upload. Before its first build
 * the geometry has no attributes and draws nothing. The bounds come with the arrays (the box's
 * circumscribed sphere: looser than three's tightest, which walks every vertex, and only used to
 * cull and to skip rays). Returns the arrays it took off screen (null on the first build).
 */
function applyBuild(geometry: BufferGeometry, arrays: SurfaceArrays): VertexArrays | null {
  const names = [
    ['position', arrays.position, 3],
    ['normal', arrays.normal, 3],
    ['color', arrays.color, 3],
    ['levelT', arrays.level, 1],
  ] as const;
  const previous: Float32Array[] = [];
  for (const [name, array, size] of names) {
    const attribute = geometry.getAttribute(name) as BufferAttribute | undefined;
    if (attribute === undefined) {
      geometry.setAttribute(name, new BufferAttribute(array, size));
    } else {
      previous.push(attribute.array as Float32Array);
      attribute.array = array;
      attribute.needsUpdate = true;
    }
  }
  if (geometry.index?.array !== arrays.index) geometry.setIndex(new BufferAttribute(arrays.index, 1));
  const box = new Box3(new Vector3().fromArray(arrays.boxMin), new Vector3().fromArray(arrays.boxMax));
  geometry.boundingBox = box;
  geometry.boundingSphere = box.getBoundingSphere(new Sphere());
  return previous.length === names.length ? { position: previous[0], normal: previous[1], color: previous[2], level: previous[3] } : null;
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
  // One geometry per mount, filled by the builds below; Landscape keys the mesh by the field's
  // resolution, so every build of a mount has the same sizes.
  const geometry = useMemo(() => new BufferGeometry(), []);
  const material = useMemo(() => createMaterial(), []);
  const invalidate = useThree((state) => state.invalidate);
  // The arrays no build is writing and no frame is showing: the next build writes into them.
  const spare = useRef<VertexArrays | null>(null);
  // Built in slices (surfaceBuild.ts); until a new field's build is done the last one stays on screen.
  useLayoutEffect(() => {
    const counters = sceneCounters();
    counters.building++;
    let finished = false;
    const build = surfaceBuild(field, frame, spare.current);
    spare.current = null;
    const cancel = buildInSlices(build, (arrays) => {
      finished = true;
      counters.building--;
      spare.current = applyBuild(geometry, arrays);
      invalidate();
    });
    return () => {
      cancel();
      if (finished) return;
      counters.building--;
      // Replaced before it was done: its arrays were never shown, the next build takes them.
      spare.current = build.arrays;
    };
  }, [geometry, field, frame, invalidate]);
  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => material.dispose(), [material]);
  return <mesh geometry={geometry} material={material} name="surface" />;
}
