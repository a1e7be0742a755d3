import { describe, expect, it } from 'vitest';
import { OPTIMIZER_IDS, simulate, surfaces } from '../../src/core/index.ts';
import { createHandler } from '../../src/worker/handler.ts';
import { createInspections } from '../../src/worker/inspectClient.ts';
import type { InspectResponse, Response, WireRunSpec } from '../../src/worker/protocol.ts';

function handler() {
  const posted: Response[] = [];
  const tasks: (() => void)[] = [];
  const h = createHandler((message) => posted.push(message), (task) => tasks.push(task));
  return { posted, tasks, send: h.onMessage.bind(h) };
}

const inspections = (posted: readonly Response[]): InspectResponse[] => posted.filter((m): m is InspectResponse => m.type === 'inspection');

describe('the worker answers inspect requests', () => {
  it("with the engine's inspection, whose next point is simulate's point t + 1 bit for bit, for every optimizer", () => {
    for (const optimizer of OPTIMIZER_IDS) {
      const spec: WireRunSpec = { surface: { kind: 'builtin', id: 'valleys' }, optimizer, lr: optimizer === 'adadelta' ? 1 : 0.05, start: [3, -2.25], steps: 30, seed: 5, batchSize: 16 };
      const path = simulate({ ...spec, surface: surfaces.valleys });
      const t = Math.min(17, path.length - 2);
      const h = handler();
      h.send({ type: 'inspect', generation: 0, id: 7, spec, step: t });
      const [answer] = inspections(h.posted);
      expect(answer.id).toBe(7);
      expect(answer.message, optimizer).toBeNull();
      const { inspection } = answer;
      expect(Object.is(inspection?.next?.[0], path.x[t + 1]) && Object.is(inspection?.next?.[1], path.y[t + 1]), optimizer).toBe(true);
      expect(Object.is(inspection?.point[0], path.x[t]) && Object.is(inspection?.point[1], path.y[t]), optimizer).toBe(true);
      expect(inspection?.loss).toBe(path.loss[t]);
    }
  });

  it('answers at once, outside the generations: a running computation goes on and is not cancelled', () => {
    const h = handler();
    const spec: WireRunSpec = { surface: { kind: 'builtin', id: 'bowl' }, optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 50 };
    h.send({ type: 'compute', generation: 3, runs: [{ runId: 'a', spec }], fields: [] });
    h.send({ type: 'inspect', generation: 3, id: 1, spec, step: 10 });
    expect(inspections(h.posted)).toHaveLength(1);
    while (h.tasks.length > 0) h.tasks.shift()!();
    expect(h.posted.some((m) => m.type === 'done' && m.generation === 3)).toBe(true);
  });

  it('says in words why a step cannot be inspected, and the client side rejects with those words', async () => {
    const h = handler();
    const spec: WireRunSpec = { surface: { kind: 'builtin', id: 'bowl' }, optimizer: 'sgd', lr: 0.1, start: [-2.5, 2], steps: 10 };
    h.send({ type: 'inspect', generation: 0, id: 1, spec, step: 10 });
    const pending = createInspections();
    const { id, answer } = pending.open();
    pending.receive({ ...inspections(h.posted)[0], id });
    await expect(answer).rejects.toThrow(/step must be an integer from 0 to 9/);
  });
});
