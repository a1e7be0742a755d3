/**
 * Single-key shortcuts: Space play/pause, ←/→ move the timeline one step (Shift: ten),
 * Home/End its first and last step, R reset, 1–9 and 0 select runs 1–10, ] and [ the next or
 * previous run (every run, up to the limit), N / B the next or previous lesson stage, ? the shortcut list, Escape closes overlays and leaves presentation mode. They act only when focus is
 * not in a text field, select or slider (WCAG 2.1.4), and never with Ctrl/Alt/⌘.
 */
import { useEffect } from 'react';
import { appStore } from '../../state/app.ts';
import { lessonKey } from '../lesson/motion.ts';

/** Shift+← / Shift+→ move the timeline this many steps. */
export const TIMELINE_BIG_STEP = 10;

/** The shortcut list the help overlay shows. */
export const SHORTCUTS: readonly { readonly keys: string; readonly action: string }[] = [
  { keys: 'Space', action: 'Play / pause the animation' },
  { keys: '← / →', action: 'Timeline: back / forward one step (Shift: ten)' },
  { keys: 'Home / End', action: 'Timeline: first / last step' },
  { keys: 'R', action: 'Reset playback to step 0' },
  { keys: '1 – 9, 0', action: 'Select run 1 – 9, 0 for run 10 (shows its update rule)' },
  { keys: '] / [', action: 'Select the next / previous run (reaches every run)' },
  { keys: 'N / B', action: 'In a lesson: next stage / back one stage' },
  { keys: '?', action: 'Show this list' },
  { keys: 'Esc', action: 'Close an overlay; leave presentation mode' },
];

/**
 * The run a selection key picks: a digit is the run at that place (0 is the tenth),
 * ] and [ step to the next or previous run from the selected one, wrapping around.
 */
export function runForKey<T extends { readonly id: string }>(key: string, runs: readonly T[], selectedRunId: string | null): T | undefined {
  if (key === ']' || key === '[') {
    if (runs.length === 0) return undefined;
    const at = runs.findIndex((run) => run.id === selectedRunId);
    if (at === -1) return key === ']' ? runs[0] : runs[runs.length - 1];
    return runs[(at + (key === ']' ? 1 : runs.length - 1)) % runs.length];
  }
  const place = key === '0' ? 10 : Number(key);
  return runs[place - 1];
}

/** True when a key press belongs to the focused control, not to the app. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    // Button-like inputs take no keys the app uses (Space is checked separately); radios take the arrows.
    return !['checkbox', 'button', 'submit', 'reset', 'color'].includes(type);
  }
  return target.getAttribute('role') === 'slider';
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const ui = appStore.getState();
      if (event.key === 'Escape') {
        // One overlay at a time: the shortcut list, then the controls drawer in presentation, then presentation itself.
        if (ui.shortcutsOpen) ui.setShortcutsOpen(false);
        else if (ui.presentation && ui.panelOpen) ui.setPanelOpen(false);
        else if (ui.presentation) ui.setPresentation(false);
        return;
      }
      if (isTypingTarget(event.target)) return;
      const app = appStore.getState();
      const key = event.key;
      if (key === ' ' || key === 'Spacebar') {
        // A focused button, checkbox, link or summary handles Space itself.
        if (event.target instanceof HTMLElement && event.target.closest('button, a, summary, input, [role="button"]')) return;
        app.togglePlay();
      } else if (key === 'ArrowRight' || key === 'ArrowLeft') {
        app.moveTimeline((key === 'ArrowRight' ? 1 : -1) * (event.shiftKey ? TIMELINE_BIG_STEP : 1));
      } else if (key === 'Home' || key === 'End') {
        app.seekStep(key === 'Home' ? 0 : app.setup.steps);
      } else if (key === 'r' || key === 'R') {
        app.resetPlayback();
      } else if (key === '?') {
        ui.setShortcutsOpen(true);
      } else if (lessonKey(key)) {
        // handled by the lesson
      } else if (/^[0-9]$/.test(key) || key === ']' || key === '[') {
        const run = runForKey(key, app.setup.runs, app.selectedRunId);
        if (!run) return;
        app.selectRun(run.id);
      } else {
        return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
