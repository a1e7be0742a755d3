/**
 * Hostile input.
 *
 * 1,000 fuzzed shareable links (fuzzLinks.ts, seeded) are loaded into ONE open
 * page by setting `location.hash`: the app follows links pasted into the address
 * bar of an open page (persist.ts listens for `hashchange` and runs the same
 * decode → validate → replaceSetup → notice path as a fresh load), so no full
 * page load per link is needed. For each link: no uncaught error, no NaN or
 * Infinity in the rendered text or form values, every broken field named in the
 * notice and replaced by a valid value, every good field kept as written. Every
 * 50th link the results are awaited and every drawn coordinate, loss and height
 * checked for NaN.
 *
 * Then every visible numeric field (role textbox, inputmode decimal) and slider
 * (role slider) is fed out-of-range, NaN, ±Infinity, empty and 10 kB values, in
 * the page the way typing reaches React (value, input event, Enter, blur): the
 * fields must say what was wrong (role=alert, aria-invalid), leave the setup
 * untouched and show the last good value again; sliders (the browser sanitizes
 * their value) must never put a non-finite number in the setup or their text.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fuzzLinks, type FuzzLink } from './fuzzLinks.ts';
import { settle } from './stressHarness.ts';
import { recordRow, tally } from './summary.ts';
import { browserSession } from '../e2e/session.ts';

const LINKS = 1_000;
const SEED = 20_261_123;
const BATCH = 50;

const session = browserSession();

interface LoadedLink {
  readonly setup: string;
  readonly notices: string[];
  readonly shownNotices: string;
  readonly nanText: string | null;
  readonly prototypePolluted: boolean;
  readonly geometry: { checked: boolean; bad: string | null };
}

/** Every leaf of a JSON value as path → value. */
function flatten(value: unknown, path: (string | number)[] = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) flatten(item, [...path, key], out);
  else out.set(JSON.stringify(path), value);
  return out;
}

function under(path: string, prefixes: readonly (string | number)[][]): boolean {
  const parts = JSON.parse(path) as (string | number)[];
  return prefixes.some((prefix) => prefix.every((part, i) => parts[i] === part));
}

/** Load a batch of links in the page, one hashchange each; optionally wait for results and check the drawn data. */
function loadBatch(page: Page, hashes: string[], checkGeometryOfLast: boolean): Promise<LoadedLink[]> {
  return page.evaluate(
    async ({ hashes, checkGeometryOfLast }) => {
      const hooks = window.__descentLab!;
      const out: LoadedLink[] = [];
      const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
      const nanIn = (text: string) => /\bNaN\b|Infinity/.exec(text)?.[0] ?? null;
      for (let n = 0; n < hashes.length; n++) {
        const state = hooks.store.getState();
        for (const notice of state.notices) state.dismissNotice(notice.id);
        // Every link is unique, so each fires its own hashchange (the app's listener runs first).
        const changed = new Promise<void>((resolve) => {
          const done = (event: HashChangeEvent) => {
            if (!event.newURL.endsWith(hashes[n])) return;
            window.removeEventListener('hashchange', done);
            resolve();
          };
          window.addEventListener('hashchange', done);
        });
        location.hash = hashes[n];
        await changed;
        const notices = hooks.store.getState().notices.map((notice) => notice.text);
        // Wait for React to show the newest notice (at most ~2 s).
        const region = document.querySelector('.notices');
        for (let wait = 0; wait < 400 && notices.length > 0 && !(region?.textContent ?? '').includes(notices[notices.length - 1]); wait++) await tick();
        const root = document.getElementById('root')!;
        const formValues = [...document.querySelectorAll('input, [aria-valuetext]')]
          .map((element) => `${(element as HTMLInputElement).value ?? ''} ${element.getAttribute('aria-valuetext') ?? ''}`)
          .join(' ');
        let geometry = { checked: false, bad: null as string | null };
        if (checkGeometryOfLast && n === hashes.length - 1) {
          const started = performance.now();
          await new Promise<void>((resolve) => {
            const poll = () => (hooks.isIdle() || performance.now() - started > 60_000 ? resolve() : setTimeout(poll, 20));
            poll();
          });
          let bad: string | null = hooks.isIdle() ? null : 'results did not arrive within 60 s';
          for (const run of hooks.results.runs.values()) {
            for (const [name, values] of [['x', run.x], ['y', run.y], ['loss', run.loss]] as const) {
              for (let i = 0; i < run.length && bad === null; i++) if (!Number.isFinite(values[i])) bad = `${run.runId}.${name}[${i}] = ${values[i]}`;
            }
          }
          for (const field of hooks.results.fields.values()) {
            if (!Number.isFinite(field.min) || !Number.isFinite(field.max)) bad ??= `field ${field.key} range ${field.min}…${field.max}`;
            for (let i = 0; i < field.heights.length && bad === null; i++) if (Number.isNaN(field.heights[i])) bad = `field ${field.key} height ${i} is NaN`;
          }
          geometry = { checked: true, bad };
        }
        out.push({
          setup: JSON.stringify(hooks.store.getState().setup),
          notices,
          shownNotices: region?.textContent ?? '',
          nanText: nanIn(root.textContent ?? '') ?? nanIn(formValues),
          prototypePolluted: ({} as Record<string, unknown>).polluted !== undefined || ({} as Record<string, unknown>).steps !== undefined,
          geometry,
        });
      }
      return out;
    },
    { hashes, checkGeometryOfLast },
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * True when `notice` names the field `name` ("schedule (run 2)"), or a part of it
 * ("schedule step size (run 2)" when only the step size inside was broken).
 */
function names(notice: string, name: string): boolean {
  if (notice.includes(name)) return true;
  const [, label, owner] = /^(.*?)(?: \((.*)\))?$/.exec(name) ?? [];
  return owner !== undefined && new RegExp(`${escapeRegExp(label)}[^,;]* \\(${escapeRegExp(owner)}\\)`).test(notice);
}

/** What went wrong with one loaded link, or null. */
function judge(link: FuzzLink, loaded: LoadedLink): string | null {
  const notice = loaded.notices.join(' ');
  if (loaded.nanText) return `rendered text shows ${loaded.nanText}`;
  if (loaded.prototypePolluted) return 'Object.prototype was polluted';
  if (loaded.geometry.bad) return `drawn data: ${loaded.geometry.bad}`;
  const setup = JSON.parse(loaded.setup) as unknown;
  const leaves = flatten(setup);
  for (const [path, value] of leaves) if (typeof value === 'number' && !Number.isFinite(value)) return `setup holds ${value} at ${path}`;
  if (link.damaged) return notice === '' ? 'no notice for a damaged link' : null;
  if (link.kind === 'link: other version' && !/version/.test(notice)) return 'no notice about the version';
  for (const field of link.fields) {
    if (!names(notice, field.name)) return `notice does not name "${field.name}": ${notice || '(none)'}`;
    if (!names(loaded.shownNotices, field.name)) return `"${field.name}" is not shown on the page`;
  }
  if (link.base) {
    const expected = flatten(link.base);
    const broken = [...link.fields.map((field) => field.path), ...link.mayChange];
    for (const [path, value] of expected) {
      if (under(path, broken)) continue;
      if (!Object.is(leaves.get(path), value)) return `good field ${path} changed from ${JSON.stringify(value)} to ${JSON.stringify(leaves.get(path))}`;
    }
    if (link.fields.length === 0 && link.kind !== 'link: other version' && notice !== '') return `a clean link gave a notice: ${notice}`;
  }
  return null;
}

describe('hostile input', () => {
  test(`${LINKS.toLocaleString('en-US')} fuzzed links: no error, no NaN drawn, every bad field reported and replaced, every good field kept`, async () => {
    const app = await session.open();
    const { page } = app;
    await settle(page);
    const links = fuzzLinks(LINKS, SEED);
    const failures: string[] = [];
    let geometryChecks = 0;
    const started = Date.now();
    for (let from = 0; from < links.length; from += BATCH) {
      const batch = links.slice(from, from + BATCH);
      const loaded = await loadBatch(page, batch.map((link) => link.hash), true);
      loaded.forEach((result, i) => {
        if (result.geometry.checked) geometryChecks++;
        const problem = judge(batch[i], result);
        if (problem) failures.push(`link ${from + i} (${batch[i].kind}): ${problem}`);
      });
    }
    const seconds = (Date.now() - started) / 1000;
    const kinds = new Map<string, number>();
    for (const link of links) kinds.set(link.kind.split(':')[0], (kinds.get(link.kind.split(':')[0]) ?? 0) + 1);
    const lostFields = failures.filter((failure) => failure.includes('good field')).length;

    recordRow('hostile', `fuzzed links loaded in-page via hashchange (${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')})`, `${links.length} in ${seconds.toFixed(0)} s, ${failures.length} mishandled`, '0 mishandled', failures.length === 0);
    recordRow('hostile', 'links: uncaught errors', String(app.errors.length), '0', app.errors.length === 0);
    recordRow('hostile', 'links: drawn data checked for NaN (every 50th, after results)', `${geometryChecks} checks`, 'no NaN', !failures.some((failure) => failure.includes('drawn data')));
    tally('badInputsTried', links.length);
    tally('lost', lostFields);
    if (failures.length) console.info(`hostile links mishandled:\n  ${failures.slice(0, 40).join('\n  ')}`);

    expect(app.errors).toEqual([]);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(app.foreignRequests).toEqual([]);
    await app.context.close();
  });

  test('every numeric field and slider fed out-of-range, NaN, ±Infinity, empty and 10 kB values keeps a valid setup and says why', async () => {
    const app = await session.open();
    const { page } = app;
    await settle(page);
    // Show as many controls as the app has: a bowl pane (its condition slider), schedules with parameters, an own start.
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.setPaneCount(2);
      window.__descentLab!.store.getState().setSurface('bowl', 1, false);
      const runs = window.__descentLab!.store.getState().setup.runs;
      state.updateRun(runs[0].id, { schedule: { type: 'step', stepSize: 50, gamma: 0.5 }, start: [1, 1] });
      state.updateRun(runs[1].id, { schedule: { type: 'cosine', tMax: 100, etaMin: 0 }, batchSize: 4 });
      state.updateRun(runs[2].id, { schedule: { type: 'inverse-time', decay: 0.01 } });
      state.addRun('rmsprop', { schedule: { type: 'exponential', gamma: 0.99 } });
    });
    await settle(page);
    const tooLong = '9'.repeat(10_240);
    const textValues = ['NaN', 'Infinity', '-Infinity', '', '1e999', '-1e999', '1e300', '-1e300', tooLong, '12abc', '0x1G'];
    const sliderValues = ['NaN', 'Infinity', '-Infinity', '', '1e300', '-1e300', tooLong, 'abc'];

    // Fed in the page, the way typing reaches React: the value, an input event, Enter; then the field loses focus.
    const outcome = await page.evaluate(
      async ({ textValues, sliderValues }) => {
        const hooks = window.__descentLab!;
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
        document.querySelectorAll<HTMLButtonElement>('.run-card-toggle[aria-expanded="false"]').forEach((toggle) => toggle.click()); await tick(); // folded run cards render no controls
        const setupNow = () => JSON.stringify(hooks.store.getState().setup);
        const nameOf = (input: HTMLInputElement) => input.getAttribute('aria-label') ?? input.labels?.[0]?.textContent ?? input.id;
        const visible = (input: HTMLInputElement) => input.offsetParent !== null || input.getClientRects().length > 0;
        const nonFinite = (): string[] => {
          const found: string[] = [];
          const walk = (node: unknown, path: string): void => {
            if (typeof node === 'number' && !Number.isFinite(node)) found.push(`${path} = ${node}`);
            else if (node !== null && typeof node === 'object') for (const [key, item] of Object.entries(node)) walk(item, `${path}.${key}`);
          };
          walk(hooks.store.getState().setup, 'setup');
          return found;
        };
        const failures: string[] = [];
        const names: string[] = [];
        let tried = 0;

        const fields = [...document.querySelectorAll<HTMLInputElement>('input[inputmode="decimal"]')].filter(visible);
        for (const field of fields) {
          const name = nameOf(field);
          names.push(name);
          const shown = field.value;
          for (const value of textValues) {
            tried++;
            const before = setupNow();
            field.focus();
            setValue.call(field, value);
            field.dispatchEvent(new Event('input', { bubbles: true }));
            field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
            await tick();
            const messageId = field.getAttribute('aria-describedby');
            const message = messageId ? (document.getElementById(messageId)?.textContent ?? '') : '';
            const role = messageId ? document.getElementById(messageId)?.getAttribute('role') : null;
            if (field.getAttribute('aria-invalid') !== 'true' || message.trim() === '' || role !== 'alert') failures.push(`${name} ← ${value.slice(0, 12)}: not reported (aria-invalid=${field.getAttribute('aria-invalid')}, message "${message}")`);
            if (/NaN|Infinity/.test(message.replace(value.slice(0, 20), ''))) failures.push(`${name} ← ${value.slice(0, 12)}: the message shows "${message}"`);
            if (setupNow() !== before) failures.push(`${name} ← ${value.slice(0, 12)}: the setup changed`);
            field.blur();
            await tick();
            if (field.value !== shown) failures.push(`${name} ← ${value.slice(0, 12)}: shows "${field.value.slice(0, 20)}" after, not "${shown}"`);
          }
        }

        const sliders = [...document.querySelectorAll<HTMLInputElement>('input[type="range"]')].filter(visible);
        for (const slider of sliders) {
          const name = nameOf(slider);
          names.push(name);
          for (const value of sliderValues) {
            tried++;
            setValue.call(slider, value);
            slider.dispatchEvent(new Event('input', { bubbles: true }));
            slider.dispatchEvent(new Event('change', { bubbles: true }));
            await tick();
            const bad = nonFinite();
            const text = slider.getAttribute('aria-valuetext') ?? '';
            if (/NaN|Infinity/.test(text)) bad.push(`aria-valuetext "${text}"`);
            if (bad.length) failures.push(`${name} ← ${value.slice(0, 12)}: ${bad.join(', ')}`);
          }
        }
        return { failures, names, tried, textFields: fields.length, sliders: sliders.length };
      },
      { textValues, sliderValues },
    );
    const failures = [...outcome.failures];
    const { names, tried } = outcome;
    await settle(page);
    const finalText = await page.evaluate(() => document.getElementById('root')!.textContent ?? '');
    if (/\bNaN\b|Infinity/.test(finalText)) failures.push('the page text shows NaN or Infinity after the sliders');

    recordRow('hostile', `controls fed bad values (${outcome.textFields} numeric fields, ${outcome.sliders} sliders)`, `${tried} values, ${failures.length} mishandled`, '0 mishandled', failures.length === 0);
    tally('badInputsTried', tried);
    if (failures.length) console.info(`hostile control values mishandled:\n  ${failures.slice(0, 40).join('\n  ')}`);

    expect(names.length).toBeGreaterThan(20);
    expect(failures).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
