import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/core/index.ts';
import { candidatesAt } from '../../src/scene/markers/Candidates.tsx';

describe('the gradient-free candidates drawn as dots', () => {
  const spec = { surface: 'rastrigin', optimizer: 'random-search', lr: 0.1, start: [2.2, -1.7], steps: 40, candidates: 5, seed: 3 } as const;

  it('are the points the step that produced point t tried, and the best of them is point t when it improved', () => {
    const path = simulate(spec);
    expect(candidatesAt(spec, 0)).toBeNull();
    for (let t = 1; t <= spec.steps; t++) {
      const points = candidatesAt(spec, t)!;
      expect(points).toHaveLength(5);
      const moved = path.x[t] !== path.x[t - 1] || path.y[t] !== path.y[t - 1];
      if (moved) expect(points.some(([x, y]) => x === path.x[t] && y === path.y[t]), `step ${t}`).toBe(true);
    }
  });

  it('are the whole population for evolution, and nothing past the last step', () => {
    const evolution = { ...spec, optimizer: 'evolution', populationSize: 6 } as const;
    expect(candidatesAt(evolution, 3)).toHaveLength(6);
    expect(candidatesAt(evolution, spec.steps + 1)).toBeNull();
  });
});
