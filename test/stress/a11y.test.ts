/**
 * Accessibility: axe-core scans the main screen, the update inspector, the maps
 * following the timeline, every lesson with its question open, a lesson after the reveal and the lesson editor (no serious or critical
 * violation), and every control is reachable with Tab and
 * operable from the keyboard: sliders move with the arrow keys, checkboxes and
 * radios toggle, selects change with the arrows, the 3D view moves the start with
 * the arrows, and every clickable thing is a native button, link or form control
 * (keyboard-operable by construction).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForIdle } from '../e2e/harness.ts';
import { settle } from './stressHarness.ts';
import { recordRow, tally } from './summary.ts';
import { browserSession } from '../e2e/session.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const session = browserSession();

interface AxeFinding {
  readonly id: string;
  readonly impact: string;
  readonly targets: string[];
}

/** axe-core's serious and critical violations on the current page (injected through DevTools, which the CSP does not govern). */
async function axeSeriousViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => ({ id: violation.id, impact: violation.impact ?? '', targets: violation.nodes.slice(0, 5).map((node) => String(node.target)) }));
  });
}

describe('accessibility', () => {
  test('axe-core finds no serious or critical violation on the main screen, the update inspector, the maps, any lesson with its question open or revealed, or the lesson editor', async () => {
    const app = await session.open();
    const { page } = app;
    await settle(page);
    const screens: { name: string; findings: AxeFinding[] }[] = [{ name: 'main screen', findings: await axeSeriousViolations(page) }];
    // The update inspector with a rule typeset with its numbers (Newton: a matrix, eigenvalues),
    // then both maps drawn and following the timeline at an early step.
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      const id = state.setup.runs[0].id;
      state.updateRun(id, { optimizer: 'newton' });
      state.selectRun(id);
      state.setInspectorOpen(true);
      state.seekStep(12);
    });
    // As a reader would: the rule is typeset once it comes near the screen.
    await page.locator('.inspector-rule').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('.inspector-rule .katex') !== null, undefined, { timeout: 30_000 });
    screens.push({ name: 'the update inspector (Newton, step 12)', findings: await axeSeriousViolations(page) });
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.setInspectorOpen(false);
      state.updateRun(state.setup.runs[0].id, { optimizer: 'sgd' });
    });
    await waitForIdle(page, 60_000);
    await page.locator('.maps-panel select').nth(1).selectOption('64');
    for (const [button, kind] of [['Show basin map', 'basin'], ['Show learning-rate map', 'hyper']] as const) {
      await page.getByRole('button', { name: button }).click();
      await page.waitForFunction((kind) => window.__descentLab!.store.getState().maps[kind].status === 'done', kind, { timeout: 60_000, polling: 100 });
    }
    await page.evaluate(() => window.__descentLab!.store.getState().seekStep(5));
    screens.push({ name: 'the basin and learning-rate maps at step 5', findings: await axeSeriousViolations(page) });
    const picker = page.getByLabel('Lesson', { exact: true });
    const lessons = await picker.locator('option:not([disabled])').evaluateAll((options) => options.map((option) => ({ value: (option as HTMLOptionElement).value, title: option.textContent ?? '' })));
    for (const lesson of lessons) {
      await picker.selectOption(lesson.value);
      await waitForIdle(page, 60_000);
      await expect.poll(() => page.locator('.lesson-panel').innerText()).toContain(lesson.title.replace(/^\d+\.\s*/, ''));
      const open = (await page.locator('.lesson-question').count()) > 0;
      screens.push({ name: `${lesson.title}${open ? ' (question open)' : ''}`, findings: await axeSeriousViolations(page) });
    }
    // The last lesson after its answer, and the editor with a lesson in it.
    await page.getByRole('button', { name: 'Skip to the answer' }).click();
    await page.waitForFunction(() => window.__descentLab!.store.getState().playing === false, undefined, { timeout: 30_000 });
    screens.push({ name: 'a lesson after the reveal', findings: await axeSeriousViolations(page) });
    await page.getByRole('button', { name: 'Write your own lesson' }).click();
    await page.getByRole('button', { name: 'New lesson from the current setup' }).click();
    screens.push({ name: 'the lesson editor', findings: await axeSeriousViolations(page) });
    const findings = screens.flatMap((screen) => screen.findings.map((finding) => `${screen.name}: ${finding.impact} ${finding.id} at ${finding.targets.join(' | ')}`));
    recordRow('a11y', `axe-core serious/critical violations (${screens.length} screens: main, the inspector, the maps, ${lessons.length} lessons asking, one revealed, the editor)`, String(findings.length), '0', findings.length === 0);
    tally('violationsFound', findings.length);
    if (findings.length) console.info(`axe findings:\n  ${findings.join('\n  ')}`);
    expect(findings).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  test('every control is reachable with Tab and operable from the keyboard', async () => {
    const app = await session.open();
    const { page } = app;
    await settle(page);

    // Number every visible control; radios of one group share a tab stop, so they count as one.
    const controls = await page.evaluate(() => {
      const selector = 'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"]), [role="button"], [role="slider"], [role="checkbox"], [role="tab"], [role="menuitem"]';
      const out: { key: string; tag: string; type: string; role: string; name: string }[] = [];
      const seenGroups = new Set<string>();
      document.querySelectorAll<HTMLElement>(selector).forEach((element, index) => {
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        const disabled = (element as HTMLButtonElement).disabled === true || element.closest('[inert]') !== null;
        const hiddenByCss = element.classList.contains('visually-hidden') && element.tagName !== 'INPUT';
        if (disabled || hiddenByCss || style.visibility === 'hidden' || style.display === 'none' || (box.width === 0 && box.height === 0 && element.tagName !== 'INPUT')) return;
        if (element.offsetParent === null && style.position !== 'fixed') return;
        const input = element as HTMLInputElement;
        const group = input.type === 'radio' ? `radio:${input.name}` : '';
        if (group && seenGroups.has(group)) return;
        if (group) seenGroups.add(group);
        const key = group || `c${index}`;
        element.dataset.a11yKey = key;
        if (group) document.querySelectorAll<HTMLElement>(`input[type="radio"][name="${CSS.escape(input.name)}"]`).forEach((radio) => (radio.dataset.a11yKey = key));
        out.push({ key, tag: element.tagName, type: input.type ?? '', role: element.getAttribute('role') ?? '', name: element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '' });
      });
      return out;
    });

    // Tab from the top of the page until focus comes round again.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached = new Set<string>();
    let first: string | null = null;
    for (let press = 0; press < controls.length + 40; press++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.a11yKey ?? `other:${document.activeElement?.tagName}`);
      if (key === first) break;
      first ??= key;
      reached.add(key);
    }
    const unreachable = controls.filter((control) => !reached.has(control.key)).map((control) => `${control.tag.toLowerCase()} ${control.type} "${control.name}"`);

    // Operate each kind from the keyboard.
    const inoperable: string[] = [];
    let operated = 0;
    const setupJson = () => page.evaluate(() => JSON.stringify(window.__descentLab!.store.getState().setup));
    for (const control of controls) {
      const element = page.locator(`[data-a11y-key="${control.key}"]`).first();
      if (!(await element.count())) continue;
      const label = `${control.tag.toLowerCase()} ${control.type} "${control.name}"`;
      if (control.tag === 'INPUT' && control.type === 'range') {
        await element.focus();
        const before = await element.inputValue();
        const atMax = await element.evaluate((input) => Number((input as HTMLInputElement).value) >= Number((input as HTMLInputElement).max));
        await page.keyboard.press(atMax ? 'ArrowLeft' : 'ArrowRight');
        if ((await element.inputValue()) === before) inoperable.push(`${label}: arrow key did not move it`);
        await page.keyboard.press(atMax ? 'ArrowRight' : 'ArrowLeft');
        operated++;
      } else if (control.tag === 'INPUT' && (control.type === 'checkbox' || control.type === 'radio')) {
        const target = control.type === 'radio' ? page.locator(`[data-a11y-key="${control.key}"]:checked`).first() : element;
        await target.focus();
        const before = await setupJson();
        const checkedBefore = await target.isChecked();
        await page.keyboard.press(control.type === 'radio' ? 'ArrowRight' : 'Space');
        const focusedChecked = await page.evaluate(() => (document.activeElement as HTMLInputElement).checked);
        const changed = control.type === 'radio' ? (await setupJson()) !== before || focusedChecked : (await target.isChecked()) !== checkedBefore;
        if (!changed) inoperable.push(`${label}: the key did not change it`);
        await page.keyboard.press(control.type === 'radio' ? 'ArrowLeft' : 'Space');
        operated++;
      } else if (control.tag === 'SELECT') {
        if ((await element.getAttribute('id')) === 'lesson-picker') continue;
        await element.focus();
        const before = await element.inputValue();
        const last = await element.evaluate((select) => (select as HTMLSelectElement).selectedIndex === (select as HTMLSelectElement).options.length - 1);
        await page.keyboard.press(last ? 'ArrowUp' : 'ArrowDown');
        if ((await element.inputValue()) === before) inoperable.push(`${label}: arrow key did not change it`);
        await page.keyboard.press(last ? 'ArrowDown' : 'ArrowUp');
        await waitForIdle(page, 60_000);
        operated++;
      } else if (control.role === 'application') {
        await element.focus();
        const before = await page.evaluate(() => window.__descentLab!.store.getState().setup.start.join(','));
        await page.keyboard.press('ArrowRight');
        if ((await page.evaluate(() => window.__descentLab!.store.getState().setup.start.join(','))) === before) inoperable.push(`${label}: arrow key did not move the start`);
        await page.keyboard.press('ArrowLeft');
        operated++;
      } else if (!['BUTTON', 'A', 'INPUT', 'TEXTAREA', 'SUMMARY'].includes(control.tag) && control.role !== '') {
        inoperable.push(`${label}: role=${control.role} on a <${control.tag.toLowerCase()}>, not a native control`);
      } else {
        operated++;
      }
    }
    // The lesson picker last (it replaces the whole setup).
    await page.getByLabel('Lesson', { exact: true }).focus();
    await page.keyboard.press('ArrowDown');
    await waitForIdle(page, 60_000);
    const lessonLoaded = await page.evaluate(() => (document.getElementById('lesson-picker') as HTMLSelectElement).value !== '' && window.__descentLab!.store.getState().lesson !== null);
    if (!lessonLoaded) inoperable.push('lesson picker: ArrowDown did not open a lesson');
    operated++;

    recordRow('a11y', `controls reachable by Tab (${controls.length} tab stops)`, `${controls.length - unreachable.length}/${controls.length}`, 'all', unreachable.length === 0);
    recordRow('a11y', 'controls operable by keyboard', `${operated - inoperable.length}/${operated}${inoperable.length ? `; ${inoperable.length} not` : ''}`, 'all', inoperable.length === 0);
    tally('violationsFound', unreachable.length + inoperable.length);
    if (unreachable.length || inoperable.length) console.info(`keyboard problems:\n  ${[...unreachable.map((u) => `unreachable: ${u}`), ...inoperable].join('\n  ')}`);

    expect(controls.length).toBeGreaterThan(30);
    expect(unreachable).toEqual([]);
    expect(inoperable).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
