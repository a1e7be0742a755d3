/**
 * On a training-path (PCA) slice of a neural network: the path Adam and the
 * polish took through the weights, projected onto the plane, drawn at the
 * height of each point's TRUE loss. Those heights are not the slice's: the real
 * weights lie off the plane, so the dashed line floats above or sinks below the
 * surface where they do (the surface's controls say so in words).
 */
import { useEffect, useMemo } from 'react';
import { BufferAttribute, BufferGeometry, Line, LineDashedMaterial } from 'three';
import { isNeuralNetSlice } from '../../core/index.ts';
import type { Surface } from '../../core/types.ts';
import type { WorldFrame } from '../surface/heightMapping.ts';
import type { MappedField } from '../surface/mappedField.ts';

/** Lifted a little off the heights, as run paths are, so it is not hidden in the surface where it touches it. */
const LIFT = 0.012;

export function TrainingPath({ surface, field, frame }: { surface: Surface | null; field: MappedField; frame: WorldFrame }) {
  const line = useMemo(() => {
    const path = surface && isNeuralNetSlice(surface) ? surface.trainingPath : null;
    if (!path || path.length < 2) return null;
    const positions = new Float32Array(3 * path.length);
    for (let i = 0; i < path.length; i++) {
      positions[3 * i] = frame.toWorldX(path.x[i]);
      positions[3 * i + 1] = field.mapping.toT(path.loss[i]) * frame.height + LIFT;
      positions[3 * i + 2] = frame.toWorldZ(path.y[i]);
    }
    const geometry = new BufferGeometry();
    geometry.setAttribute('position', new BufferAttribute(positions, 3));
    const made = new Line(geometry, new LineDashedMaterial({ color: 0xffffff, dashSize: 0.03, gapSize: 0.02, transparent: true, opacity: 0.85 }));
    made.computeLineDistances();
    made.name = 'training-path';
    return made;
  }, [surface, field, frame]);
  useEffect(
    () => () => {
      line?.geometry.dispose();
      (line?.material as LineDashedMaterial | undefined)?.dispose();
    },
    [line],
  );
  return line ? <primitive object={line} /> : null;
}
