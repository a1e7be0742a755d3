/**
 * What a link's notice says: fields named in plain words, hyper-parameters by
 * core's table, replaced and clamped fields listed apart.
 */
import { describe, expect, it } from 'vitest';
import { HYPER_PARAMETER_KEYS, HYPER_PARAMETERS } from '../../src/core/index.ts';
import { describeField, describeProblems } from '../../src/state/problems.ts';

describe('field names', () => {
  it('names fields in plain words', () => {
    expect(describeField(['runs', 1, 'lr'])).toBe('learning rate (run 2)');
    expect(describeField(['runs', 0, 'schedule', 'gamma'])).toBe('schedule γ (run 1)');
    expect(describeField(['runs', 0, 'schedule'])).toBe('schedule (run 1)');
    expect(describeField(['panes', 2, 'surface'])).toBe('surface (pane 3)');
    expect(describeField(['start', 1])).toBe('start point');
    expect(describeField(['playback', 'stepsPerSecond'])).toBe('steps per second');
    expect(describeField(['runs', 4])).toBe('run 5');
    expect(describeField(['custom', 'domain', 'x', 0])).toBe('custom domain');
    expect(describeField([])).toBe('the whole setup');
  });

  it.each(HYPER_PARAMETER_KEYS)('hyper-parameter %s is named by its label in core’s table', (key) => {
    const label = HYPER_PARAMETERS[key].label;
    expect(describeField(['runs', 2, key])).toBe(`${label.charAt(0).toLowerCase()}${label.slice(1)} (run 3)`);
  });
});

describe('the notice', () => {
  it('lists replaced fields, then clamped ones, each once', () => {
    const notice = describeProblems([
      { path: ['runs', 0, 'lr'], fix: 'replaced' },
      { path: ['steps'], fix: 'clamped' },
      { path: ['runs', 0, 'lr'], fix: 'replaced' },
      { path: ['start', 0], fix: 'clamped' },
    ]);
    expect(notice).toBe('This link had fields that could not be used as written; replaced with defaults: learning rate (run 1); brought into range: number of steps, start point.');
  });

  it('says how many more after twelve', () => {
    const notice = describeProblems(Array.from({ length: 15 }, (_, run) => ({ path: ['runs', run, 'seed'], fix: 'replaced' as const })));
    expect(notice).toMatch(/seed \(run 12\) and 3 more\.$/);
  });
});
