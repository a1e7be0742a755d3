import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS, OPTIMIZERS } from '../../../src/core/index.ts';
import { OPTIMIZER_GROUPS, optimizerGroupOf, ungroupedOptimizers } from '../../../src/ui/runs/optimizerGroups.ts';
import { linearStep } from '../../../src/ui/runs/HyperParameterControls.tsx';

describe('the optimizer picker groups', () => {
  it('hold every optimizer of the table exactly once', () => {
    expect(ungroupedOptimizers()).toEqual([]);
    const listed = OPTIMIZER_GROUPS.flatMap((group) => group.ids);
    expect(listed.length).toBe(new Set(listed).size);
    expect([...listed].sort()).toEqual([...OPTIMIZER_IDS].sort());
  });

  it('put the gradient-free methods, and only them, under "Without gradients"', () => {
    for (const id of OPTIMIZER_IDS) expect(optimizerGroupOf(id) === 'Without gradients', id).toBe(!OPTIMIZERS[id].usesGradient);
    expect(optimizerGroupOf('newton')).toBe('Second order');
    expect(optimizerGroupOf('lbfgs')).toBe('Second order');
  });
});

describe('linear hyper-parameter sliders', () => {
  it('step by about a hundredth of their span, fine enough for β₂ near 1', () => {
    expect(linearStep(0, 0.999)).toBe(0.001);
    expect(linearStep(0, 0.99999)).toBe(0.0001);
    expect(linearStep(0, 0.05)).toBeCloseTo(1e-4, 12);
    expect(linearStep(1.05, 3)).toBe(0.01);
  });
});
