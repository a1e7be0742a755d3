/**
 * One timeline and the update inspector in the production build: the keyboard
 * moves the timeline (and plays), the inspector's θ at step t is the CSV export's
 * row for that step, the overlays at the cursor change the picture, and the
 * chart's cursor moves with the balls (dragging it moves the timeline).
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { decodePng, diffRatio, distinctColors, sceneShot, settle, type Pixels } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

const timelineStep = (page: Page) => page.evaluate(() => window.__descentLab!.store.getState().timelineStep);

/** "(−1.2, 3.4)" → [−1.2, 3.4] (the page writes a real minus sign). */
function parsePoint(text: string): [number, number] {
  const match = /\(([^,]+), ([^)]+)\)/.exec(text.replaceAll('\u2212', '-'));
  if (!match) throw new Error(`not a point: ${text}`);
  return [Number(match[1]), Number(match[2])];
}

/** Equal to the digits shown: |shown − exact| within half a unit of the shown number's last significant digit. */
function agreesToShownDigits(shown: number, exact: number, text: string): boolean {
  const digits = text.replace(/^-/, '').replace('.', '').replace(/^0+/, '').length;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(exact))) - digits + 1);
  return Math.abs(shown - exact) <= unit / 2 + 1e-15;
}

/** The x (CSS pixels) of the chart cursor's vertical line: the column with the most bright pixels. */
function cursorColumn(pixels: Pixels): number {
  let best = -1;
  let bestCount = 0;
  for (let x = 0; x < pixels.width; x++) {
    let count = 0;
    for (let y = 0; y < pixels.height; y++) {
      const i = (y * pixels.width + x) * 4;
      if (pixels.data[i] > 150 && pixels.data[i + 1] > 150 && pixels.data[i + 2] > 150 && pixels.data[i + 3] > 100) count++;
    }
    if (count > bestCount) {
      best = x;
      bestCount = count;
    }
  }
  return best;
}

const chartCursor = async (page: Page) => cursorColumn(decodePng(await page.locator('canvas.chart-cursor').screenshot({ omitBackground: true })));

describe('one timeline, the update inspector', () => {
  test('keyboard only: ←/→, Shift+→, Home/End move the timeline in whole-path mode; Space plays and pauses; the inspector opens and names the step', async () => {
    const { page, context, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page, 60_000);
    expect(await timelineStep(page)).toBe(200);
    await page.keyboard.press('Home');
    expect(await timelineStep(page)).toBe(0);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await timelineStep(page)).toBe(12);
    const slider = page.getByRole('slider', { name: 'Timeline step' });
    await expect.poll(() => slider.getAttribute('aria-valuetext')).toBe('step 12 of 200');
    expect(await page.evaluate(() => window.__descentLab!.store.getState().setup.playback.mode)).toBe('instant');
    // On the slider itself: arrows natively, Shift+arrows ten.
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await timelineStep(page)).toBe(23);
    await page.keyboard.press('End');
    expect(await timelineStep(page)).toBe(200);
    await page.keyboard.press('Home');
    expect(await timelineStep(page)).toBe(0);
    // Open the inspector from the keyboard, and pick run 2 in it.
    await page.getByRole('button', { name: 'Inspect step' }).focus();
    await page.keyboard.press('Enter');
    const inspector = page.getByRole('region', { name: 'Update inspector' });
    await expect.poll(() => inspector.textContent()).toContain('step 0 → 1');
    await inspector.getByLabel('Run').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => inspector.textContent()).toMatch(/Run 2 · Momentum: step 0 → 1/);
    // Space on the page plays (Animate, from the cursor) and pauses.
    await page.locator('body').focus();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.__descentLab!.store.getState().playing)).toBe(true);
    await page.waitForTimeout(600);
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => window.__descentLab!.store.getState().playing)).toBe(false);
    expect(await timelineStep(page)).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  test("the inspector's θ at step t is the CSV export's row for that run and step, to the digits shown", async () => {
    const { page, context } = await session.open({ width: 1440, height: 900 });
    await settle(page, 60_000);
    const slider = page.getByRole('slider', { name: 'Timeline step' });
    await slider.focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowRight');
    for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
    expect(await timelineStep(page)).toBe(37);
    await page.getByRole('button', { name: 'Inspect step' }).click();
    const inspector = page.getByRole('region', { name: 'Update inspector' });
    await inspector.getByLabel('Run').selectOption({ label: '3 · Adam' });
    await expect.poll(() => inspector.textContent()).toContain('Run 3 · Adam: step 37 → 38');
    const thetaText = (await inspector.getByRole('row', { name: /^θ₃₇/ }).getByRole('cell').textContent()) ?? '';
    const shown = parsePoint(thetaText);

    await page.getByRole('button', { name: /^Export/ }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Trajectories as CSV' }).click()]);
    const [header, ...rows] = (await readFile((await download.path())!, 'utf8')).trim().split('\n');
    const column = Object.fromEntries(header.split(',').map((name, index) => [name, index]));
    const row = rows.map((line) => line.split(',')).find((cells) => cells[column.run] === '3' && cells[column.step] === '37');
    expect(row, 'the CSV has run 3, step 37').toBeDefined();
    const exact = [Number(row![column.x]), Number(row![column.y])];
    const [xText, yText] = thetaText.replaceAll('\u2212', '-').replace(/[()]/g, '').split(', ');
    expect(agreesToShownDigits(shown[0], exact[0], xText), `${thetaText} vs ${exact}`).toBe(true);
    expect(agreesToShownDigits(shown[1], exact[1], yText), `${thetaText} vs ${exact}`).toBe(true);
    // The inspector shows what a different step would not: θ₃₈ differs from θ₃₇.
    const next = rows.map((line) => line.split(',')).find((cells) => cells[column.run] === '3' && cells[column.step] === '38')!;
    expect(agreesToShownDigits(shown[0], Number(next[column.x]), xText) && agreesToShownDigits(shown[1], Number(next[column.y]), yText)).toBe(false);
    await context.close();
  });

  test('the overlays at the cursor change the picture in whole-path mode', async () => {
    const { page, context } = await session.open({ width: 1280, height: 800 });
    await settle(page, 60_000);
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.setSurface('bowl', 0);
      state.seekStep(4);
    });
    await settle(page, 60_000);
    const before = await sceneShot(page);
    expect(distinctColors(before)).toBeGreaterThan(20);
    await page.evaluate(() => {
      const state = window.__descentLab!.store.getState();
      state.setOverlay('gradient', true);
      state.setOverlay('velocity', true);
      state.setOverlay('effectiveStep', true);
    });
    await expect.poll(() => page.evaluate(() => window.__descentLab!.store.getState().setup.runs.every((run) => window.__descentLab!.inspections.byRun.get(run.id)?.inspection?.step === 4)), { timeout: 30_000 }).toBe(true);
    await settle(page, 60_000);
    const after = await sceneShot(page);
    expect(diffRatio(before, after)).toBeGreaterThan(0.0005);
    expect(await page.getByRole('group', { name: 'Overlay key' }).textContent()).toContain('arrow: −ηg');
    // Moving the cursor moves the overlays with it.
    await page.evaluate(() => window.__descentLab!.store.getState().seekStep(12));
    await expect.poll(() => page.evaluate(() => window.__descentLab!.inspections.byRun.values().next().value?.inspection?.step), { timeout: 30_000 }).toBe(12);
    await settle(page, 60_000);
    expect(diffRatio(after, await sceneShot(page))).toBeGreaterThan(0.0005);
    await context.close();
  });

  test("the chart's cursor and the balls move together; dragging on the chart moves the timeline", async () => {
    const { page, context } = await session.open({ width: 1440, height: 900 });
    await settle(page, 60_000);
    const at = async (step: number) => {
      await page.evaluate((s) => window.__descentLab!.store.getState().seekStep(s), step);
      await settle(page, 60_000);
      const shot = { column: await chartCursor(page), scene: await sceneShot(page) };
      return shot;
    };
    // Early steps, while every run still moves.
    const a = await at(20);
    const b = await at(50);
    const c = await at(80);
    // The cursor moves in proportion to the step, and the balls move with it.
    expect(b.column - a.column).toBeGreaterThan(40);
    expect(Math.abs(c.column - b.column - (b.column - a.column))).toBeLessThanOrEqual(2);
    expect(diffRatio(a.scene, b.scene)).toBeGreaterThan(0.0002);
    expect(diffRatio(b.scene, c.scene)).toBeGreaterThan(0.0002);
    // Drag from step 80's column to step 50's: the timeline follows the pointer.
    const box = (await page.locator('canvas.chart-cursor').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + c.column, y);
    await page.mouse.down();
    await page.mouse.move(box.x + (a.column + b.column) / 2, y, { steps: 4 });
    await page.mouse.move(box.x + b.column, y, { steps: 4 });
    await page.mouse.up();
    expect(Math.abs((await timelineStep(page)) - 50)).toBeLessThanOrEqual(1);
    await settle(page, 60_000);
    expect(Math.abs((await chartCursor(page)) - b.column)).toBeLessThanOrEqual(2);
    expect(diffRatio(b.scene, await sceneShot(page))).toBeLessThan(diffRatio(b.scene, c.scene));
    await context.close();
  });
  test("the rule with the numbers put in is typeset for Newton and Rprop, with the state table's numbers", async () => {
    const { page, context, errors } = await session.open({ width: 1440, height: 900 });
    await settle(page, 60_000);
    /** The TeX KaTeX typeset in the rule box (its MathML annotation), once it has. */
    const ruleTex = async () => {
      await page.locator('.inspector-rule annotation').first().waitFor({ state: 'attached', timeout: 15_000 });
      await expect(page.locator('.inspector-rule .katex-error').count()).resolves.toBe(0);
      return (await page.locator('.inspector-rule annotation').first().textContent()) ?? '';
    };
    /** A cell's numbers as the rule writes them: "(−0.5, 3e−4)" → "(-0.5,\\ 3\\times10^{-4})". */
    const asTex = (text: string) =>
      text
        .replaceAll('\u2212', '-')
        .replaceAll(', ', ',\\ ')
        .replace(/e(-?\d+)/g, '\\times10^{$1}');
    const stateCell = async (name: RegExp, column: 1 | 2) => (await page.locator('.inspector-table tr', { has: page.locator('th', { hasText: name }) }).locator('td').nth(column - 1).textContent()) ?? '';
    for (const optimizer of ['newton', 'rprop'] as const) {
      await page.evaluate((optimizer) => {
        const state = window.__descentLab!.store.getState();
        const id = state.setup.runs[0].id;
        state.updateRun(id, { optimizer });
        state.selectRun(id);
        state.setInspectorOpen(true);
        state.seekStep(3);
      }, optimizer);
      await page.waitForFunction((optimizer) => (document.querySelector('.inspector-step')?.textContent ?? '').includes(optimizer === 'newton' ? 'Newton' : 'Rprop') && (document.querySelector('.inspector-step')?.textContent ?? '').includes('step 3 → 4'), optimizer, { timeout: 15_000 });
      await page.locator('.inspector-rule').scrollIntoViewIfNeeded();
      await page.waitForFunction((optimizer) => (document.querySelector('.inspector-rule annotation')?.textContent ?? '').includes(optimizer === 'newton' ? 'pmatrix' : 'operatorname{clip}'), optimizer, { timeout: 15_000 });
      const tex = await ruleTex();
      if (optimizer === 'newton') {
        expect(tex).toContain(`\\lambda &= ${asTex(await stateCell(/^Eigenvalues of H/, 1))}`);
        expect(tex).toContain(`\\det H = ${asTex(await stateCell(/^Determinant of H/, 1))}`);
      } else {
        const [x, y] = asTex(await stateCell(/^Step sizes/, 2)).slice(1, -1).split(',\\ ');
        expect(tex).toMatch(new RegExp(`\\\\Delta_x = .* = ${x.replace('.', '\\.')}`));
        expect(tex).toMatch(new RegExp(`\\\\Delta_y = .* = ${y.replace('.', '\\.')}`));
      }
      const result = (await page.locator('.inspector-table tr', { has: page.locator('th', { hasText: /^Δθ$/ }) }).locator('td').textContent()) ?? '';
      expect(tex).toContain(asTex(result));
    }
    expect(errors).toEqual([]);
    await context.close();
  });
  test('on a phone (390×844) and in presentation mode the longest rules stay inside the page (the rule box scrolls sideways), and no number is broken across lines', async () => {
    for (const device of [
      { width: 390, height: 844, mobile: true, present: false },
      { width: 1280, height: 720, mobile: false, present: true },
    ]) {
      const { page, context, errors } = await session.open({ width: device.width, height: device.height, mobile: device.mobile });
      await settle(page, 60_000);
      await page.evaluate((present) => {
        const state = window.__descentLab!.store.getState();
        const id = state.setup.runs[0].id;
        state.updateRun(id, { optimizer: 'nadam' });
        state.selectRun(id);
        if (present) state.setPresentation(true);
        state.setInspectorOpen(true);
        state.seekStep(3);
      }, device.present);
      const rule = page.locator('.inspector-rule');
      await rule.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => (document.querySelector('.inspector-rule annotation')?.textContent ?? '').includes('\\Pi'), undefined, { timeout: 15_000 });
      const sizes = await rule.evaluate((element) => ({ scroll: element.scrollWidth, client: element.clientWidth, overflow: getComputedStyle(element).overflowX, right: element.getBoundingClientRect().right, page: document.documentElement.scrollWidth, inner: window.innerWidth }));
      // The page itself does not scroll sideways; the box does (NAdam's rule is wider than any panel).
      expect(sizes.page).toBeLessThanOrEqual(sizes.inner);
      expect(sizes.right).toBeLessThanOrEqual(sizes.inner);
      expect(sizes.overflow).toBe('auto');
      expect(sizes.scroll).toBeGreaterThan(sizes.client);
      // The tables' numbers wrap between coordinates, never inside one: each number sits on one line.
      const broken = await page.evaluate(() => {
        const split: string[] = [];
        for (const cell of document.querySelectorAll('.inspector-table td')) {
          const text = cell.firstChild;
          if (!text || text.nodeType !== Node.TEXT_NODE) continue;
          for (const match of (text.textContent ?? '').matchAll(/[−-]?\d[\d.e+−-]*/g)) {
            const range = document.createRange();
            range.setStart(text, match.index);
            range.setEnd(text, match.index + match[0].length);
            const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
            if (lines.size > 1) split.push(match[0]);
          }
        }
        return split;
      });
      expect(broken).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
