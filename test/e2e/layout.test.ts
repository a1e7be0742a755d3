/**
 * Issue 17.1: every device a class has. On a phone (390×844, touch, laid out at
 * the device width), tablets (768×1024, 1024×768, touch), a projector (1280×720)
 * and a full-HD screen: nothing overflows sideways, the scene is wide (≥ 90% of a
 * phone's width), the runs legend covers at most 10% of the scene, every labelled
 * control (header menu and controls panel included) can be scrolled into view and
 * is not covered by anything else, and on touch layouts every target is ≥ 44 px.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { settle } from './harness.ts';
import { browserSession } from './session.ts';

const session = browserSession();

const DEVICES = [
  { name: 'phone', width: 390, height: 844, mobile: true, touch: true },
  { name: 'tablet-portrait', width: 768, height: 1024, mobile: false, touch: true },
  { name: 'tablet-landscape', width: 1024, height: 768, mobile: false, touch: true },
  { name: 'projector', width: 1280, height: 720, mobile: false, touch: false },
  { name: 'full-hd', width: 1920, height: 1080, mobile: false, touch: false },
] as const;

interface ControlCheck {
  readonly checked: number;
  readonly problems: string[];
}

/**
 * Every visible labelled control under `root`: scrolled into view, is it the
 * element on top at its centre (or inside it, or its label)? On touch layouts,
 * is the target (the control or the label around it) at least 44 px each way?
 */
function checkControls(page: Page, root: string, touch: boolean): Promise<ControlCheck> {
  return page.evaluate(
    ({ root, touch }) => {
      const problems: string[] = [];
      let checked = 0;
      const controls = document.querySelectorAll<HTMLElement>(`${root} :is(button, select, input, textarea, a[href], [role="slider"])`);
      for (const control of controls) {
        const style = getComputedStyle(control);
        if (control.closest('.visually-hidden') || style.display === 'none' || style.visibility === 'hidden') continue;
        const label = control.closest('label') ?? (control as HTMLInputElement).labels?.[0] ?? null;
        const target = control.getBoundingClientRect().width > 4 ? control : (label ?? control);
        target.scrollIntoView({ block: 'center', inline: 'center' });
        const box = target.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        checked++;
        const name = control.getAttribute('aria-label') ?? control.textContent?.trim().slice(0, 30) ?? control.tagName;
        const x = Math.min(Math.max(box.left + box.width / 2, 0), window.innerWidth - 1);
        const y = Math.min(Math.max(box.top + box.height / 2, 0), window.innerHeight - 1);
        const hit = document.elementFromPoint(x, y);
        const ok = hit !== null && (hit === control || control.contains(hit) || (label !== null && (label === hit || label.contains(hit))));
        if (!ok) problems.push(`${control.tagName.toLowerCase()} "${name}" covered by ${hit ? `${hit.tagName.toLowerCase()}.${hit.className}` : 'nothing (off screen)'}`);
        if (box.right > window.innerWidth + 0.5 || box.left < -0.5) problems.push(`${control.tagName.toLowerCase()} "${name}" sticks out sideways`);
        const touchBox = (label ?? target).getBoundingClientRect();
        if (touch && (Math.max(touchBox.height, box.height) < 43.5 || Math.max(touchBox.width, box.width) < 43.5)) {
          problems.push(`${control.tagName.toLowerCase()} "${name}" target ${Math.round(touchBox.width)}×${Math.round(touchBox.height)} px`);
        }
      }
      return { checked, problems };
    },
    { root, touch },
  );
}

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe('layouts for every device a class has', () => {
  for (const device of DEVICES) {
    test(`${device.name} ${device.width}×${device.height}`, async () => {
      const app = await session.open({ width: device.width, height: device.height, mobile: device.mobile, touch: device.touch });
      const { page } = app;
      await settle(page);
      expect(await overflow(page), 'horizontal overflow (px)').toBeLessThanOrEqual(0);
      expect(await page.evaluate(() => window.innerWidth)).toBe(device.width);
      await page.screenshot({ path: `test-results/layout-${device.name}.png`, fullPage: device.mobile });

      const scene = await page.evaluate(() => {
        const area = document.querySelector('.pane-grid')!.getBoundingClientRect();
        const legend = document.querySelector('.legend')?.getBoundingClientRect();
        const covered = legend ? Math.max(0, Math.min(area.right, legend.right) - Math.max(area.left, legend.left)) * Math.max(0, Math.min(area.bottom, legend.bottom) - Math.max(area.top, legend.top)) : 0;
        return { width: area.width, height: area.height, legendShare: covered / (area.width * area.height) };
      });
      if (device.mobile) {
        expect(scene.width).toBeGreaterThanOrEqual(device.width * 0.9);
        expect(scene.height).toBeGreaterThanOrEqual(device.height * 0.5);
      }
      expect(scene.legendShare).toBeLessThanOrEqual(0.1);

      // The page's own controls (legend, chart, lesson), then the header's (through its menu where folded), then the panel's.
      const page1 = await checkControls(page, '.stage', device.touch);
      const menu = page.getByRole('button', { name: /^Menu/ });
      if (await menu.isVisible()) await menu.click();
      const header = await checkControls(page, '.app-header', device.touch);
      if (await menu.isVisible()) await menu.click();
      const toggle = page.getByRole('button', { name: /Controls$/ });
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await page.locator('#control-panel .control-panel-inner').waitFor();
      await page.waitForTimeout(300);
      if (device.mobile) await page.screenshot({ path: `test-results/layout-${device.name}-controls.png` });
      const panel = await checkControls(page, '#control-panel', device.touch);
      const problems = [...page1.problems, ...header.problems, ...panel.problems];
      console.info(`${device.name}: ${page1.checked + header.checked + panel.checked} controls checked, ${problems.length} problems`);
      expect(header.checked).toBeGreaterThanOrEqual(5);
      expect(panel.checked).toBeGreaterThan(20);
      expect(problems).toEqual([]);
      expect(await overflow(page), 'horizontal overflow with the controls open (px)').toBeLessThanOrEqual(0);
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }
});

/**
 * A lesson open (the teacher's first step): the stage's parts tile it. On a screen at least
 * 900 px wide the lesson is a column beside the landscape, the timeline and the chart, the
 * stage's full height; below that it shares the bottom row; on a phone it stacks above the
 * chart. No part covers another, none is squeezed, and no stretch of the stage is left empty
 * (a lesson once left a blank column and squeezed the chart into a corner at 1440 × 900, and
 * in presentation mode drew the chart's toolbar over the lesson's question).
 */
interface Part {
  readonly name: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

function stageParts(page: Page): Promise<{ stage: Part; parts: Part[] }> {
  return page.evaluate(() => {
    const box = (name: string, element: Element) => {
      const { left, top, right, bottom } = element.getBoundingClientRect();
      return { name, left, top, right, bottom };
    };
    const parts = ['scene-area', 'timeline-bar', 'chart-panel', 'model-panel', 'lesson-panel', 'inspector']
      .map((name) => [name, document.querySelector(`main.stage .${name}`)] as const)
      .filter(([, element]) => element !== null && element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().height > 0)
      .map(([name, element]) => box(name, element!));
    return { stage: box('stage', document.querySelector('main.stage')!), parts };
  });
}

const area = (part: Part) => Math.max(0, part.right - part.left) * Math.max(0, part.bottom - part.top);
const overlap = (a: Part, b: Part) => area({ name: '', left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) });

/** Parts narrower than `minWidth(part)` or lower than `minHeight(part)` px, and every pair of parts that overlap. */
function partProblems(parts: readonly Part[], minWidth: (part: Part) => number, minHeight: (part: Part) => number = () => 0): string[] {
  const problems: string[] = [];
  for (const [index, part] of parts.entries()) {
    const width = part.right - part.left;
    const height = part.bottom - part.top;
    if (width < minWidth(part)) problems.push(`${part.name} only ${Math.round(width)} px wide`);
    if (height < minHeight(part)) problems.push(`${part.name} only ${Math.round(height)} px high`);
    for (const other of parts.slice(index + 1)) {
      if (overlap(part, other) > 1) problems.push(`${part.name} and ${other.name} overlap by ${Math.round(overlap(part, other))} px²`);
    }
  }
  return problems;
}

/** The saddle lesson on every device, presented where a projector may be; and a lesson whose surface has a Model view (a third panel in the bottom row). */
const LESSON_CASES = [
  ...DEVICES.flatMap((device) => (device.mobile ? [false] : [false, true]).map((presenting) => ({ device, lesson: 'saddle', presenting }))),
  ...DEVICES.filter((device) => device.name === 'tablet-landscape' || device.name === 'phone').map((device) => ({ device, lesson: 'minibatch', presenting: false })),
];

describe('a lesson on every device', () => {
  for (const { device, lesson: lessonId, presenting } of LESSON_CASES) {
    test(`${lessonId} on ${device.name} ${device.width}×${device.height}${presenting ? ' presenting' : ''}`, async () => {
      const app = await session.open({ width: device.width, height: device.height, mobile: device.mobile, touch: device.touch });
      const { page } = app;
      await settle(page);
      const menu = page.getByRole('button', { name: /^Menu/ });
      const picker = page.getByLabel('Lesson', { exact: true });
      if (!(await picker.isVisible())) await menu.click();
      await picker.selectOption(lessonId);
      await settle(page);
      if (presenting) {
        const present = page.getByRole('button', { name: 'Presentation', exact: true });
        if (!(await present.isVisible())) await menu.click();
        await present.click();
        await settle(page);
      }
      await page.screenshot({ path: `test-results/lesson-${lessonId}-${device.name}${presenting ? '-presenting' : ''}.png`, fullPage: device.mobile });
      const { stage, parts } = await stageParts(page);
      const names = parts.map((part) => part.name);
      expect(names).toContain('lesson-panel');
      const problems = partProblems(
        parts,
        (part) => (part.name === 'model-panel' ? 170 : Math.min(280, device.width * 0.6)),
        (part) => (part.name === 'timeline-bar' ? 0 : 140),
      );
      if (!device.mobile) {
        const covered = parts.reduce((sum, part) => sum + area(part), 0) / area(stage);
        if (covered < 0.97) problems.push(`the parts cover ${(covered * 100).toFixed(1)}% of the stage`);
        const lesson = parts.find((part) => part.name === 'lesson-panel')!;
        if (device.width >= 900 && !presenting && lesson.bottom - lesson.top < 0.95 * (stage.bottom - stage.top)) problems.push('the lesson is not the stage’s full height');
      } else {
        const chart = parts.find((part) => part.name === 'chart-panel');
        const lesson = parts.find((part) => part.name === 'lesson-panel')!;
        if (chart && chart.top < lesson.top) problems.push('the chart comes before the lesson');
      }
      // No control is cut off by the side of the part it sits in (a narrow column once clipped "Inspect step").
      problems.push(
        ...(await page.evaluate(() => {
          const clipped: string[] = [];
          for (const part of document.querySelectorAll('main.stage :is(.scene-area, .timeline-bar, .chart-panel, .lesson-panel)')) {
            const box = part.getBoundingClientRect();
            for (const control of part.querySelectorAll<HTMLElement>('button, select, input')) {
              const own = control.getBoundingClientRect();
              if (own.width === 0 || control.closest('.visually-hidden, .legend-chips')) continue;
              if (own.left < box.left - 0.5 || own.right > box.right + 0.5) clipped.push(`"${control.getAttribute('aria-label') ?? control.textContent?.trim()}" cut off by the side of .${part.className.split(' ').at(-1)}`);
            }
          }
          return clipped;
        })),
      );
      const controls = await checkControls(page, '.lesson-panel', device.touch);
      expect([...problems, ...controls.problems]).toEqual([]);
      expect(controls.checked).toBeGreaterThanOrEqual(4);
      expect(await overflow(page), 'horizontal overflow (px)').toBeLessThanOrEqual(0);
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }
});

describe('the update inspector beside the landscape', () => {
  for (const device of DEVICES.filter((device) => !device.mobile)) {
    test(`${device.name} ${device.width}×${device.height}: the chart keeps a readable width`, async () => {
      const app = await session.open({ width: device.width, height: device.height, mobile: device.mobile, touch: device.touch });
      const { page } = app;
      await settle(page);
      await page.getByRole('button', { name: 'Inspect step' }).click();
      await settle(page);
      await page.screenshot({ path: `test-results/inspector-${device.name}.png` });
      const { parts } = await stageParts(page);
      expect(parts.map((part) => part.name)).toContain('inspector');
      expect(partProblems(parts, (part) => (part.name === 'model-panel' ? 0 : 280))).toEqual([]);
      expect(app.errors).toEqual([]);
      await app.context.close();
    });
  }
});

/**
 * The timeline bar follows its own width (a container query), whatever narrows it: the same
 * checks at every width from a phone's to a wide screen's, in the normal and the presentation
 * type size, with the longest read-out a run can show. Its parts never overlap or stick out of
 * the bar, the read-out is never clipped, the slider keeps a usable width, and the visible label
 * is shown wherever the bar has room for it.
 */
function timelineProblems(page: Page, width: number | null): Promise<{ label: boolean; sliderRow: boolean; problems: string[] }> {
  return page.evaluate((width) => {
    const bar = document.querySelector<HTMLElement>('main.stage > .timeline-bar')!;
    if (width !== null) {
      bar.style.width = `${width}px`;
      bar.style.justifySelf = 'start';
    }
    const readout = bar.querySelector<HTMLElement>('.timeline-readout')!;
    readout.textContent = 'step 100\u202f000 of 100\u202f000';
    const barBox = bar.getBoundingClientRect();
    const problems: string[] = [];
    const parts = [...bar.querySelectorAll<HTMLElement>('.timeline-play, .timeline-label, .timeline-slider, .timeline-readout, .timeline-inspect')]
      .filter((part) => getComputedStyle(part).display !== 'none')
      .map((part) => ({ name: part.className.split(' ').at(-1)!, part, box: part.getBoundingClientRect() }));
    for (const [index, { name, part, box }] of parts.entries()) {
      if (box.left < barBox.left - 0.5 || box.right > barBox.right + 0.5) problems.push(`${name} sticks out of the bar`);
      if (part.scrollWidth > part.clientWidth + 1) problems.push(`${name} is clipped (${part.scrollWidth} > ${part.clientWidth})`);
      for (const other of parts.slice(index + 1)) {
        const x = Math.min(box.right, other.box.right) - Math.max(box.left, other.box.left);
        const y = Math.min(box.bottom, other.box.bottom) - Math.max(box.top, other.box.top);
        if (x > 0.5 && y > 0.5) problems.push(`${name} overlaps ${other.name}`);
      }
    }
    const slider = parts.find((part) => part.name === 'timeline-slider')!.box;
    if (slider.width < 80) problems.push(`the slider is ${Math.round(slider.width)} px wide`);
    const play = parts.find((part) => part.name === 'timeline-play')!.box;
    return { label: parts.some((part) => part.name === 'timeline-label'), sliderRow: slider.top >= play.bottom, problems };
  }, width);
}

describe('the timeline bar at every width', () => {
  test('from a phone’s width to a wide screen’s, in normal and presentation type', async () => {
    const app = await session.open({ width: 1600, height: 900 });
    const { page } = app;
    await settle(page);
    for (const presenting of [false, true]) {
      if (presenting) {
        await page.getByRole('button', { name: 'Presentation', exact: true }).click();
        await settle(page);
      }
      const mode = presenting ? 'presenting' : 'normal';
      const widths = [320, 360, 420, 480, 540, 600, 660, 720, 780, 840, 900, 1000, 1100];
      const seen = [];
      for (const width of widths) {
        const { label, sliderRow, problems } = await timelineProblems(page, width);
        seen.push({ width, label, sliderRow });
        expect(problems, `${mode}, bar ${width} px`).toEqual([]);
      }
      // The label is shown on a wide bar, and given up (before anything is squeezed) on narrow ones;
      // the slider has a row of its own only where the bar is phone-narrow.
      expect(seen.filter((entry) => entry.width >= (presenting ? 1000 : 900)).every((entry) => entry.label), mode).toBe(true);
      expect(seen.filter((entry) => entry.width <= 420).every((entry) => !entry.label && entry.sliderRow), mode).toBe(true);
      expect(seen.filter((entry) => entry.width >= 600).every((entry) => !entry.sliderRow), mode).toBe(true);
    }
    expect(app.errors).toEqual([]);
    await app.context.close();
  });

  // Where the viewport alone once decided: 1280 px wide with the controls panel and the inspector open.
  test('at 1280×720 with the controls panel and the inspector open', async () => {
    const app = await session.open({ width: 1280, height: 720 });
    const { page } = app;
    await settle(page);
    await page.getByRole('button', { name: 'Inspect step' }).click();
    await settle(page);
    expect((await timelineProblems(page, null)).problems).toEqual([]);
    expect(app.errors).toEqual([]);
    await app.context.close();
  });
});
