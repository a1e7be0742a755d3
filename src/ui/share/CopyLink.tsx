/**
 * "Copy link": the current setup (and the lesson and stage being taught, and the chart's toggles) as a URL on the clipboard. Where the clipboard
 * API is missing or refused (insecure origin, permissions), a read-only field
 * shows the link selected, ready for Ctrl+C.
 */
import { useEffect, useRef, useState } from 'react';
import { appStore } from '../../state/app.ts';
import { lessonLink } from '../../state/lessonLink.ts';
import { encodeChartToggles } from '../../state/link.ts';

export function CopyLink() {
  const [copied, setCopied] = useState(false);
  const [fallbackLink, setFallbackLink] = useState<string | null>(null);
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (fallbackLink !== null) fieldRef.current?.select();
  }, [fallbackLink]);

  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    const { setup, lesson, chart } = appStore.getState();
    const link = `${lessonLink(location.href, setup, lesson)}${encodeChartToggles(chart)}`;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setFallbackLink(null);
      setCopied(true);
    } catch {
      setFallbackLink(link);
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={copy} aria-describedby="copy-link-status">
        {copied ? 'Copied ✓' : 'Copy link'}
      </button>
      <span id="copy-link-status" className="visually-hidden" aria-live="polite">
        {copied ? 'Link copied to the clipboard.' : ''}
      </span>
      {fallbackLink !== null ? (
        <div
          className="popover copy-fallback"
          role="dialog"
          aria-label="Copy this link"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setFallbackLink(null);
          }}
        >
          <label htmlFor="copy-link-field">Copy this link (Ctrl+C / ⌘C):</label>
          <input id="copy-link-field" ref={fieldRef} readOnly value={fallbackLink} onFocus={(event) => event.currentTarget.select()} />
          <button type="button" className="button" onClick={() => setFallbackLink(null)}>
            Done
          </button>
        </div>
      ) : null}
    </div>
  );
}
