import { describe, expect, it } from 'vitest';
import { surfaces } from '../../../src/core/index.ts';
import { lessonSetup } from '../../../src/state/lessons/build.ts';
import { lessonById } from '../../../src/state/lessons/course/index.ts';

// Its own file: the other slice tests train the registered slice in this thread (Node's pool has no workers).
describe('setting up runs on the network never trains it on this thread', () => {
  it('a lesson on the registered slice is set up from its written fields alone', () => {
    const setup = lessonSetup(lessonById('real-network')!);
    expect(setup.panes[0].surface).toBe('neural-net');
    expect(setup.runs.every((run) => run.noise === 0.5)).toBe(true);
    // Its members are still getters: nothing here has read the loss, the gradient or the minima.
    expect(Object.getOwnPropertyDescriptor(surfaces['neural-net'], 'loss')?.get).toBeTypeOf('function');
  });
});
