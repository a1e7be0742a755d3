/**
 * Lighthouse on the production build against a bare three.js page, in one run
 * (run: npm run bench:lighthouse, which builds first). Prints figures; asserts nothing.
 *
 * Both pages are built by Vite (the bare one from scripts/lighthouse/bare: one
 * 256×256 mesh and a heading) and served gzip-compressed from 127.0.0.1, as a host
 * would serve them. Each page × profile (mobile, desktop) runs RUNS times,
 * interleaved so that load on this shared machine falls on both pages alike, in a
 * fresh headless Chromium each time; the table shows medians per figure. Scores move
 * by about ±0.05 from run to run here, hence the bare page as the yardstick.
 *
 * Chromium cannot reach the network: its host resolver maps every name but
 * 127.0.0.1 to nothing, background networking is off, and any request outside the
 * served origin is reported (the bench then exits non-zero).
 *
 * LIGHTHOUSE_BEFORE=<dir> adds a third page, an earlier build kept aside (e.g. `cp -r dist
 * /tmp/before` before a change), measured in the same run, so that a change is judged before
 * and after side by side under the same load. LIGHTHOUSE_PROFILES=mobile skips desktop;
 * LIGHTHOUSE_APP=<dir> measures a build other than dist/.
 *
 * Full reports: test-results/lighthouse/*.json (open them in the Lighthouse viewer).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags, type Result } from 'lighthouse';
import { build } from 'vite';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { gzipSize, serveCompressed } from './lighthouse/compressedServer.ts';

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const APP_DIST = resolve(process.env.LIGHTHOUSE_APP ?? 'dist');
const BARE_SOURCE = resolve('scripts/lighthouse/bare');
const REPORTS = resolve('test-results/lighthouse');
const BEFORE_DIST = process.env.LIGHTHOUSE_BEFORE ? resolve(process.env.LIGHTHOUSE_BEFORE) : null;
const PROFILES = (process.env.LIGHTHOUSE_PROFILES ?? 'mobile,desktop').split(',').filter((name): name is Profile => name === 'mobile' || name === 'desktop');
const CHROME_PATH = process.env.CHROME_PATH ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** TECH-NOTES: WebGL on SwiftShader with GPU compositing, as on a machine with a GPU; no network. */
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--ignore-gpu-blocklist',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

type PageName = 'app' | 'bare' | 'before';
type Profile = 'mobile' | 'desktop';

interface Sample {
  readonly score: number | null;
  readonly seo: number | null;
  readonly tbtMs: number;
  readonly lcpMs: number;
  readonly ttiMs: number;
  readonly domNodes: number;
  readonly foreign: string[];
}

function median(values: number[]): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function numeric(lhr: Result, audit: string): number {
  return lhr.audits[audit]?.numericValue ?? NaN;
}

async function audit(url: string, profile: Profile, reportName: string): Promise<Sample> {
  const chrome = await launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
  try {
    const flags: Flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'seo'] };
    const result = await lighthouse(url, flags, profile === 'desktop' ? desktopConfig : undefined);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    await writeFile(join(REPORTS, `${reportName}.json`), JSON.stringify(lhr));
    if (lhr.runtimeError) console.warn(`  ${reportName}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const origin = new URL(url).origin;
    const requests = (lhr.audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items ?? [];
    return {
      score: lhr.categories.performance?.score ?? null,
      seo: lhr.categories.seo?.score ?? null,
      tbtMs: numeric(lhr, 'total-blocking-time'),
      lcpMs: numeric(lhr, 'largest-contentful-paint'),
      ttiMs: numeric(lhr, 'interactive'),
      domNodes: numeric(lhr, 'dom-size'),
      foreign: requests.map((request) => request.url).filter((requestUrl) => !requestUrl.startsWith(origin) && !requestUrl.startsWith('data:') && !requestUrl.startsWith('blob:')),
    };
  } finally {
    chrome.kill();
  }
}

/**
 * The JS a build loads before its app starts, gzip sizes in bytes: the entry named by
 * index.html, the scripts it module-preloads, and, when the entry is a boot script that
 * imports the app once the page has painted (src/boot.ts), the chunks Vite lists for that
 * import (`__vite__mapDeps`), each with the chunks it imports statically. `main` is the
 * chunk that starts the app: the one the boot script imports (main-*.js), else the entry.
 */
async function entryScripts(dist: string): Promise<{ entry: string; main: string; mainGzip: number; initialGzip: number }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const entry = /<script type="module"[^>]*\ssrc="([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error(`no module script in ${dist}/index.html`);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*\shref="([^"]+)"/g)].map((match) => match[1]);
  const path = (href: string) => join(dist, href.replace(/^\//, ''));
  const entryCode = await readFile(path(entry), 'utf8');
  // Vite's preload call for the boot's import: import(`./main-….js`)…,__vite__mapDeps([indices into the deps array]).
  const deps = [...(/__vite__mapDeps=[^\n]*?\[([^\]]*)\]/.exec(entryCode)?.[1] ?? '').matchAll(/"([^"]+)"/g)].map((match) => `/${match[1]}`);
  const indices = /import\([`"]\.\/main-[^`"]+\.js[`"]\)[^;]*?__vite__mapDeps\(\[([\d,]*)\]\)/.exec(entryCode)?.[1] ?? '';
  const booted = indices.split(',').filter(Boolean).map((index) => deps[Number(index)]).filter((href) => href?.endsWith('.js'));
  const seen = new Set<string>();
  const visit = async (href: string): Promise<void> => {
    if (seen.has(href)) return;
    seen.add(href);
    const code = await readFile(path(href), 'utf8');
    for (const match of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) await visit(`/assets/${match[1]}`);
  };
  for (const href of [entry, ...preloads, ...booted]) await visit(href);
  let initialGzip = 0;
  for (const href of seen) initialGzip += gzipSize(await readFile(path(href)));
  const main = booted.find((href) => /\/main-[^/]*\.js$/.test(href)) ?? entry;
  return { entry, main, mainGzip: gzipSize(await readFile(path(main))), initialGzip };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const fixed = (value: number | null, digits: number) => (value === null || !Number.isFinite(value) ? '–' : value.toFixed(digits));
const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

async function main(): Promise<void> {
  const bareDist = await mkdtemp(join(tmpdir(), 'descent-bare-'));
  await mkdir(REPORTS, { recursive: true });
  await build({ root: BARE_SOURCE, configFile: false, logLevel: 'warn', build: { outDir: bareDist, target: 'es2022', emptyOutDir: true, chunkSizeWarningLimit: 1000 } });

  const app = await serveCompressed(APP_DIST, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
  const bare = await serveCompressed(bareDist);
  const before = BEFORE_DIST ? await serveCompressed(BEFORE_DIST, { 'Content-Security-Policy': CONTENT_SECURITY_POLICY }) : null;
  const urls: Partial<Record<PageName, string>> = { app: `${app.url}/`, bare: `${bare.url}/`, ...(before ? { before: `${before.url}/` } : {}) };
  const pages = Object.keys(urls) as PageName[];
  const samples = new Map<string, Sample[]>();
  const key = (page: PageName, profile: Profile) => `${page} ${profile}`;
  const started = Date.now();
  try {
    for (let run = 1; run <= RUNS; run++) {
      for (const profile of PROFILES) {
        for (const page of pages) {
          const sample = await audit(urls[page]!, profile, `${page}-${profile}-${run}`);
          samples.set(key(page, profile), [...(samples.get(key(page, profile)) ?? []), sample]);
          console.log(`  run ${run}/${RUNS} ${page.padEnd(4)} ${profile.padEnd(7)} score ${fixed(sample.score, 2)}  TBT ${fixed(sample.tbtMs, 0)} ms  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
        }
      }
    }
  } finally {
    await app.close();
    await bare.close();
    await before?.close();
  }
  const appScripts = await entryScripts(APP_DIST);
  const bareScripts = await entryScripts(bareDist);
  const beforeScripts = BEFORE_DIST ? await entryScripts(BEFORE_DIST) : null;
  await rm(bareDist, { recursive: true, force: true });

  interface Row { score: number; seo: number; tbtMs: number; lcpMs: number; ttiMs: number; domNodes: number; scores: string }
  const rows = new Map<string, Row>();
  for (const [name, list] of samples) {
    rows.set(name, {
      score: median(list.map((sample) => sample.score ?? NaN)),
      seo: median(list.map((sample) => sample.seo ?? NaN)),
      tbtMs: median(list.map((sample) => sample.tbtMs)),
      lcpMs: median(list.map((sample) => sample.lcpMs)),
      ttiMs: median(list.map((sample) => sample.ttiMs)),
      domNodes: median(list.map((sample) => sample.domNodes)),
      scores: list.map((sample) => fixed(sample.score, 2)).join(' '),
    });
  }

  console.log(`\nLighthouse 12.2.3, ${CHROME_PATH}, median of ${RUNS} runs per row (each run's score in the last column); gzip-served from 127.0.0.1`);
  console.log('page  profile  score  TBT ms  LCP s  TTI s  DOM nodes  main chunk (gzip)  SEO   runs');
  for (const profile of PROFILES) {
    for (const page of pages) {
      const row = rows.get(key(page, profile))!;
      const scripts = page === 'app' ? appScripts : page === 'bare' ? bareScripts : beforeScripts!;
      console.log(
        `${page.padEnd(5)} ${profile.padEnd(8)} ${fixed(row.score, 2).padStart(5)}  ${fixed(row.tbtMs, 0).padStart(6)}  ${fixed(row.lcpMs / 1000, 1).padStart(5)}  ${fixed(row.ttiMs / 1000, 1).padStart(5)}  ${fixed(row.domNodes, 0).padStart(9)}  ${kB(scripts.mainGzip).padStart(18)}  ${fixed(row.seo, 2).padStart(4)}  ${row.scores}`,
      );
    }
  }
  console.log(`main chunk = the chunk that starts the app (${appScripts.main}, imported by the entry ${appScripts.entry} once the shell has painted); with the entry and every chunk they import, the app loads ${kB(appScripts.initialGzip)} of JS (gzip) before it starts.`);
  if (beforeScripts) console.log(`before (${BEFORE_DIST}): main chunk ${kB(beforeScripts.mainGzip)}, ${kB(beforeScripts.initialGzip)} of JS (gzip) before it starts.`);

  const appMobile = rows.get(key('app', 'mobile'))!;
  const bareMobile = rows.get(key('bare', 'mobile'))!;
  const appDesktop = rows.get(key('app', 'desktop'));
  const bareDesktop = rows.get(key('bare', 'desktop'));
  console.log('\nTargets (issue 17)');
  console.log(`  app mobile TBT ≤ 1.5 × bare's        ${fixed(appMobile.tbtMs, 0)} ms vs ≤ ${fixed(1.5 * bareMobile.tbtMs, 0)} ms   ${verdict(appMobile.tbtMs <= 1.5 * bareMobile.tbtMs)}`);
  // The machine's load moves both pages' figures by up to 2× between rounds: the ratio within each
  // round (the two audits ran one after the other) says how firm the verdict on the medians is.
  const appRounds = samples.get(key('app', 'mobile')) ?? [];
  const bareRounds = samples.get(key('bare', 'mobile')) ?? [];
  const ratios = appRounds.map((sample, index) => sample.tbtMs / bareRounds[index].tbtMs).filter(Number.isFinite);
  console.log(`    per round, app ÷ bare TBT: ${ratios.map((ratio) => ratio.toFixed(2)).join(' ')} (median ${fixed(median(ratios), 2)}; ≤ 1.5 in ${ratios.filter((ratio) => ratio <= 1.5).length} of ${ratios.length} rounds)`);
  console.log(`  app score within 0.05 of bare's      mobile ${fixed(appMobile.score, 2)} vs ≥ ${fixed(bareMobile.score - 0.05, 2)}   ${verdict(appMobile.score >= bareMobile.score - 0.05)}`);
  if (appDesktop && bareDesktop) {
    console.log(`                                       desktop ${fixed(appDesktop.score, 2)} vs ≥ ${fixed(bareDesktop.score - 0.05, 2)}   ${verdict(appDesktop.score >= bareDesktop.score - 0.05)}`);
  }
  console.log(`  main chunk ≤ 250 kB gzip             ${kB(appScripts.mainGzip)} (all JS before the app starts: ${kB(appScripts.initialGzip)})   ${verdict(appScripts.mainGzip <= 250_000)}`);

  const foreign = [...samples.values()].flat().flatMap((sample) => sample.foreign);
  if (foreign.length > 0) {
    console.error(`\nRequests outside the served origin (none are allowed): ${[...new Set(foreign)].join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
