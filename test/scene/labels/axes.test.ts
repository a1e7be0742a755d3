import { describe, expect, it } from 'vitest';
import { buildAxes } from '../../../src/scene/labels/axes.ts';
import { createWorldFrame } from '../../../src/scene/surface/heightMapping.ts';
import { mapField } from '../../../src/scene/surface/mappedField.ts';

describe('axes', () => {
  const domain = { x: [-2, 2], y: [-1, 3] } as const;
  const heights = new Float32Array(4).map((_, i) => i * 100);
  const field = mapField(heights, 2, domain, 0, 300, true);
  const axes = buildAxes(field, createWorldFrame(domain));

  it('labels w₁ and w₂ ticks with nice values and names the axes', () => {
    expect(axes.labels.filter((l) => l.id.startsWith('x:')).map((l) => l.text)).toEqual(['−2', '−1', '0', '1', '2']);
    expect(axes.labels.filter((l) => l.id.startsWith('y:')).map((l) => l.text)).toEqual(['−1', '0', '1', '2', '3']);
    expect(axes.labels.map((l) => l.text)).toEqual(expect.arrayContaining(['w₁', 'w₂', 'loss (log height)']));
  });

  it('keeps loss ticks for the 3D view only, log-spaced values rising evenly with height', () => {
    const loss = axes.labels.filter((l) => l.id.startsWith('loss:'));
    // Five ticks evenly in height over 0…300 under log height; the bottom one (0) is left to the colour key.
    expect(loss.map((l) => l.text)).toEqual(['3.2', '16', '71', '300']);
    expect(loss.every((l) => l.only3d)).toBe(true);
    expect(loss.at(-1)?.position[1]).toBeCloseTo(1.2, 12);
    for (let i = 1; i < loss.length; i++) expect(loss[i].position[1]).toBeGreaterThan(loss[i - 1].position[1]);
  });

  it('draws the floor outline with a tick per w₁ and w₂ value, and the back walls with a line per tick', () => {
    // Floor: 4 outline edges + 5 w₁ ticks + 5 w₂ ticks. Walls: one line per w₁ and w₂ tick, three per loss tick, 4 edges.
    expect(axes.floor.length / 6).toBe(4 + 5 + 5);
    expect(axes.walls.length / 6).toBe(5 + 5 + 3 * 5 + 4);
    for (const lines of [axes.floor, axes.walls]) expect(lines.every(Number.isFinite)).toBe(true);
  });
});
