/**
 * The main thread's tasks while the app boots, from a Chromium performance trace,
 * as Lighthouse sees them: it records without throttling and simulates a 4× slower
 * CPU, so a task counts as "long" (and adds to total blocking time) from 12.5 ms
 * here. Prints every such task with what it spent its time on (script by URL and
 * function, style, layout, paint, GC, WebGL), and the sum of 4 × duration − 50 ms.
 *
 * Run: npx tsx scripts/lighthouse/traceBoot.ts [dist dir] [seconds] [hash]
 * (npx vite build --minify false --outDir /tmp/unminified gives readable names)
 */
import { resolve } from 'node:path';
import { launchChromium, serveDist } from '../../test/e2e/harness.ts';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; functionName?: string; frame?: string; stackTrace?: { url: string; functionName: string }[] }; name?: string };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Chunks of library code; a sample is charged to the innermost frame outside them. */
const LIBRARY = /\/(react|r3f|three|rolldown-runtime|katex)-[^/]*\.js$/;

const dist = resolve(process.argv[2] ?? 'dist');
const seconds = Number(process.argv[3] ?? 10);
const hash = process.argv[4] ?? '';
const SLOWDOWN = 4;
const LONG_MS = 50 / SLOWDOWN;

const server = await serveDist(dist);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (message) => {
    events.push(...(message.value as unknown as TraceEvent[]));
  });
  const done = new Promise<void>((resolveDone) => cdp.once('Tracing.tracingComplete', () => resolveDone()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', 'loading', 'toplevel', 'v8', 'blink', 'gpu'],
    },
  });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}/${hash}`);
  await page.waitForTimeout(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  await cdp.send('Tracing.end');
  await done;

  // Each CPU sample: its time and a label, the innermost frame of our own code (else the leaf).
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const frameLabel = (node: ProfileNode) => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\//, '')}:${node.callFrame.lineNumber + 1}`;
  const labelOf = new Map<number, string>();
  const sampleLabel = (id: number): string => {
    const cached = labelOf.get(id);
    if (cached) return cached;
    const leaf = byId.get(id)!;
    let label = leaf.callFrame.url ? '' : leaf.callFrame.functionName;
    for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.url && !LIBRARY.test(frame.url)) {
        label = `${label && label !== frameLabel(byId.get(at)!) ? `${label} in ` : ''}${frameLabel(byId.get(at)!)}`;
        break;
      }
    }
    if (!label || label === leaf.callFrame.functionName) label = `${frameLabel(leaf)}${label ? '' : ''}`;
    labelOf.set(id, label);
    return label;
  };
  const samples: { ts: number; label: string; ms: number }[] = [];
  let clock = profile.startTime;
  profile.samples.forEach((id, index) => {
    clock += profile.timeDeltas[index];
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    samples.push({ ts: clock, label: sampleLabel(id), ms });
  });

  // The renderer's main thread: the thread that ran the navigation's ParseHTML.
  const parse = events.find((event) => event.name === 'ParseHTML');
  if (!parse) throw new Error('no ParseHTML in the trace');
  const main = events.filter((event) => event.pid === parse.pid && event.tid === parse.tid && event.ph === 'X' && event.dur !== undefined);
  const paint = events.find((event) => event.name === 'firstContentfulPaint' && event.pid === parse.pid);
  const t0 = events.find((event) => event.name === 'navigationStart' && event.pid === parse.pid)?.ts ?? parse.ts;
  const tasks = main.filter((event) => event.name === 'RunTask' && event.dur! / 1000 >= LONG_MS).sort((a, b) => a.ts - b.ts);
  let blocking = 0;
  let blockingAfterPaint = 0;
  console.log(`FCP ${paint ? ((paint.ts - t0) / 1000).toFixed(0) : '?'} ms; tasks ≥ ${LONG_MS} ms (start ms, duration ms, then what inside took ≥ 2 ms):`);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = main.filter((event) => event !== task && event.ts >= task.ts && event.ts + event.dur! <= end);
    // The heaviest nested events of known kinds.
    const kinds = new Map<string, number>();
    for (const event of inside) {
      if (['Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'CompileScript', 'v8.compile', 'ParseHTML', 'ParseAuthorStyleSheet', 'GPUTask', 'CommitLoad'].includes(event.name)) {
        kinds.set(event.name, (kinds.get(event.name) ?? 0) + event.dur! / 1000);
      }
    }
    const ms = task.dur! / 1000;
    const excess = Math.max(0, SLOWDOWN * ms - 50);
    blocking += excess;
    if (!paint || task.ts >= paint.ts) blockingAfterPaint += excess;
    const code = new Map<string, number>();
    for (const sample of samples) if (sample.ts >= task.ts && sample.ts <= end && !/^\((idle|program)\)/.test(sample.label)) code.set(sample.label, (code.get(sample.label) ?? 0) + sample.ms);
    const show = (map: Map<string, number>) => [...map].filter(([, value]) => value >= 2).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, value]) => `${name} ${value.toFixed(0)}`).join('; ');
    console.log(`  ${((task.ts - t0) / 1000).toFixed(0).padStart(6)} ${ms.toFixed(0).padStart(5)}  [${show(kinds)}]\n         ${show(code)}`);
  }
  console.log(`Σ(4 × duration − 50 ms): ${blocking.toFixed(0)} ms; after FCP: ${blockingAfterPaint.toFixed(0)} ms`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
