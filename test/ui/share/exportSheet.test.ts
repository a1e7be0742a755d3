import { describe, expect, it } from 'vitest';
import { defaultSetup } from '../../../src/state/defaults.ts';
import { exportCaption, exportLegend, sheetLayout } from '../../../src/ui/share/exportSheet.ts';

describe('the PNG export caption and legend', () => {
  it('the caption names every pane’s surface, the runs and the shared settings', () => {
    const setup = { ...defaultSetup(), panes: [{ surface: 'rosenbrock' }, { surface: 'valleys' }], steps: 300, start: [1.5, -2] as const };
    const caption = exportCaption(setup);
    expect(caption).toContain('pane 1: Rosenbrock');
    expect(caption).toContain('pane 2: Valleys');
    expect(caption).toContain(`${setup.runs.length} runs`);
    expect(caption).toContain('300 steps');
    expect(caption).toMatch(/start \(1\.5, −2\)/);
  });

  it('the legend has each visible run’s colour, number, optimizer, settings and status', () => {
    const base = defaultSetup();
    const setup = { ...base, runs: base.runs.map((run, index) => ({ ...run, visible: index !== 1 })) };
    const legend = exportLegend(setup, (runId) => (runId === setup.runs[0].id ? 'converged at step 12' : null));
    expect(legend).toHaveLength(setup.runs.length - 1);
    expect(legend[0].color).toBe(setup.runs[0].color);
    expect(legend[0].text).toMatch(/^1 · SGD · η [\d.]+ — converged at step 12$/);
    expect(legend[1].text.startsWith('3 · ')).toBe(true);
    expect(legend[1].text).not.toContain('—');
  });

  it('lays the legend out in columns that fit the picture', () => {
    expect(sheetLayout(1440, 16).columns).toBe(2);
    expect(sheetLayout(390, 16).columns).toBe(1);
    expect(sheetLayout(1440, 2).columns).toBe(2);
    expect(sheetLayout(1440, 16).bandHeight).toBeLessThan(sheetLayout(390, 16).bandHeight);
  });
});
