/**
 * Typeset TeX with KaTeX, loaded on first use (script and CSS together) so the
 * first page load stays small. Fonts come from the bundle: works offline.
 * Only our own formulas are typeset, still with `trust: false` and size limits.
 */
import type Katex from 'katex';
import { useEffect, useRef, useState } from 'react';

let katexPromise: Promise<typeof Katex> | null = null;

/** Resolve when the browser is idle (or after `timeoutMs`): typesetting waits until the page has painted and settled. */
function whenIdle(timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: timeoutMs });
    else setTimeout(resolve, 0);
  });
}

/** Load KaTeX and its stylesheet once, when the page is idle; later calls share the same promise. */
export function loadKatex(): Promise<typeof Katex> {
  katexPromise ??= whenIdle(1500).then(() => Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => module.default));
  return katexPromise;
}

/**
 * Formulas typeset one per task: every Tex waiting on KaTeX would otherwise be
 * rendered in one microtask chain, a single long task when the lesson text holds several.
 */
let typesetQueue: Promise<void> = Promise.resolve();
function nextTask(): Promise<void> {
  typesetQueue = typesetQueue.then(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return typesetQueue;
}

/**
 * Formulas away from the screen are typeset one per frame: the browser lays out what a
 * frame added in that frame, and sixteen update rules (≈ 8,000 elements) typeset between
 * two frames made one layout of over 100 ms. A hidden page draws no frames; its formulas
 * wait until it is shown.
 */
let backgroundQueue: Promise<void> = Promise.resolve();
function nextFrame(): Promise<void> {
  backgroundQueue = backgroundQueue.then(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  return backgroundQueue;
}

/** Formulas away from the screen wait for the idle time after the page's first use (at most this long). */
const BACKGROUND_TIMEOUT_MS = 4000;

let firstUse: Promise<void> | null = null;
/**
 * Resolves at the first scroll, wheel, touch, pointer press or key press on the page. Until then
 * only formulas near the screen are typeset: a page that is only loaded (or only looked at)
 * keeps its DOM small and its main thread quiet (typesetting the others 4 s after load added
 * about 1,450 elements and seven long tasks inside Lighthouse's interactivity window).
 */
function whenFirstUsed(): Promise<void> {
  firstUse ??= new Promise((resolve) => {
    const events = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    const done = () => {
      for (const name of events) window.removeEventListener(name, done, true);
      resolve();
    };
    for (const name of events) window.addEventListener(name, done, { capture: true, passive: true });
  });
  return firstUse;
}

const KATEX_OPTIONS = {
  throwOnError: false,
  trust: false,
  strict: 'ignore',
  maxSize: 20,
  maxExpand: 200,
  output: 'htmlAndMathml',
} as const;

interface TexProps {
  readonly tex: string;
  /** Display (block) style; inline by default. */
  readonly block?: boolean;
  readonly className?: string;
}

/** A formula; its raw TeX holds the place (invisibly) until KaTeX has typeset it, and is shown if KaTeX fails to load. */
export function Tex({ tex, block = false, className }: TexProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    let cancelled = false;
    // The span's content belongs to this effect, not to React: raw TeX first (kept in the layout
    // but not shown, so no backslashes flash on screen), then KaTeX's output.
    element.textContent = tex;
    element.classList.add('tex-pending');
    let started = false;
    const typeset = (background: boolean) => {
      if (started) return;
      started = true;
      loadKatex().then(
        async (katex) => {
          await (background ? nextFrame() : nextTask());
          if (cancelled) return;
          // Block formulas are set in display style but inline mode, so long ones wrap at + and = instead of overflowing.
          katex.render(block ? `\\displaystyle ${tex}` : tex, element, { ...KATEX_OPTIONS, displayMode: false });
          element.classList.remove('tex-pending');
        },
        () => {
          if (cancelled) return;
          element.classList.remove('tex-pending');
          setFailed(true);
        },
      );
    };
    // Typeset when the formula comes near the screen: one formula is dozens of elements, and a
    // page of update rules below the fold (or in a closed panel) would add a thousand at boot.
    // The rest follow in idle time once the page is first used, so a fast scroll finds them
    // typeset rather than blank.
    void whenFirstUsed()
      .then(() => whenIdle(BACKGROUND_TIMEOUT_MS))
      .then(() => !cancelled && typeset(true));
    if (typeof IntersectionObserver !== 'function') {
      typeset(false);
      return () => {
        cancelled = true;
      };
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        observer.disconnect();
        typeset(false);
      },
      { rootMargin: '300px' },
    );
    observer.observe(element);
    return () => {
      cancelled = true;
      observer.disconnect();
    };
  }, [tex, block]);

  const classes = ['tex', block ? 'tex-block' : 'tex-inline', failed ? 'tex-raw' : '', className ?? ''].filter(Boolean).join(' ');
  return <span ref={ref} className={classes} />;
}
