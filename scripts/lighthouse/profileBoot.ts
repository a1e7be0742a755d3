/**
 * Where the main thread's time goes while the app boots: loads a build in headless
 * Chromium (CPU throttled 4×, as Lighthouse's mobile profile assumes), records a
 * CPU profile and the long tasks for the first seconds, and prints the functions
 * with the most self time and the tasks over 50 ms.
 *
 * Run: npx tsx scripts/lighthouse/profileBoot.ts [dist dir] [seconds] [hash]
 * (for readable names: npx vite build --minify false --outDir /tmp/unminified)
 */
import { resolve } from 'node:path';
import { launchChromium, serveDist } from '../../test/e2e/harness.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const dist = resolve(process.argv[2] ?? 'dist');
const seconds = Number(process.argv[3] ?? 8);
const hash = process.argv[4] ?? '';
const THROTTLE = Number(process.env.THROTTLE ?? 4);

const server = await serveDist(dist);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    (window as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push({ start: Math.round(entry.startTime), duration: Math.round(entry.duration) });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.url}/${hash}`);
  await page.waitForTimeout(seconds * 1000);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);

  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[index] / 1000));
  const byFunction = new Map<string, number>();
  const byUrl = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    const file = frame.url.replace(/^.*\//, '') || '(native)';
    const name = `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
    byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
  }
  // Inclusive time by function name (a name counted once per stack).
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const [id, ms] of self) {
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (!frame.url) continue;
      const name = `${frame.functionName || '(anonymous)'}  ${frame.url.replace(/^.*\//, '')}:${frame.lineNumber + 1}`;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    }
  }
  const top = (map: Map<string, number>, count: number) =>
    [...map].sort((a, b) => b[1] - a[1]).slice(0, count).map(([name, ms]) => `  ${ms.toFixed(0).padStart(7)} ms  ${name}`).join('\n');
  console.log(`CPU ×${THROTTLE}, ${seconds} s; FCP ${fcp.toFixed(0)} ms`);
  console.log(`long tasks (start, duration ms): ${tasks.map((task) => `${task.start}+${task.duration}`).join('  ')}`);
  console.log(`sum over 50 ms: ${tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0)} ms`);
  console.log('\nself time by file\n' + top(byUrl, 12));
  console.log('\nself time by function\n' + top(byFunction, 30));
  console.log('\ninclusive time by function\n' + top(inclusive, 40));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
