/**
 * The session slice: selection and notices (playback is in store.test.ts, with the timer it needs).
 */
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store/store.ts';

describe('selection', () => {
  it('selects a run that exists, ignores one that does not, and forgets a removed one', () => {
    const store = createAppStore();
    const [first, second] = store.getState().setup.runs;
    store.getState().selectRun(second.id);
    expect(store.getState().selectedRunId).toBe(second.id);
    store.getState().selectRun('r999');
    expect(store.getState().selectedRunId).toBe(second.id);
    store.getState().removeRun(second.id);
    expect(store.getState().selectedRunId).toBeNull();
    store.getState().selectRun(first.id);
    expect(store.getState().selectedRunId).toBe(first.id);
  });
});

describe('notices', () => {
  it('pushes, deduplicates and dismisses', () => {
    const store = createAppStore();
    const id = store.getState().pushNotice('error', 'Something went wrong.');
    expect(store.getState().pushNotice('error', 'Something went wrong.')).toBe(id);
    expect(store.getState().notices).toHaveLength(1);
    store.getState().dismissNotice(id);
    expect(store.getState().notices).toHaveLength(0);
  });
});

describe('notices, continued', () => {
  it('keeps the newest five on screen', () => {
    const store = createAppStore();
    for (let i = 1; i <= 7; i++) store.getState().pushNotice('info', `Notice ${i}.`);
    expect(store.getState().notices.map((notice) => notice.text)).toEqual(['Notice 3.', 'Notice 4.', 'Notice 5.', 'Notice 6.', 'Notice 7.']);
  });
});
