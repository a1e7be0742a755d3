import { describe, expect, it } from 'vitest';
import { learningRateAt, SCHEDULES, scheduleDefaults, simulate, type ScheduleType } from '../../src/core/index.ts';

describe('learning-rate schedules match torch.optim.lr_scheduler', () => {
  it('constant, and no schedule, keep the base rate', () => {
    expect(learningRateAt(0.1, { type: 'constant' }, 1234)).toBe(0.1);
    expect(learningRateAt(0.1, undefined, 1234)).toBe(0.1);
  });

  it('StepLR: lr·γ^⌊t / stepSize⌋', () => {
    // torch's own example: lr 0.05, step_size 30, gamma 0.1 → 0.05 for t < 30, 0.005 for 30 ≤ t < 60, 0.0005 after.
    const schedule = { type: 'step', stepSize: 30, gamma: 0.1 } as const;
    expect(learningRateAt(0.05, schedule, 0)).toBe(0.05);
    expect(learningRateAt(0.05, schedule, 29)).toBe(0.05);
    expect(learningRateAt(0.05, schedule, 30)).toBeCloseTo(0.005, 15);
    expect(learningRateAt(0.05, schedule, 59)).toBeCloseTo(0.005, 15);
    expect(learningRateAt(0.05, schedule, 60)).toBeCloseTo(0.0005, 15);
  });

  it('ExponentialLR: lr·γ^t', () => {
    // 0.1 · 0.9³ = 0.0729
    expect(learningRateAt(0.1, { type: 'exponential', gamma: 0.9 }, 3)).toBeCloseTo(0.0729, 15);
    expect(learningRateAt(0.1, { type: 'exponential', gamma: 0.9 }, 0)).toBe(0.1);
  });

  it('CosineAnnealingLR closed form: η_min + (η − η_min)(1 + cos(πt/T_max))/2', () => {
    const schedule = { type: 'cosine', tMax: 100, etaMin: 0.001 } as const;
    expect(learningRateAt(0.1, schedule, 0)).toBeCloseTo(0.1, 15);
    // t = 25: 0.001 + 0.099 · (1 + cos(π/4))/2 = 0.001 + 0.099 · 0.85355339 = 0.08550179
    expect(learningRateAt(0.1, schedule, 25)).toBeCloseTo(0.0855017857, 9);
    // t = 50: halfway, 0.001 + 0.099/2 = 0.0505
    expect(learningRateAt(0.1, schedule, 50)).toBeCloseTo(0.0505, 15);
    expect(learningRateAt(0.1, schedule, 100)).toBeCloseTo(0.001, 15);
    // the closed form is periodic: it climbs back after T_max
    expect(learningRateAt(0.1, schedule, 150)).toBeCloseTo(0.0505, 15);
  });

  it('inverse time: lr / (1 + decay·t)', () => {
    // 0.3 / (1 + 0.5·4) = 0.1
    expect(learningRateAt(0.3, { type: 'inverse-time', decay: 0.5 }, 4)).toBeCloseTo(0.1, 15);
  });

  it('step t of a run uses the rate after t scheduler steps', () => {
    // SGD on the saddle from (1, 2), lr 0.1 halved every step: θ₁ = (1, 2) − 0.1·(2, 6) = (0.8, 1.4);
    // g₁ = (1.6, 1.344); θ₂ = (0.8, 1.4) − 0.05·(1.6, 1.344) = (0.72, 1.3328).
    const path = simulate({ surface: 'saddle', optimizer: 'sgd', lr: 0.1, start: [1, 2], steps: 2, schedule: { type: 'step', stepSize: 1, gamma: 0.5 } });
    expect(path.x[1]).toBeCloseTo(0.8, 14);
    expect(path.x[2]).toBeCloseTo(0.72, 14);
    expect(path.y[2]).toBeCloseTo(1.3328, 14);
  });
});

describe('the schedule table', () => {
  it('gives defaults built from its parameter list', () => {
    for (const type of Object.keys(SCHEDULES) as ScheduleType[]) {
      const schedule = scheduleDefaults(type) as unknown as Record<string, unknown>;
      expect(schedule.type).toBe(type);
      for (const parameter of SCHEDULES[type].parameters) expect(schedule[parameter.key]).toBe(parameter.default);
      expect(Object.keys(schedule).length).toBe(SCHEDULES[type].parameters.length + 1);
    }
    expect(scheduleDefaults('cosine')).toEqual({ type: 'cosine', tMax: 500, etaMin: 0 });
  });
});
