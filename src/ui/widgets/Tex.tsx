/**
 * Typeset TeX with KaTeX, loaded on first use (script and CSS together) so the
 * first page load stays small. Fonts come from the bundle: works offline.
 * Only our own formulas are typeset, still with `trust: false` and size limits.
 */
import type Katex from 'katex';
import { useEffect, useRef, useState } from 'react';

let katexPromise: Promise<typeof Katex> | null = null;

/** Load KaTeX and its stylesheet once; later calls share the same promise. */
export function loadKatex(): Promise<typeof Katex> {
  katexPromise ??= Promise.all([import('katex'), import('katex/dist/katex.min.css')]).then(([module]) => module.default);
  return katexPromise;
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

/** A formula; shows the raw TeX until KaTeX has loaded (and if it fails to load). */
export function Tex({ tex, block = false, className }: TexProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    // The span's content belongs to this effect, not to React: raw TeX first, then KaTeX's output.
    if (ref.current) ref.current.textContent = tex;
    loadKatex().then(
      (katex) => {
        if (cancelled || !ref.current) return;
        // Block formulas are set in display style but inline mode, so long ones wrap at + and = instead of overflowing.
        katex.render(block ? `\\displaystyle ${tex}` : tex, ref.current, { ...KATEX_OPTIONS, displayMode: false });
      },
      () => {
        if (!cancelled) setFailed(true);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [tex, block]);

  const classes = ['tex', block ? 'tex-block' : 'tex-inline', failed ? 'tex-raw' : '', className ?? ''].filter(Boolean).join(' ');
  return <span ref={ref} className={classes} />;
}
