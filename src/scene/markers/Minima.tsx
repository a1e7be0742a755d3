/**
 * Known minima of the surface: global ones as a white diamond, local ones as an
 * open ring, so the two read apart without colour (the colour key names both).
 */
import { useEffect, useMemo } from 'react';
import { MeshBasicMaterial, MeshLambertMaterial, OctahedronGeometry, TorusGeometry } from 'three';
import type { Surface } from '../../core/types.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
import { sampleAt, type MappedField } from '../surface/mappedField.ts';

const diamond = new OctahedronGeometry(0.04);
const ring = new TorusGeometry(0.04, 0.009, 8, 28);

export interface MinimumMark {
  readonly x: number;
  readonly y: number;
  readonly global: boolean;
}

/** Classify a surface's minima: every one as low as the first (global) is global too (Himmelblau has four). */
export function classifyMinima(surface: Surface | null): MinimumMark[] {
  if (!surface || surface.minima.length === 0) return [];
  const best = surface.loss(surface.minima[0][0], surface.minima[0][1]);
  return surface.minima.map(([x, y], i) => {
    const loss = surface.loss(x, y);
    const global = i === 0 || (Number.isFinite(loss) && Math.abs(loss - best) <= 1e-6 * (1 + Math.abs(best)));
    return { x, y, global };
  });
}

export function Minima({ surface, field, frame }: { surface: Surface | null; field: MappedField; frame: WorldFrame }) {
  const marks = useMemo(() => {
    const [x0, x1] = field.domain.x;
    const [y0, y1] = field.domain.y;
    return classifyMinima(surface)
      .filter((m) => m.x >= x0 && m.x <= x1 && m.y >= y0 && m.y <= y1)
      .map((m) => ({ ...m, height: sampleAt(field, m.x, m.y, [0, 0]) * frame.height }));
  }, [surface, field, frame]);
  const materials = useMemo(() => ({ global: new MeshLambertMaterial({ color: 0xffffff, emissive: 0x666666 }), local: new MeshBasicMaterial({ color: 0xe8e8e8 }) }), []);
  useEffect(() => () => Object.values(materials).forEach((m) => m.dispose()), [materials]);
  return (
    <group name="minima">
      {marks.map((m, i) =>
        m.global ? (
          <mesh key={i} geometry={diamond} material={materials.global} position={[frame.toWorldX(m.x), m.height + 0.045, frame.toWorldZ(m.y)]} />
        ) : (
          <mesh key={i} geometry={ring} material={materials.local} rotation-x={Math.PI / 2} position={[frame.toWorldX(m.x), m.height + 0.02, frame.toWorldZ(m.y)]} />
        ),
      )}
    </group>
  );
}
