import { describe, expect, it } from 'vitest';
import { replacesDraft, sameCustom } from '../../../src/ui/panels/customDraft.ts';

const domain = { x: [-3, 3], y: [-3, 3] } as const;
const f = (expression: string, d: { x: readonly [number, number]; y: readonly [number, number] } = domain) => ({ expression, domain: { x: [d.x[0], d.x[1]] as [number, number], y: [d.y[0], d.y[1]] as [number, number] } });

describe('the typed-in function draft against the setup', () => {
  it('keeps the keys typed since the last commit when that commit comes back', () => {
    // "log(x)" was checked and committed; " + y^2" was typed before the setup changed to it.
    expect(replacesDraft(f('log(x)'), f('log(x) + y^2'), f('log(x)'))).toBe(false);
  });

  it('takes a function from elsewhere (a link, a lesson, undo) over the draft', () => {
    expect(replacesDraft(f('x^2 + y^2'), f('log(x) + y^2'), f('log(x)'))).toBe(true);
    // Same text on another domain is another function.
    expect(replacesDraft(f('log(x)', { x: [0, 1], y: [0, 1] }), f('log(x) + y'), f('log(x)'))).toBe(true);
  });

  it('has nothing to replace when the setup already holds the draft', () => {
    expect(replacesDraft(f('sin(x)'), f('sin(x)'), f('cos(y)'))).toBe(false);
    expect(sameCustom(null, f('sin(x)'))).toBe(false);
  });
});
