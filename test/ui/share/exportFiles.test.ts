import { describe, expect, it } from 'vitest';
import { defaultSetup } from '../../../src/state/defaults.ts';
import { Results } from '../../../src/state/results.ts';
import { HYPER_PARAMETER_KEYS } from '../../../src/core/index.ts';
import { buildSetupJson, buildTrajectoriesCsv, exportFileName, paneSurfaceIds, TRAJECTORY_CSV_HEADER } from '../../../src/ui/share/exportFiles.ts';

function resultsWith(lengths: Record<string, number>): Results {
  const results = new Results();
  for (const [runId, length] of Object.entries(lengths)) {
    const x = Float64Array.from({ length }, (_, i) => i * 0.5);
    const y = Float64Array.from({ length }, (_, i) => -i);
    const loss = Float64Array.from({ length }, (_, i) => 1 / (i + 1));
    results.applyChunk({ generation: 1, runId, capacity: length, offset: 0, x, y, loss, gradNorm: loss, counts: { lossEvaluations: loss, gradientEvaluations: loss }, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 });
  }
  return results;
}

describe('trajectory CSV', () => {
  it('has one row per point of every run, in setup order, each with its surface, pane and every setting', () => {
    const setup = defaultSetup();
    const [a, b, c] = setup.runs;
    const csv = buildTrajectoriesCsv(setup, resultsWith({ [a.id]: 4, [b.id]: 201, [c.id]: 1 }));
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toBe(TRAJECTORY_CSV_HEADER);
    const columns = TRAJECTORY_CSV_HEADER.split(',');
    expect(columns.slice(0, 8)).toEqual(['run', 'optimizer', 'surface', 'pane', 'step', 'x', 'y', 'loss']);
    // Every hyper-parameter of core's table has its column, besides the learning rate, schedule, batch and start.
    for (const key of ['lr', ...HYPER_PARAMETER_KEYS, 'schedule', 'batchSize', 'datasetSize', 'noise', 'seed', 'startX', 'startY']) expect(columns).toContain(key);
    expect(lines.length).toBe(1 + 4 + 201 + 1);
    const row = (line: string) => Object.fromEntries(line.split(',').map((value, i) => [columns[i], value]));
    const first = row(lines[1]);
    expect(first).toMatchObject({ run: '1', optimizer: a.optimizer, surface: setup.panes[0].surface, pane: '1', step: '0', x: '0', y: '0', loss: '1', lr: String(a.lr), schedule: 'constant' });
    expect(first.startX).toBe(String(setup.start[0]));
    expect(row(lines[4])).toMatchObject({ step: '3', x: '1.5', y: '-3', loss: '0.25' });
    // A hyper-parameter the optimizer uses has its value; one it does not use is empty.
    const momentumRun = setup.runs.findIndex((run) => run.optimizer === 'momentum');
    if (momentumRun >= 0) {
      const withMomentum = buildTrajectoriesCsv(setup, resultsWith({ [setup.runs[momentumRun].id]: 1 })).trimEnd().split('\n')[1];
      expect(row(withMomentum)).toMatchObject({ momentum: String(setup.runs[momentumRun].momentum), beta1: '' });
    }
    expect(lines[5].startsWith(`2,${b.optimizer},`)).toBe(true);
    expect(lines.at(-1)!.startsWith(`3,${c.optimizer},`)).toBe(true);
    for (const line of lines) expect(line.split(',')).toHaveLength(columns.length);
  });

  it('names each run\'s own pane and surface, and quotes a typed function', () => {
    const base = defaultSetup();
    const setup = {
      ...base,
      panes: [{ surface: 'rosenbrock' }, { surface: 'custom' }],
      custom: { expression: 'x^2 + 3*sin(y), with a comma', domain: { x: [-2, 2] as const, y: [-1, 3] as const } },
      runs: [base.runs[0], { ...base.runs[1], pane: 1, schedule: { type: 'cosine' as const, tMax: 500, etaMin: 0.0001 } }],
    };
    const lines = buildTrajectoriesCsv(setup, resultsWith({ [setup.runs[0].id]: 1, [setup.runs[1].id]: 1 })).trimEnd().split('\n');
    expect(lines[1].split(',').slice(2, 4)).toEqual(['rosenbrock', '1']);
    expect(lines[2]).toContain(',"custom: x^2 + 3*sin(y), with a comma",2,');
    expect(lines[2]).toContain(',cosine(tMax=500;etaMin=0.0001),');
  });

  it('writes full precision so the file can be re-analysed', () => {
    const setup = { ...defaultSetup(), runs: defaultSetup().runs.slice(0, 1) };
    const results = new Results();
    const value = Float64Array.of(0.1 + 0.2);
    results.applyChunk({ generation: 1, runId: setup.runs[0].id, capacity: 1, offset: 0, x: value, y: value, loss: value, gradNorm: value, counts: { lossEvaluations: value, gradientEvaluations: value }, done: true, diverged: false, divergedAt: -1, stopReason: 'none', leftDomainAt: -1, startLoss: 0 });
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

  it('name every pane\'s surface, once each', () => {
    const setup = { ...defaultSetup(), panes: [{ surface: 'rosenbrock' }, { surface: 'valleys' }, { surface: 'rosenbrock' }] };
    expect(exportFileName(paneSurfaceIds(setup), 'view')).toBe('descent-lab-rosenbrock-valleys-view.png');
  });

  it('the setup JSON parses back to the setup', () => {
    const setup = defaultSetup();
    expect(JSON.parse(buildSetupJson(setup))).toEqual(JSON.parse(JSON.stringify(setup)));
  });
});
