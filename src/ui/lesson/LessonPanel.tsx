/**
 * The lesson panel beside the chart: the lesson being taught (LessonStage), or
 * without one the surface's notes (SurfaceNotes). The lesson editor opens from
 * here as a dialog, loaded on first use.
 */
import { lazy, Suspense, useState } from 'react';
import { useAppStore } from '../../state/app.ts';
import { LessonStage } from './LessonStage.tsx';
import { SurfaceNotes } from './SurfaceNotes.tsx';

const LessonEditor = lazy(() => import('./editor/LessonEditor.tsx'));

export function LessonPanel() {
  const session = useAppStore((state) => state.lesson);
  const [editing, setEditing] = useState(false);
  const write = () => setEditing(true);
  return (
    <>
      {session ? <LessonStage session={session} onWrite={write} /> : <SurfaceNotes onWrite={write} />}
      {editing ? (
        <Suspense fallback={<p className="visually-hidden" role="status">Loading the lesson editor…</p>}>
          <LessonEditor onClose={() => setEditing(false)} />
        </Suspense>
      ) : null}
    </>
  );
}
