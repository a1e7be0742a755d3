import { describe, expect, it } from 'vitest';
import { defaultSetup } from '../../../src/state/defaults.ts';
import { Results } from '../../../src/state/results.ts';
import { buildSetupJson, buildTrajectoriesCsv, exportFileName, TRAJECTORY_CSV_HEADER } from '../../../src/ui/share/exportFiles.ts';

function resultsWith(lengths: Record<string, number>): Results {
  const results = new Results();
  for (const [runId, length] of Object.entries(lengths)) {
    const x = Float64Array.from({ length }, (_, i) => i * 0.5);
    const y = Float64Array.from({ length }, (_, i) => -i);
    const loss = Float64Array.from({ length }, (_, i) => 1 / (i + 1));
    results.applyChunk({ generation: 1, runId, capacity: length, offset: 0, x, y, loss, gradNorm: loss, lossEvaluations: loss, gradientEvaluations: loss, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 });
  }
  return results;
}

describe('trajectory CSV', () => {
  it('has the agreed header and one row per point of every run, in setup order', () => {
    const setup = defaultSetup();
    const [a, b, c] = setup.runs;
    const csv = buildTrajectoriesCsv(setup, resultsWith({ [a.id]: 4, [b.id]: 201, [c.id]: 1 }));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(TRAJECTORY_CSV_HEADER);
    expect(TRAJECTORY_CSV_HEADER).toBe('run,optimizer,step,x,y,loss');
    expect(lines.length).toBe(1 + 4 + 201 + 1);
    expect(lines[1]).toBe(`1,${a.optimizer},0,0,0,1`);
    expect(lines[4]).toBe(`1,${a.optimizer},3,1.5,-3,0.25`);
    expect(lines[5].startsWith(`2,${b.optimizer},0,`)).toBe(true);
    expect(lines.at(-1)).toBe(`3,${c.optimizer},0,0,0,1`);
    for (const line of lines) expect(line.split(',')).toHaveLength(6);
  });

  it('writes full precision so the file can be re-analysed', () => {
    const setup = { ...defaultSetup(), runs: defaultSetup().runs.slice(0, 1) };
    const results = new Results();
    const value = Float64Array.of(0.1 + 0.2);
    results.applyChunk({ generation: 1, runId: setup.runs[0].id, capacity: 1, offset: 0, x: value, y: value, loss: value, gradNorm: value, lossEvaluations: value, gradientEvaluations: value, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 });
    expect(buildTrajectoriesCsv(setup, results)).toContain('0.30000000000000004');
  });

  it('includes hidden runs and skips runs with no results yet', () => {
    const setup = defaultSetup();
    const hidden = { ...setup, runs: setup.runs.map((run) => ({ ...run, visible: false })) };
    const lines = buildTrajectoriesCsv(hidden, resultsWith({ [setup.runs[2].id]: 3 })).trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[1].startsWith('3,')).toBe(true);
  });
});

describe('export file names', () => {
  it('say which surface and what the file holds', () => {
    expect(exportFileName('rosenbrock', 'view')).toBe('descent-lab-rosenbrock-view.png');
    expect(exportFileName('six-hump-camel', 'trajectories')).toBe('descent-lab-six-hump-camel-trajectories.csv');
    expect(exportFileName('bowl', 'setup')).toBe('descent-lab-bowl-setup.json');
    expect(exportFileName('../../etc/passwd', 'setup')).toBe('descent-lab-etc-passwd-setup.json');
  });

  it('the setup JSON parses back to the setup', () => {
    const setup = defaultSetup();
    expect(JSON.parse(buildSetupJson(setup))).toEqual(JSON.parse(JSON.stringify(setup)));
  });
});
