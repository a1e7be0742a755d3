/**
 * How fast a typed-in surface runs compared with a hand-written one: Adam steps
 * per second with a hand-written gradient (as a built-in surface has it) against
 * the compiled expression, for Rosenbrock `(1 - x)^2 + 100 (y - x^2)^2` and the
 * issue's wavy bowl. Run: npx tsx scripts/benchExpression.ts
 * The target (issue 7) is a ratio of at most 3.
 */

import { parseExpression, compileExpression } from '../src/core/expression/index.ts';

type Gradient = (x: number, y: number, out: Float64Array) => void;

/** Hand-written Rosenbrock, as a built-in surface would have it (kept local so this bench needs no other module). */
const rosenbrockGradient: Gradient = (x, y, out) => {
  const inner = y - x * x;
  out[0] = -2 * (1 - x) - 400 * x * inner;
  out[1] = 200 * inner;
};

/** The second example, by hand. */
const wavyGradient: Gradient = (x, y, out) => {
  out[0] = 3 * Math.cos(3 * x) * Math.cos(y) + 0.2 * x;
  out[1] = -Math.sin(3 * x) * Math.sin(y) + 0.2 * y;
};

function compiled(text: string) {
  const parsed = parseExpression(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return compileExpression(parsed.tree);
}

const STEPS_PER_RUN = 1000;
const RUNS = 2000;
const grad = new Float64Array(2);

/** Adam (torch.optim.Adam defaults, lr 1e-3) from (-1.5, 2), restarted every STEPS_PER_RUN steps. Returns a checksum. */
function adam(gradient: Gradient): number {
  let checksum = 0;
  for (let run = 0; run < RUNS; run++) {
    let x = -1.5, y = 2, mx = 0, my = 0, vx = 0, vy = 0, b1t = 1, b2t = 1;
    for (let t = 0; t < STEPS_PER_RUN; t++) {
      gradient(x, y, grad);
      const gx = grad[0], gy = grad[1];
      b1t *= 0.9;
      b2t *= 0.999;
      mx = 0.9 * mx + 0.1 * gx;
      my = 0.9 * my + 0.1 * gy;
      vx = 0.999 * vx + 0.001 * gx * gx;
      vy = 0.999 * vy + 0.001 * gy * gy;
      x -= (1e-3 * mx / (1 - b1t)) / (Math.sqrt(vx / (1 - b2t)) + 1e-8);
      y -= (1e-3 * my / (1 - b1t)) / (Math.sqrt(vy / (1 - b2t)) + 1e-8);
    }
    checksum += x + y;
  }
  return checksum;
}

function stepsPerSecond(gradient: Gradient): { stepsPerSecond: number; checksum: number } {
  const started = performance.now();
  const checksum = adam(gradient);
  return { stepsPerSecond: (RUNS * STEPS_PER_RUN) / ((performance.now() - started) / 1000), checksum };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const CASES: readonly [name: string, text: string, handWritten: Gradient][] = [
  ['Rosenbrock', '(1 - x)^2 + 100 (y - x^2)^2', rosenbrockGradient],
  ['wavy bowl', 'sin(3x) * cos(y) + 0.1(x^2 + y^2)', wavyGradient],
];
const format = (value: number): string => `${(value / 1e6).toFixed(1)} M steps/s`;

for (const [name, text, handWritten] of CASES) {
  const f = compiled(text);
  const compiledGradient: Gradient = (x, y, out) => f.gradient(x, y, out);
  const builtIn: number[] = [];
  const custom: number[] = [];
  // Alternate the two so both share warm-up, and so the call site sees both (as the engine's does).
  for (let rep = 0; rep < 9; rep++) {
    const a = stepsPerSecond(handWritten);
    const b = stepsPerSecond(compiledGradient);
    if (Math.abs(a.checksum - b.checksum) > 1e-6 * Math.abs(a.checksum)) throw new Error(`${name}: paths differ: ${a.checksum} vs ${b.checksum}`);
    builtIn.push(a.stepsPerSecond);
    custom.push(b.stepsPerSecond);
  }
  const ratio = median(builtIn) / median(custom);
  console.log(`Adam on ${name}: ${text}  (${RUNS * STEPS_PER_RUN} steps per rep, median of ${builtIn.length} reps)`);
  console.log(`  hand-written gradient:   ${format(median(builtIn))}`);
  console.log(`  compiled expression:     ${format(median(custom))}  (${f.instructionCount} instructions)`);
  console.log(`  ratio (built-in/custom): ${ratio.toFixed(2)}×  ${ratio <= 3 ? 'within' : 'OVER'} the 3× target`);
}
