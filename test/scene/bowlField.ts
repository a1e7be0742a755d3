/**
 * A small height field for the scene's tests: the bowl x² + y² on [−1, 1]², sampled
 * on a 5 × 5 grid (spacing 0.5), mapped linearly over 0…2.
 */
import { mapField, type MappedField } from '../../src/scene/surface/mappedField.ts';

export const domain = { x: [-1, 1], y: [-1, 1] } as const;
export const resolution = 5;

export function bowl(): MappedField {
  const heights = new Float32Array(resolution * resolution);
  for (let j = 0; j < resolution; j++) for (let i = 0; i < resolution; i++) heights[j * resolution + i] = (-1 + i * 0.5) ** 2 + (-1 + j * 0.5) ** 2;
  return mapField(heights, resolution, domain, 0, 2, false);
}
