/**
 * "Your own function": a text field for f(x, y) and its domain. The text is
 * parsed as the person types (debounced) by the lazily loaded parser; a
 * function that parses is committed to the store, so the scene and the paths
 * follow it, and an error is shown inline (where, and what was expected) while
 * the last valid function stays on screen. The text is only ever parsed, never
 * run as code.
 */
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { MAX_COORDINATE } from '../../core/index.ts';
import type { Domain } from '../../core/types.ts';
import { useAppStore } from '../../state/app.ts';
import { customSurfaceResult, expressionErrorSentence, expressionParserFailure, subscribeExpressionParser, useExpressionParser } from '../../state/customSurface.ts';
import type { CustomSurface } from '../../state/setup.ts';
import { NumberField } from '../widgets/NumberField.tsx';
import { replacesDraft, sameCustom } from './customDraft.ts';

/** Ready-made functions to start from: a narrow bowl, many local minima, a curved valley. */
export const CUSTOM_EXAMPLES: readonly (CustomSurface & { readonly label: string })[] = [
  { label: 'Narrow bowl', expression: 'x^2 + 10*y^2', domain: { x: [-3, 3], y: [-3, 3] } },
  { label: 'Egg crate', expression: 'sin(3x) * cos(y) + 0.1(x^2 + y^2)', domain: { x: [-4, 4], y: [-4, 4] } },
  { label: 'Rosenbrock', expression: '(1 - x)^2 + 100 (y - x^2)^2', domain: { x: [-2, 2], y: [-1, 3] } },
];

/** What "Custom f(x, y)…" shows first when no function was typed yet. */
export const DEFAULT_CUSTOM: CustomSurface = CUSTOM_EXAMPLES[1];

/** Wait after the last keystroke before parsing, ms. */
const PARSE_DELAY_MS = 150;
/** Characters of context shown either side of an error. */
const EXCERPT_CONTEXT = 32;

type ExpressionError = { readonly message: string; readonly position: number; readonly length: number; readonly expected: readonly string[] };

/** The text around the error with carets under the offending part (monospace, so they line up). */
function ErrorExcerpt({ text, error }: { readonly text: string; readonly error: ExpressionError }) {
  const position = Math.min(Math.max(0, error.position), text.length);
  const start = Math.max(0, position - EXCERPT_CONTEXT);
  const end = Math.min(text.length, position + Math.max(1, error.length) + EXCERPT_CONTEXT);
  const before = start > 0 ? '…' : '';
  const after = end < text.length ? '…' : '';
  const shown = `${before}${text.slice(start, end)}${after}`.replace(/\s/g, ' ');
  const carets = Math.max(1, Math.min(error.length, end - position));
  return (
    <pre className="custom-error-excerpt" aria-hidden="true">
      {shown}
      {'\n'}
      {' '.repeat(before.length + position - start)}
      <span className="custom-error-caret">{'^'.repeat(carets)}</span>
    </pre>
  );
}

export function CustomSurfacePanel() {
  const custom = useAppStore((state) => state.setup.custom);
  const setCustomSurface = useAppStore((state) => state.setCustomSurface);
  const parser = useExpressionParser(true);
  const loadFailure = useSyncExternalStore(subscribeExpressionParser, expressionParserFailure, expressionParserFailure);
  const id = useId();
  const inputId = `${id}-expression`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const [text, setText] = useState((custom ?? DEFAULT_CUSTOM).expression);
  const [domain, setDomain] = useState<Domain>((custom ?? DEFAULT_CUSTOM).domain);
  const draft = useMemo<CustomSurface>(() => ({ expression: text, domain }), [text, domain]);
  const [checked, setChecked] = useState(draft);
  // A function set from elsewhere (a link, a lesson, undo) replaces the draft; the panel's own
  // commit of the last checked draft coming back does not (keys typed since would be lost).
  const [seenCustom, setSeenCustom] = useState(custom);
  if (custom !== seenCustom) {
    setSeenCustom(custom);
    if (custom && replacesDraft(custom, { expression: text, domain }, checked)) {
      setText(custom.expression);
      setDomain(custom.domain);
    }
  }

  useEffect(() => {
    if (checked === draft) return undefined;
    const timer = setTimeout(() => setChecked(draft), PARSE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, checked]);

  const result = useMemo(() => (parser ? customSurfaceResult(checked) : null), [parser, checked]);

  // Commit each newly checked draft once, if it parsed; never re-commit an old draft over a newer function from elsewhere.
  const handled = useRef<CustomSurface | null>(custom ? checked : null);
  useEffect(() => {
    if (result === null || handled.current === checked) return;
    handled.current = checked;
    if (result.ok && !sameCustom(custom, checked)) setCustomSurface(checked);
  }, [result, checked, custom, setCustomSurface]);

  const error = result && !result.ok ? result.error : null;
  // What the scene shows meanwhile: the committed function, if it parses (a link may carry one that does not).
  const committedOk = custom !== null && parser !== null && customSurfaceResult(custom)?.ok === true;
  const textError = error && error.position >= 0 ? error : null;
  const domainProblem = error && error.position < 0 ? error : null;
  const warning = result?.ok ? result.surface.warning : null;
  const describedBy = [hintId, textError ? errorId : null].filter(Boolean).join(' ');
  const setAxis = (axis: 'x' | 'y', end: 0 | 1, value: number) => {
    const range: [number, number] = [domain[axis][0], domain[axis][1]];
    range[end] = value;
    setDomain({ ...domain, [axis]: range });
  };

  return (
    <div className="custom-surface" role="group" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="custom-surface-title">
        Your own function
      </h3>
      <div className="field-block">
        <label htmlFor={inputId} className="field-label">
          f(x, y) =
        </label>
        <input
          id={inputId}
          className={['custom-expression', textError ? 'invalid' : ''].filter(Boolean).join(' ')}
          type="text"
          value={text}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-invalid={textError ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        <p id={hintId} className="field-hint">
          Use x, y, numbers, + − * / ^, pi, e and functions such as sin, exp, log, sqrt, abs, min, max. 2x means 2*x.
        </p>
      </div>
      <div className="custom-status" aria-live="polite">
        {!parser && !loadFailure ? <p className="field-hint">Loading the function parser…</p> : null}
        {!parser && loadFailure ? <p className="custom-error">The function parser could not be loaded ({loadFailure}). Reload the page to try again.</p> : null}
        {textError ? (
          <div id={errorId} className="custom-error" data-testid="custom-error">
            <p>{expressionErrorSentence(textError)}</p>
            <ErrorExcerpt text={checked.expression} error={textError} />
          </div>
        ) : null}
        {error && custom && committedOk && !sameCustom(custom, checked) ? (
          <p className="field-hint">
            Still showing the last valid function: <code className="custom-last">{custom.expression}</code>
          </p>
        ) : null}
        {warning ? (
          <p className="custom-warning" data-testid="custom-warning">
            Warning: {warning}; paths stop where it is not finite.
          </p>
        ) : null}
      </div>
      <fieldset className="custom-domain">
        <legend className="field-label">Domain</legend>
        <div className="field-grid">
          <NumberField label="x from" value={domain.x[0]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(value) => setAxis('x', 0, value)} />
          <NumberField label="x to" value={domain.x[1]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(value) => setAxis('x', 1, value)} />
          <NumberField label="y from" value={domain.y[0]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(value) => setAxis('y', 0, value)} />
          <NumberField label="y to" value={domain.y[1]} min={-MAX_COORDINATE} max={MAX_COORDINATE} onCommit={(value) => setAxis('y', 1, value)} />
        </div>
        <div aria-live="polite">{domainProblem ? <p className="custom-error">The domain is not usable: {domainProblem.message}.</p> : null}</div>
      </fieldset>
      <div className="custom-examples" role="group" aria-label="Examples">
        <span className="field-label">Examples</span>
        {CUSTOM_EXAMPLES.map((example) => (
          <button
            key={example.label}
            type="button"
            className="button custom-example"
            title={example.expression}
            onClick={() => {
              setText(example.expression);
              setDomain(example.domain);
            }}
          >
            {example.label}
          </button>
        ))}
      </div>
    </div>
  );
}
