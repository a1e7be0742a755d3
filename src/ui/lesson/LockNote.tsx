/**
 * What a lesson does to the controls (its `controls` flags): a hidden control is
 * not rendered at all; a locked one is disabled, with this note saying why.
 */
import { useAppStore } from '../../state/app.ts';
import type { ControlFlag } from '../../state/lessons/schema.ts';
import { lessonControl } from '../../state/store/lessonSlice.ts';

/** True when the lesson being taught sets `flag`. */
export function useLessonControl(flag: ControlFlag): boolean {
  return useAppStore((state) => lessonControl(state, flag));
}

export function LockNote({ children }: { children: string }) {
  return (
    <p className="lock-note">
      <span aria-hidden="true">🔒 </span>
      {children}
    </p>
  );
}
