/**
 * `npm run bench`: one table, every optimizer: steps per second of `simulate`
 * beside a hand-inlined loop doing the same work (the surface's gradient and loss
 * written out in the loop, the same update, every point stored into fresh
 * Float64Arrays, the loss checked every step), measured side by side in the same
 * process, alternating, medians of REPS repetitions after a warm-up, timed in CPU
 * seconds of the main thread (see cpuSeconds: a shared machine's other load does not count). The classic
 * six run on the bowl and on Rosenbrock, the others on Rosenbrock. A column gives
 * how far the two loops' last points are apart (relative), to show they do the same
 * work. Targets (TARGETS): every optimizer added with issue 13 that uses gradients
 * ≥ 0.5× its hand-inlined loop, and the first release's two: Adam on Rosenbrock ≥
 * 0.5×, SGD on the bowl ≥ 1/3×. The other rows are for information: the classic loops
 * are shared by every surface, so once a process has run two surfaces their gradient
 * calls are polymorphic, which costs most where a step is a few multiply-adds.
 */
import { readFileSync } from 'node:fs';
import { OPTIMIZER_IDS, optimizerDefaults, simulate, surfaces, type OptimizerId } from '../src/core/index.ts';
import { ADAM_FAMILY } from './bench/adamFamily.ts';
import { CLASSIC } from './bench/classic.ts';
import { buffers, type Case, type HandLoop } from './bench/common.ts';
import { GRADIENT_FREE } from './bench/gradientFree.ts';
import { OTHERS } from './bench/others.ts';

const STEPS = Number(process.env.BENCH_STEPS ?? 500_000);
const REPS = Number(process.env.BENCH_REPS ?? 9);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 4);
/** BENCH_ONLY=rprop,adamax measures only those rows. */
const ONLY = process.env.BENCH_ONLY?.split(',');

const ROSENBROCK: Record<OptimizerId, HandLoop> = { ...CLASSIC.rosenbrock, ...ADAM_FAMILY, ...OTHERS, ...GRADIENT_FREE };

/**
 * Learning rates on the bowl: small enough that no run gets within 1e-200 of the minimum at the
 * origin in 500k steps, where subnormal numbers would slow both loops a hundredfold.
 */
const BOWL_LR: Record<keyof typeof CLASSIC.bowl, number> = { sgd: 5e-4, momentum: 5e-5, nesterov: 5e-5, adagrad: 5e-3, rmsprop: 1e-3, adam: 2e-6 };
/** Learning rates on Rosenbrock that keep every run finite for all its steps. */
const LR: Record<OptimizerId, number> = {
  sgd: 1e-3, momentum: 1e-4, nesterov: 1e-4, adagrad: 0.05, rmsprop: 1e-3, adam: 1e-3,
  adamw: 1e-3, nadam: 1e-3, radam: 1e-4, adamax: 1e-3, adadelta: 1, rprop: 1e-3, lbfgs: 1e-3, newton: 0.5, 'random-search': 1, evolution: 1,
};
/** The costlier steps run fewer of them (L-BFGS's two loops over 100 pairs, 8 or 15 loss evaluations per step). */
const STEP_SHARE: Partial<Record<OptimizerId, number>> = { lbfgs: 0.1, newton: 0.5, 'random-search': 0.2, evolution: 0.1 };

/** The ratio each measured row must reach, by "surface optimizer". */
const TARGETS: Readonly<Record<string, number>> = {
  'bowl sgd': 1 / 3,
  'rosenbrock adam': 0.5,
  ...Object.fromEntries(['adamw', 'nadam', 'radam', 'adamax', 'adadelta', 'rprop', 'lbfgs', 'newton'].map((id) => [`rosenbrock ${id}`, 0.5])),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}

/**
 * Seconds the main thread has spent on a CPU: Linux's per-thread schedstat (nanoseconds), so that other
 * programs on a busy machine and V8's background compiler threads, which re-optimise at unpredictable
 * moments, do not count; process CPU time (all threads) where that file is missing.
 */
function cpuSeconds(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e9;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  }
}

/** The kernel updates a thread's CPU time at scheduler ticks (4 ms here): each timed sample repeats a run until it lasts this long. */
const SAMPLE_SECONDS = 0.1;

/**
 * Timed samples of both loops, alternating so drift (GC, JIT tiers) hits both alike; each sample runs
 * its loop whole until SAMPLE_SECONDS have passed. Medians of steps per CPU second.
 */
function measurePair(steps: number, simulated: () => number, inlined: () => number): [number, number] {
  const rates: [number[], number[]] = [[], []];
  for (let rep = 0; rep < WARMUP + REPS; rep++) {
    [simulated, inlined].forEach((work, which) => {
      const started = cpuSeconds();
      let seconds: number;
      let taken = 0;
      do {
        const run = work();
        if (run !== steps) throw new Error(`a benchmark run stopped after ${run} of ${steps} steps`);
        taken += run;
        seconds = cpuSeconds() - started;
      } while (seconds < SAMPLE_SECONDS);
      if (rep >= WARMUP) rates[which].push(taken / seconds);
    });
  }
  return [median(rates[0]), median(rates[1])];
}

const millions = (rate: number, width: number) => (rate / 1e6).toFixed(2).padStart(width);

console.log(`steps per main-thread CPU second (millions), median of ${REPS} samples of ≥ ${SAMPLE_SECONDS} s after ${WARMUP} warm-up samples, runs of ${STEPS.toLocaleString('en')} steps (fewer where noted); Node ${process.version}`);
console.log(`${'surface'.padEnd(12)}${'optimizer'.padEnd(15)}${'steps'.padStart(9)}${'simulate'.padStart(10)}${'inlined'.padStart(10)}${'ratio'.padStart(8)}${'Δ end'.padStart(10)}`);
const met: string[] = [];
const missed: string[] = [];
const rows: [surface: 'bowl' | 'rosenbrock', optimizer: OptimizerId][] = [
  ...(Object.keys(CLASSIC.bowl) as OptimizerId[]).map((id): ['bowl', OptimizerId] => ['bowl', id]),
  ...OPTIMIZER_IDS.map((id): ['rosenbrock', OptimizerId] => ['rosenbrock', id]),
];
for (const [surface, optimizer] of rows.filter(([, id]) => ONLY === undefined || ONLY.includes(id))) {
  const steps = Math.round(STEPS * (STEP_SHARE[optimizer] ?? 1));
  const c: Case = { lr: surface === 'bowl' ? BOWL_LR[optimizer as keyof typeof BOWL_LR] : LR[optimizer], start: surfaces[surface].suggestedStart, steps };
  const hand = surface === 'bowl' ? CLASSIC.bowl[optimizer as keyof typeof CLASSIC.bowl] : ROSENBROCK[optimizer];
  const spec = { surface, optimizer, lr: c.lr, start: c.start, steps, ...optimizerDefaults(optimizer) };
  const [simulated, inlined] = measurePair(steps, () => simulate(spec).length - 1, () => hand(c, buffers(steps)));
  // The two loops' last points, to show they compute the same path (rounding aside).
  const ours = simulate(spec);
  const theirs = buffers(steps);
  hand(c, theirs);
  const end = Math.max(Math.abs(ours.x[steps] - theirs.xs[steps]), Math.abs(ours.y[steps] - theirs.ys[steps])) / Math.max(1, Math.abs(theirs.xs[steps]));
  const ratio = simulated / inlined;
  console.log(`${surface.padEnd(12)}${optimizer.padEnd(15)}${steps.toLocaleString('en').padStart(9)}${millions(simulated, 10)}${millions(inlined, 10)}${ratio.toFixed(2).padStart(8)}${end.toExponential(0).padStart(10)}`);
  const target = TARGETS[`${surface} ${optimizer}`];
  if (target !== undefined) (ratio >= target ? met : missed).push(`${optimizer} on ${surface} ${ratio.toFixed(2)}× (≥ ${target.toFixed(2)})`);
}
console.log(`Targets met: ${met.length === 0 ? 'none' : met.join(', ')}`);
if (missed.length > 0) console.log(`Targets MISSED: ${missed.join(', ')}`);
