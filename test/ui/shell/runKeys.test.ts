import { describe, expect, it } from 'vitest';
import { MAX_RUNS } from '../../../src/core/index.ts';
import { runForKey, SHORTCUTS } from '../../../src/ui/shell/useShortcuts.ts';

const runs = Array.from({ length: MAX_RUNS }, (_, index) => ({ id: `r${index + 1}` }));

describe('run selection keys', () => {
  it('digits pick runs 1–9 and 0 picks run 10', () => {
    expect(runForKey('1', runs, null)?.id).toBe('r1');
    expect(runForKey('9', runs, null)?.id).toBe('r9');
    expect(runForKey('0', runs, null)?.id).toBe('r10');
    expect(runForKey('0', runs.slice(0, 9), null)).toBeUndefined();
  });

  it('] and [ reach every run the setup allows, wrapping around', () => {
    const reached = new Set<string>();
    let selected: string | null = null;
    for (let press = 0; press < MAX_RUNS; press++) {
      selected = runForKey(']', runs, selected)?.id ?? null;
      if (selected) reached.add(selected);
    }
    expect(reached.size).toBe(MAX_RUNS);
    expect(runForKey(']', runs, `r${MAX_RUNS}`)?.id).toBe('r1');
    expect(runForKey('[', runs, 'r1')?.id).toBe(`r${MAX_RUNS}`);
    expect(runForKey('[', runs, null)?.id).toBe(`r${MAX_RUNS}`);
    expect(runForKey(']', [], null)).toBeUndefined();
  });

  it('are listed in the shortcut list', () => {
    const keys = SHORTCUTS.map((shortcut) => shortcut.keys).join(' ');
    expect(keys).toContain('0');
    expect(keys).toContain(']');
  });
});
