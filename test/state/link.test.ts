/**
 * The shareable link: encode → decode round trips, links made by earlier
 * versions of the code, and links that are damaged or from another version.
 */
import { describe, expect, it } from 'vitest';
import { SCHEDULES, SURFACE_IDS, scheduleDefaults } from '../../src/core/index.ts';
import type { ScheduleType } from '../../src/core/types.ts';
import { defaultSetup, optimizerParams } from '../../src/state/defaults.ts';
import { decodeSetupHash, encodeSetup, LINK_VERSION, setupLink } from '../../src/state/link.ts';
import { isValidSetup } from '../../src/state/repair.ts';
import type { Setup } from '../../src/state/setup.ts';
import { richSetup } from './setupFixtures.ts';

/** Made by the code before the schema was generated from core's tables (commit de5c69c): four runs, three panes, a custom surface, schedules. */
const LEGACY_LINK =
  '#v=1&s=eyJwYW5lcyI6W3sic3VyZmFjZSI6InJvc2VuYnJvY2sifSx7InN1cmZhY2UiOiJib3dsIn0seyJzdXJmYWNlIjoiY3VzdG9tIn1dLCJib3dsQ29uZGl0aW9uIjozNywiY3VzdG9tIjp7ImV' +
  '4cHJlc3Npb24iOiJ4XjIgKyAzKnNpbih5KSIsImRvbWFpbiI6eyJ4IjpbLTIsMl0sInkiOlstMSwzXX19LCJzdGFydCI6Wy0xLjIsMS4wNV0sInN0ZXBzIjoxMjM0LCJkYXRhc2V0U2l6ZSI6NTEyL' +
  'CJydW5zIjpbeyJpZCI6InIxIiwib3B0aW1pemVyIjoic2dkIiwibHIiOjAuMDEyMywibW9tZW50dW0iOjAsImFscGhhIjowLjk5LCJjZW50ZXJlZCI6ZmFsc2UsImJldGExIjowLjksImJldGEyIjo' +
  'wLjk5OSwiZXBzIjoxZS04LCJzY2hlZHVsZSI6eyJ0eXBlIjoic3RlcCIsInN0ZXBTaXplIjoxMDAsImdhbW1hIjowLjV9LCJiYXRjaFNpemUiOjE2LCJub2lzZSI6MC4yNSwic2VlZCI6NDAwMDAwM' +
  'DAwMCwiY29sb3IiOiIjZmY2ZjNjIiwidmlzaWJsZSI6dHJ1ZSwic3RhcnQiOm51bGwsInBhbmUiOjB9LHsiaWQiOiJyMiIsIm9wdGltaXplciI6Im1vbWVudHVtIiwibHIiOjAuMDAyLCJtb21lbnR' +
  '1bSI6MC45NSwiYWxwaGEiOjAuOTksImNlbnRlcmVkIjpmYWxzZSwiYmV0YTEiOjAuOSwiYmV0YTIiOjAuOTk5LCJlcHMiOjFlLTgsInNjaGVkdWxlIjp7InR5cGUiOiJjb25zdGFudCJ9LCJiYXRja' +
  'FNpemUiOjI1Niwibm9pc2UiOjAuNSwic2VlZCI6MSwiY29sb3IiOiIjNTZiNGU5IiwidmlzaWJsZSI6ZmFsc2UsInN0YXJ0IjpbMC4xMjUsLTEuNzVdLCJwYW5lIjoxfSx7ImlkIjoicjMiLCJvcHR' +
  'pbWl6ZXIiOiJybXNwcm9wIiwibHIiOjAuMDEsIm1vbWVudHVtIjowLjUsImFscGhhIjowLjksImNlbnRlcmVkIjp0cnVlLCJiZXRhMSI6MC45LCJiZXRhMiI6MC45OTksImVwcyI6MWUtOCwic2NoZ' +
  'WR1bGUiOnsidHlwZSI6ImNvc2luZSIsInRNYXgiOjUwMCwiZXRhTWluIjowLjAwMDF9LCJiYXRjaFNpemUiOjI1Niwibm9pc2UiOjAuNSwic2VlZCI6MSwiY29sb3IiOiIjZjVmNWY1IiwidmlzaWJ' +
  'sZSI6dHJ1ZSwic3RhcnQiOm51bGwsInBhbmUiOjJ9LHsiaWQiOiJyNCIsIm9wdGltaXplciI6ImFkYW0iLCJsciI6MC4wNSwibW9tZW50dW0iOjAsImFscGhhIjowLjk5LCJjZW50ZXJlZCI6ZmFsc' +
  '2UsImJldGExIjowLjgsImJldGEyIjowLjk5LCJlcHMiOjAuMDAwMDAxLCJzY2hlZHVsZSI6eyJ0eXBlIjoiZXhwb25lbnRpYWwiLCJnYW1tYSI6MC45OX0sImJhdGNoU2l6ZSI6MjU2LCJub2lzZSI' +
  '6MC41LCJzZWVkIjoxLCJjb2xvciI6IiNlNjlmMDAiLCJ2aXNpYmxlIjp0cnVlLCJzdGFydCI6bnVsbCwicGFuZSI6MH1dLCJwbGF5YmFjayI6eyJtb2RlIjoiYW5pbWF0ZSIsInN0ZXBzUGVyU2Vjb' +
  '25kIjo0Mn0sInZpZXciOnsiY2FtZXJhIjoidG9wIiwibG9nSGVpZ2h0Ijoib24iLCJvdmVybGF5cyI6eyJncmFkaWVudCI6dHJ1ZSwidmVsb2NpdHkiOmZhbHNlLCJlZmZlY3RpdmVTdGVwIjp0cnV' +
  'lfX19';

/** What LEGACY_LINK opened as when it was made (the JSON it carries). */
const LEGACY_JSON = {
  panes: [{ surface: 'rosenbrock' }, { surface: 'bowl' }, { surface: 'custom' }],
  bowlCondition: 37,
  custom: { expression: 'x^2 + 3*sin(y)', domain: { x: [-2, 2], y: [-1, 3] } },
  start: [-1.2, 1.05],
  steps: 1234,
  datasetSize: 512,
  runs: [
    { id: 'r1', optimizer: 'sgd', lr: 0.0123, momentum: 0, alpha: 0.99, centered: false, beta1: 0.9, beta2: 0.999, eps: 1e-8, schedule: { type: 'step', stepSize: 100, gamma: 0.5 }, batchSize: 16, noise: 0.25, seed: 4_000_000_000, color: '#ff6f3c', visible: true, start: null, pane: 0 },
    { id: 'r2', optimizer: 'momentum', lr: 0.002, momentum: 0.95, alpha: 0.99, centered: false, beta1: 0.9, beta2: 0.999, eps: 1e-8, schedule: { type: 'constant' }, batchSize: 256, noise: 0.5, seed: 1, color: '#56b4e9', visible: false, start: [0.125, -1.75], pane: 1 },
    { id: 'r3', optimizer: 'rmsprop', lr: 0.01, momentum: 0.5, alpha: 0.9, centered: true, beta1: 0.9, beta2: 0.999, eps: 1e-8, schedule: { type: 'cosine', tMax: 500, etaMin: 0.0001 }, batchSize: 256, noise: 0.5, seed: 1, color: '#f5f5f5', visible: true, start: null, pane: 2 },
    { id: 'r4', optimizer: 'adam', lr: 0.05, momentum: 0, alpha: 0.99, centered: false, beta1: 0.8, beta2: 0.99, eps: 1e-6, schedule: { type: 'exponential', gamma: 0.99 }, batchSize: 256, noise: 0.5, seed: 1, color: '#e69f00', visible: true, start: null, pane: 0 },
  ],
  playback: { mode: 'animate', stepsPerSecond: 42 },
  view: { camera: 'top', logHeight: 'on', overlays: { gradient: true, velocity: false, effectiveStep: true } },
} as const;

/** Run colours retired since (white was the start pin's colour), and the colour now in their place. */
const RETIRED_COLORS: Record<string, Setup['runs'][number]['color']> = { '#f5f5f5': '#009e73' };

/**
 * What LEGACY_LINK must open as: its JSON, plus the defaults of any hyper-parameter
 * added to core's table since (a run takes its optimizer's; nothing is reported), with
 * a retired colour quietly taking its successor, and the chart's x axis on steps.
 */
const LEGACY_SETUP: Setup = {
  ...LEGACY_JSON,
  runs: LEGACY_JSON.runs.map((run) => ({ ...optimizerParams(run.optimizer), ...run, color: RETIRED_COLORS[run.color] ?? run.color })),
  view: { ...LEGACY_JSON.view, chartX: 'steps' },
};

/**
 * LEGACY_SETUP with steps 10¹², run 1's lr "fast" and momentum 7, run 2's optimizer "constructor", and
 * runs 3 and 4 left out, encoded by the same code.
 */
const LEGACY_HOSTILE_LINK =
  '#v=1&s=eyJwYW5lcyI6W3sic3VyZmFjZSI6InJvc2VuYnJvY2sifSx7InN1cmZhY2UiOiJib3dsIn0seyJzdXJmYWNlIjoiY3VzdG9tIn1dLCJib3dsQ29uZGl0aW9uIjozNywiY3VzdG9tIjp7ImV' +
  '4cHJlc3Npb24iOiJ4XjIgKyAzKnNpbih5KSIsImRvbWFpbiI6eyJ4IjpbLTIsMl0sInkiOlstMSwzXX19LCJzdGFydCI6Wy0xLjIsMS4wNV0sInN0ZXBzIjoxMDAwMDAwMDAwMDAwLCJkYXRhc2V0U' +
  '2l6ZSI6NTEyLCJydW5zIjpbeyJpZCI6InIxIiwib3B0aW1pemVyIjoic2dkIiwibHIiOiJmYXN0IiwibW9tZW50dW0iOjcsImFscGhhIjowLjk5LCJjZW50ZXJlZCI6ZmFsc2UsImJldGExIjowLjk' +
  'sImJldGEyIjowLjk5OSwiZXBzIjoxZS04LCJzY2hlZHVsZSI6eyJ0eXBlIjoic3RlcCIsInN0ZXBTaXplIjoxMDAsImdhbW1hIjowLjV9LCJiYXRjaFNpemUiOjE2LCJub2lzZSI6MC4yNSwic2VlZ' +
  'CI6NDAwMDAwMDAwMCwiY29sb3IiOiIjZmY2ZjNjIiwidmlzaWJsZSI6dHJ1ZSwic3RhcnQiOm51bGwsInBhbmUiOjB9LHsiaWQiOiJyMiIsIm9wdGltaXplciI6ImNvbnN0cnVjdG9yIiwibHIiOjA' +
  'uMDAyLCJtb21lbnR1bSI6MC45NSwiYWxwaGEiOjAuOTksImNlbnRlcmVkIjpmYWxzZSwiYmV0YTEiOjAuOSwiYmV0YTIiOjAuOTk5LCJlcHMiOjFlLTgsInNjaGVkdWxlIjp7InR5cGUiOiJjb25zd' +
  'GFudCJ9LCJiYXRjaFNpemUiOjI1Niwibm9pc2UiOjAuNSwic2VlZCI6MSwiY29sb3IiOiIjNTZiNGU5IiwidmlzaWJsZSI6ZmFsc2UsInN0YXJ0IjpbMC4xMjUsLTEuNzVdLCJwYW5lIjoxfV0sInB' +
  'sYXliYWNrIjp7Im1vZGUiOiJhbmltYXRlIiwic3RlcHNQZXJTZWNvbmQiOjQyfSwidmlldyI6eyJjYW1lcmEiOiJ0b3AiLCJsb2dIZWlnaHQiOiJvbiIsIm92ZXJsYXlzIjp7ImdyYWRpZW50Ijp0c' +
  'nVlLCJ2ZWxvY2l0eSI6ZmFsc2UsImVmZmVjdGl2ZVN0ZXAiOnRydWV9fX0';

describe('links made before', () => {
  it('a link made by an earlier version opens as the same setup, with no notice', () => {
    const decoded = decodeSetupHash(LEGACY_LINK);
    expect(decoded?.setup).toEqual(LEGACY_SETUP);
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.notice).toBeNull();
    // Re-encoding it reads back the same setup: nothing drifts when the address bar is rewritten.
    expect(decodeSetupHash(encodeSetup(decoded!.setup))?.setup).toEqual(LEGACY_SETUP);
  });

  it('a tampered link made by an earlier version is repaired as it was then', () => {
    const decoded = decodeSetupHash(LEGACY_HOSTILE_LINK);
    const [first, second] = LEGACY_SETUP.runs;
    expect(decoded?.setup).toEqual({
      ...LEGACY_SETUP,
      steps: 100_000,
      runs: [
        { ...first, lr: 0.1, momentum: 0.999 },
        { ...second, optimizer: 'sgd' },
      ],
    });
    expect(decoded?.problems).toEqual([
      { path: ['steps'], fix: 'clamped' },
      { path: ['runs', 0, 'lr'], fix: 'replaced' },
      { path: ['runs', 0, 'momentum'], fix: 'clamped' },
      { path: ['runs', 1, 'optimizer'], fix: 'replaced' },
    ]);
    expect(decoded?.notice).toBe(
      'This link had fields that could not be used as written; replaced with defaults: learning rate (run 1), optimizer (run 2); ' +
        'brought into range: number of steps, momentum μ (run 1).',
    );
  });
});

describe('round trips', () => {
  it('the default setup survives encode → decode unchanged, with no notice', () => {
    const setup = defaultSetup();
    const decoded = decodeSetupHash(encodeSetup(setup));
    expect(decoded?.setup).toEqual(setup);
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.notice).toBeNull();
  });

  it('every optimizer, every schedule, own starts, hidden runs and three panes survive', () => {
    const setup = richSetup();
    expect(isValidSetup(setup)).toBe(true);
    const decoded = decodeSetupHash(encodeSetup(setup));
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.setup).toEqual(setup);
  });

  it.each(Object.keys(SCHEDULES) as ScheduleType[])('schedule %s with its parameters survives', (type) => {
    const setup = defaultSetup();
    const schedule = scheduleDefaults(type);
    const withSchedule = { ...setup, runs: setup.runs.map((run) => ({ ...run, schedule })) };
    expect(decodeSetupHash(encodeSetup(withSchedule))?.setup.runs[0].schedule).toEqual(schedule);
  });

  it.each([1, 2, 3, 4])('%i panes survive', (count) => {
    const setup = { ...defaultSetup(), panes: Array.from({ length: count }, (_, i) => ({ surface: SURFACE_IDS[i] })) };
    expect(decodeSetupHash(encodeSetup(setup))?.setup.panes).toEqual(setup.panes);
  });

  it('a custom surface expression travels as text and comes back', () => {
    const setup: Setup = { ...defaultSetup(), custom: { expression: 'x^2 + 3*sin(y)', domain: { x: [-2, 2], y: [-1, 3] } }, panes: [{ surface: 'custom' }] };
    const decoded = decodeSetupHash(encodeSetup(setup));
    expect(decoded?.problems).toEqual([]);
    expect(decoded?.setup.custom).toEqual(setup.custom);
    expect(decoded?.setup.panes).toEqual([{ surface: 'custom' }]);
  });

  it('the link is compact, URL-safe and versioned', () => {
    const hash = encodeSetup(richSetup());
    expect(hash.startsWith(`#v=${LINK_VERSION}&s=`)).toBe(true);
    expect(hash.slice(1)).toMatch(/^v=1&s=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(8000);
  });

  it('setupLink replaces an old hash and keeps the page address', () => {
    const link = setupLink('https://example.org/lab/?x=1#v=1&s=old', defaultSetup());
    expect(link).toBe(`https://example.org/lab/?x=1${encodeSetup(defaultSetup())}`);
  });

  it('a hash without a setup is not a link (a stored session may be used instead)', () => {
    expect(decodeSetupHash('')).toBeNull();
    expect(decodeSetupHash('#')).toBeNull();
    expect(decodeSetupHash('#section-2')).toBeNull();
  });
});

describe('damaged links', () => {
  it('a link cut short or full of garbage gives the default setup and says so', () => {
    const hash = encodeSetup(defaultSetup());
    for (const broken of [hash.slice(0, hash.length - 17), '#v=1&s=%%%', '#v=1&s=!!!!', '#v=1&s=' + 'A'.repeat(10)]) {
      const decoded = decodeSetupHash(broken);
      expect(decoded?.setup).toEqual(defaultSetup());
      expect(decoded?.notice).toBe('This link is damaged (it may have been cut short); the default setup is shown instead.');
    }
  });

  it('a link longer than any setup is refused without being read', () => {
    const decoded = decodeSetupHash(`#v=1&s=${'A'.repeat(100_000)}`);
    expect(decoded?.setup).toEqual(defaultSetup());
    expect(decoded?.notice).toBe('This link is too long to be a Descent Lab setup; the default setup is shown instead.');
  });

  it('a link from another version is read as far as possible, with a notice', () => {
    const decoded = decodeSetupHash(encodeSetup(defaultSetup()).replace('v=1', 'v=7'));
    expect(decoded?.setup).toEqual(defaultSetup());
    expect(decoded?.notice).toBe('This link was made by another version of Descent Lab (v=7); what could be read was kept.');
  });
});
