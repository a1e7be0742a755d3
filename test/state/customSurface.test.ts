import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import * as expressionModule from '../../src/core/expression/index.ts';
import {
  customSurfaceResult,
  expressionErrorSentence,
  expressionParser,
  expressionParserFailure,
  guardCustomPanes,
  loadExpressionParser,
  resetExpressionParserForTests,
  subscribeExpressionParser,
  type ExpressionModule,
} from '../../src/state/customSurface.ts';
import { defaultSetup } from '../../src/state/defaults.ts';
import type { CustomSurface } from '../../src/state/setup.ts';
import { createAppStore } from '../../src/state/store/store.ts';
import { surfaceById } from '../../src/state/surfaceOf.ts';

const rosenbrock: CustomSurface = { expression: '(1 - x)^2 + 100 (y - x^2)^2', domain: { x: [-2, 2], y: [-1, 3] } };
const bowl: CustomSurface = { expression: 'x^2 + 10*y^2', domain: { x: [-3, 3], y: [-3, 3] } };

/** Loads that the test counts and releases by hand. */
function countedLoader() {
  let loads = 0;
  const pending: ((module: ExpressionModule) => void)[] = [];
  const load = () => {
    loads++;
    return new Promise<ExpressionModule>((resolve) => pending.push(resolve));
  };
  return { load, loads: () => loads, release: () => pending.splice(0).forEach((resolve) => resolve(expressionModule)) };
}

beforeEach(() => resetExpressionParserForTests());

describe('the lazily loaded parser', () => {
  it('is not loaded until a custom surface is asked for, then loads once and tells subscribers', async () => {
    const loader = countedLoader();
    resetExpressionParserForTests(loader.load);
    let heard = 0;
    const unsubscribe = subscribeExpressionParser(() => heard++);
    expect(expressionParser()).toBeNull();
    expect(loader.loads()).toBe(0);

    // Asking while it loads gives null, and asking again does not load twice.
    expect(customSurfaceResult(bowl)).toBeNull();
    expect(customSurfaceResult(rosenbrock)).toBeNull();
    expect(loader.loads()).toBe(1);
    loader.release();
    await loadExpressionParser();
    expect(heard).toBe(1);
    expect(expressionParser()).toBe(expressionModule);

    const result = customSurfaceResult(rosenbrock);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.surface.source).toBe(rosenbrock.expression);
    expect(result.surface.domain).toEqual(rosenbrock.domain);
    // Rosenbrock's minimum is at (1, 1), where its loss is 0.
    expect(result.surface.loss(1, 1)).toBe(0);
    unsubscribe();
  });

  it('returns the same record for the same text and domain, and a new one when the domain changes', async () => {
    await loadExpressionParser();
    const first = customSurfaceResult(bowl);
    expect(customSurfaceResult({ expression: bowl.expression, domain: { x: [-3, 3], y: [-3, 3] } })).toBe(first);
    const wider = customSurfaceResult({ expression: bowl.expression, domain: { x: [-5, 5], y: [-3, 3] } });
    expect(wider).not.toBe(first);
    expect(wider?.ok && wider.surface.domain.x).toEqual([-5, 5]);
  });

  it('reports a text that does not parse as an error with its position, not a surface', async () => {
    await loadExpressionParser();
    const result = customSurfaceResult({ expression: 'x^2 +* y', domain: bowl.domain });
    expect(result?.ok).toBe(false);
    if (result?.ok !== false) return;
    // 'x^2 +* y': the '*' at index 5 is where an operand was expected.
    expect(result.error.position).toBe(5);
    expect(result.error.expected).toContain('x');
  });

  it('keeps why a load failed, tells subscribers, and loads again when asked later', async () => {
    resetExpressionParserForTests(() => Promise.reject(new Error('chunk missing')));
    let heard = 0;
    const unsubscribe = subscribeExpressionParser(() => heard++);
    await expect(loadExpressionParser()).rejects.toThrow('chunk missing');
    expect(expressionParserFailure()).toBe('chunk missing');
    expect(heard).toBe(1);
    expect(customSurfaceResult(bowl)).toBeNull();
    unsubscribe();

    resetExpressionParserForTests();
    await loadExpressionParser();
    expect(expressionParserFailure()).toBeNull();
    expect(customSurfaceResult(bowl)?.ok).toBe(true);
  });

  it('gives surfaceById a custom record only once the parser is here', async () => {
    const loader = countedLoader();
    resetExpressionParserForTests(loader.load);
    const setup = { ...defaultSetup(), custom: bowl };
    expect(surfaceById('custom', setup)).toBeNull();
    expect(loader.loads()).toBe(1);
    loader.release();
    await loadExpressionParser();
    expect(surfaceById('custom', setup)?.loss(1, 1)).toBe(11);
    expect(surfaceById('custom', { ...setup, custom: null })).toBeNull();
  });

  it('words parse errors for people: 1-based characters and what was expected', async () => {
    const { parseExpression } = await loadExpressionParser();
    const sentence = (text: string) => {
      const parsed = parseExpression(text);
      return parsed.ok ? 'parsed' : expressionErrorSentence(parsed.error);
    };
    // The '*' is the sixth character of 'x^2 +* y'.
    expect(sentence('x^2 +* y')).toBe("Unexpected '*' at character 6. Expected a number, x, y, pi, e, a function or '('.");
    // Both positions move to 1-based; the message already says what was expected.
    expect(sentence('sin(x')).toBe("Expected ')' at character 6 to close '(' at character 4, found end of input.");
    // The allowed names are listed once, in the message.
    expect(sentence('foo(x)')).toMatch(/^Unknown function 'foo' at character 1 — allowed: abs, .*tanh\.$/);
  });

  it('is imported only dynamically by the main-thread modules that use it', () => {
    // A static import would put the parser back into the first-load bundle.
    for (const file of ['src/state/customSurface.ts', 'src/state/surfaceOf.ts', 'src/state/store/setupSlice.ts', 'src/worker/surfaceRef.ts', 'src/worker/handler.ts', 'src/ui/panels/CustomSurfacePanel.tsx', 'src/ui/panels/SurfaceControls.tsx']) {
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
      const staticImports = source.match(/^import (?!type )[^;]*from '[^']*core\/expression[^']*';/gm) ?? [];
      expect(staticImports, file).toEqual([]);
    }
  });
});

describe('setCustomSurface', () => {
  it('sets the function, shows it in the pane, and clamps only what the new surface cannot take', async () => {
    await loadExpressionParser();
    const store = createAppStore();
    const before = store.getState().setup;
    store.getState().setCustomSurface(rosenbrock, 0);
    const { setup } = store.getState();
    const surface = surfaceById('custom', setup)!;
    expect(setup.custom).toEqual(rosenbrock);
    expect(setup.panes[0].surface).toBe('custom');
    // Valleys' start (3, −2.25) lies outside Rosenbrock's plot: the suggested start instead.
    expect(before.start[0]).toBeGreaterThan(rosenbrock.domain.x[1]);
    expect(setup.start).toEqual(surface.suggestedStart);
    expect(setup.runs).toHaveLength(before.runs.length);
    // SGD's η 0.1 is far too large for Rosenbrock's steep walls: clamped to the largest it suits, and a notice says so.
    expect(setup.runs[0].lr).toBe(surface.lrRange[1]);
    expect(store.getState().notices.at(-1)?.text).toMatch(/^Now showing your function: kept the other settings; run 1 \(SGD\): η 0\.1 → /);
  });

  it('changes only the panes that show the function, and keeps the learning rates through an edit of the domain', async () => {
    await loadExpressionParser();
    const store = createAppStore();
    store.getState().setPaneCount(2);
    const second = store.getState().addRun('adam', { pane: 1 });
    const firstPaneRuns = store.getState().setup.runs.filter((run) => run.pane === 0);
    const start = store.getState().setup.start;

    store.getState().setCustomSurface(bowl, 1);
    let { setup } = store.getState();
    expect(setup.panes.map((pane) => pane.surface)).toEqual([defaultSetup().panes[0].surface, 'custom']);
    expect(setup.start).toEqual(start);
    expect(setup.runs.filter((run) => run.pane === 0)).toEqual(firstPaneRuns);
    store.getState().updateRun(second, { lr: 0.03 });

    // A new text (no pane given) updates every pane that shows it; a learning rate it suits is kept.
    store.getState().setCustomSurface({ expression: bowl.expression, domain: { x: [-1, 1], y: [-1, 1] } });
    setup = store.getState().setup;
    expect(setup.custom?.domain).toEqual({ x: [-1, 1], y: [-1, 1] });
    expect(setup.panes[1].surface).toBe('custom');
    expect(setup.runs.find((run) => run.id === second)?.lr).toBe(0.03);
    expect(setup.runs.filter((run) => run.pane === 0)).toEqual(firstPaneRuns);
  });

  it('ignores a pane that does not exist', async () => {
    await loadExpressionParser();
    const store = createAppStore();
    const before = store.getState().setup;
    store.getState().setCustomSurface(bowl, 3);
    expect(store.getState().setup).toBe(before);
  });

  it('before the parser has loaded, stores the text and pane but leaves start and learning rates alone', () => {
    resetExpressionParserForTests(countedLoader().load);
    const store = createAppStore();
    const before = store.getState().setup;
    store.getState().setCustomSurface(bowl, 0);
    const { setup } = store.getState();
    expect(setup.custom).toEqual(bowl);
    expect(setup.panes[0].surface).toBe('custom');
    expect(setup.start).toEqual(before.start);
    expect(setup.runs).toEqual(before.runs);
  });
});

describe('a link whose function does not parse', () => {
  it('falls back to the default landscape once the parser loads, says why, and keeps the text to fix', async () => {
    const loader = countedLoader();
    resetExpressionParserForTests(loader.load);
    const store = createAppStore();
    const broken: CustomSurface = { expression: 'x^2 + * y', domain: { x: [-2, 2], y: [-2, 2] } };
    store.getState().replaceSetup({ ...defaultSetup(), custom: broken, panes: [{ surface: 'custom' }] });
    const unguard = guardCustomPanes(store);
    expect(store.getState().setup.panes[0].surface).toBe('custom');
    loader.release();
    await loadExpressionParser();
    await Promise.resolve();
    expect(store.getState().setup.panes[0].surface).toBe('valleys');
    expect(store.getState().setup.custom).toEqual(broken);
    const notice = store.getState().notices.at(-1);
    expect(notice?.kind).toBe('warning');
    expect(notice?.text).toMatch(/could not be used \(Unexpected .* at character \d+/);
    unguard();
  });

  it('leaves a function that parses alone', async () => {
    const store = createAppStore();
    store.getState().replaceSetup({ ...defaultSetup(), custom: bowl, panes: [{ surface: 'custom' }] });
    const unguard = guardCustomPanes(store);
    await loadExpressionParser();
    await Promise.resolve();
    expect(store.getState().setup.panes[0].surface).toBe('custom');
    expect(store.getState().notices).toEqual([]);
    unguard();
  });
});
