/**
 * "Write a lesson": a modal dialog where a teacher builds lessons from the
 * current setup and orders them into a class. Each lesson shares as a link
 * (copied) or a .json file; a .json file of a lesson or a class comes back in,
 * read by parseLesson with every problem named, as a link's would be. The class
 * is kept in this browser between visits, and taught in its order.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { MAX_LINK_LENGTH } from '../../../core/index.ts';
import { appStore } from '../../../state/app.ts';
import { checkDraft, idFromTitle, loadClass, moveItem, newLesson, readLessonFile, saveClass, serializeClass, type LessonClass } from '../../../state/lessons/draft.ts';
import { encodeLessonHash } from '../../../state/lessons/link.ts';
import { MAX_COURSE_LESSONS, type Lesson } from '../../../state/lessons/schema.ts';
import { serializeLesson } from '../../../state/lessons/serialize.ts';
import { downloadBlob } from '../../share/exportFiles.ts';
import { CloseIcon } from '../../widgets/icons.tsx';
import { openLesson } from '../motion.ts';
import { LessonForm } from './LessonForm.tsx';
import { ImportResult, type ImportReport } from './ImportResult.tsx';
import './editor.css';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The class as students get it (each lesson as parseLesson reads it; unusable drafts left out). */
function taughtClass(lessonClass: LessonClass): LessonClass {
  return { ...lessonClass, lessons: lessonClass.lessons.flatMap((lesson) => { const read = checkDraft(lesson); return read.ok ? [read.lesson] : []; }) };
}

export default function LessonEditor({ onClose }: { onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [lessonClass, setLessonClass] = useState<LessonClass>(() => loadClass(storage()));
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [fallbackLink, setFallbackLink] = useState<string | null>(null);
  const lesson: Lesson | undefined = lessonClass.lessons[Math.min(selected, lessonClass.lessons.length - 1)];
  const checked = useMemo(() => (lesson ? checkDraft(lesson) : null), [lesson]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => saveClass(lessonClass, storage()), [lessonClass]);

  const setLessons = (lessons: readonly Lesson[], select = selected) => {
    setLessonClass((old) => ({ ...old, lessons }));
    setSelected(Math.max(0, Math.min(select, lessons.length - 1)));
  };
  const updateLesson = (next: Lesson) => setLessons(lessonClass.lessons.map((old) => (old === lesson ? next : old)));
  const addLesson = (fresh: Lesson) => setLessons([...lessonClass.lessons, fresh].slice(0, MAX_COURSE_LESSONS), lessonClass.lessons.length);

  const startLesson = () => {
    const made = newLesson(appStore.getState().setup, lessonClass.lessons.map((entry) => entry.id));
    if (made.lesson) addLesson(made.lesson);
    setStatus(made.lesson ? `A new lesson on the current setup.${made.problems.length ? ` ${made.problems.join(' ')}` : ''}` : made.problems.join(' '));
  };

  /** The lesson as students get it, or null (with the reason said) when it cannot be used yet. */
  const shareable = (): Lesson | null => {
    if (!checked) return null;
    if (!checked.ok) setStatus(`${checked.error} See the list below the stages.`);
    return checked.ok ? checked.lesson : null;
  };

  const copyLink = async () => {
    const ready = shareable();
    if (!ready) return;
    const hash = `${encodeLessonHash(ready)}&stage=1`;
    if (hash.length > MAX_LINK_LENGTH) {
      setStatus('This lesson is too long for a link: share the .json file instead.');
      return;
    }
    const link = `${location.origin}${location.pathname}${location.search}${hash}`;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link);
      setFallbackLink(null);
      setStatus('Link copied: students who open it get this lesson, with only the controls you allowed.');
    } catch {
      setFallbackLink(link);
      setStatus('Copy the link from the field below.');
    }
  };

  const download = (text: string, name: string) => downloadBlob(new Blob([text], { type: 'application/json' }), name);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text().catch(() => null);
    if (text === null) {
      setReport({ name: file.name, ok: false, headline: 'This file could not be read.', problems: [] });
      return;
    }
    const read = readLessonFile(text);
    if (read.kind === 'lesson') {
      const { result } = read;
      const problems = result.problems.map((problem) => problem.message);
      if (result.ok) {
        const taken = lessonClass.lessons.map((entry) => entry.id);
        const imported = taken.includes(result.lesson.id) ? { ...result.lesson, id: idFromTitle(result.lesson.title, taken) } : result.lesson;
        addLesson(imported);
        setReport({ name: file.name, ok: true, headline: `Imported “${imported.title}”${problems.length ? `, read with ${problems.length} change${problems.length === 1 ? '' : 's'}` : ''}.`, problems });
      } else setReport({ name: file.name, ok: false, headline: result.error, problems });
      return;
    }
    if (read.ok) {
      setLessonClass(read.lessonClass);
      setSelected(0);
      setReport({ name: file.name, ok: true, headline: `Opened the class “${read.lessonClass.title}” (${read.lessonClass.lessons.length} lessons)${read.problems.length ? `, read with ${read.problems.length} changes` : ''}.`, problems: read.problems });
    } else setReport({ name: file.name, ok: false, headline: read.error, problems: read.problems });
  };

  const teach = () => {
    const taught = taughtClass(lessonClass);
    if (taught.lessons.length === 0) {
      setStatus('No lesson of this class is ready yet: see the list below the stages.');
      return;
    }
    openLesson(taught.lessons[0], taught);
    onClose();
  };

  return (
    <dialog ref={dialogRef} className="lesson-editor" aria-labelledby="lesson-editor-title" onClose={onClose}>
      <div className="editor-head">
        <h2 id="lesson-editor-title">Write a lesson</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close the lesson editor">
          <CloseIcon />
        </button>
      </div>
      <div className="editor-body">
        <section className="editor-class" aria-labelledby="editor-class-title">
          <h3 id="editor-class-title">Your class</h3>
          <label className="editor-field">
            <span className="field-label">Class title</span>
            <input type="text" value={lessonClass.title} maxLength={120} onChange={(event) => setLessonClass({ ...lessonClass, title: event.currentTarget.value, id: idFromTitle(event.currentTarget.value) })} />
          </label>
          {lessonClass.lessons.length ? (
            <ol className="editor-lesson-list">
              {lessonClass.lessons.map((entry, index) => (
                <li key={index} className={entry === lesson ? 'current' : ''}>
                  <button type="button" className="editor-pick" aria-current={entry === lesson ? 'true' : undefined} onClick={() => setSelected(index)}>
                    {index + 1}. {entry.title || 'Untitled'}
                  </button>
                  <span className="editor-list-actions">
                    <button type="button" className="icon-button" disabled={index === 0} onClick={() => setLessons(moveItem(lessonClass.lessons, index, index - 1), index - 1)} aria-label={`Move lesson ${index + 1} up`}>
                      ↑
                    </button>
                    <button type="button" className="icon-button" disabled={index === lessonClass.lessons.length - 1} onClick={() => setLessons(moveItem(lessonClass.lessons, index, index + 1), index + 1)} aria-label={`Move lesson ${index + 1} down`}>
                      ↓
                    </button>
                    <button type="button" className="icon-button danger" onClick={() => setLessons(lessonClass.lessons.filter((_, at) => at !== index), Math.max(0, index - 1))} aria-label={`Remove lesson ${index + 1}`}>
                      <CloseIcon />
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="field-hint">No lesson yet.</p>
          )}
          <button type="button" className="button primary" onClick={startLesson} disabled={lessonClass.lessons.length >= MAX_COURSE_LESSONS}>
            New lesson from the current setup
          </button>
          <label className="button file-button">
            Import a .json file
            <input type="file" accept=".json,application/json" className="visually-hidden" data-testid="lesson-import" onChange={(event) => { void importFile(event.currentTarget.files?.[0]); event.currentTarget.value = ''; }} />
          </label>
          {report ? <ImportResult report={report} /> : null}
          {lessonClass.lessons.length ? (
            <>
              <button type="button" className="button" onClick={teach}>
                Teach this class
              </button>
              <button type="button" className="button" onClick={() => download(serializeClass(taughtClass(lessonClass)), `${lessonClass.id}.json`)}>
                Download the class (.json)
              </button>
            </>
          ) : null}
        </section>
        {lesson && checked ? (
          <section className="editor-main" aria-label={`Lesson: ${lesson.title || 'untitled'}`}>
            <LessonForm lesson={lesson} problems={checked.problems} onChange={updateLesson} onStatus={setStatus} />
          </section>
        ) : (
          <section className="editor-main editor-empty" aria-labelledby="editor-empty-title">
            <h3 id="editor-empty-title">How a lesson is made</h3>
            <ol>
              <li>Set up the landscape and the runs in the app: the surface, the optimizers, their learning rates and starts. That setup becomes the lesson’s.</li>
              <li>“New lesson from the current setup” opens it here, with one stage.</li>
              <li>Each stage asks before it shows: a question with choices, a number, or a point to click on the landscape. The paths and curves stay hidden until the class answers.</li>
              <li>Write what the reveal explains, then teach the class, share its link, or download it as a file that another teacher can import.</li>
            </ol>
          </section>
        )}
      </div>
      <div className="editor-foot">
        <p className="editor-status" role="status">
          {status}
        </p>
        {fallbackLink !== null ? <input className="editor-link" readOnly value={fallbackLink} aria-label="Link to this lesson" onFocus={(event) => event.currentTarget.select()} /> : null}
        {lesson ? (
          <div className="editor-actions">
            <button type="button" className="button" onClick={() => { const ready = shareable(); if (ready) { openLesson(ready, taughtClass(lessonClass)); onClose(); } }}>
              Try it now
            </button>
            <button type="button" className="button" onClick={copyLink}>
              Copy link
            </button>
            <button type="button" className="button primary" onClick={() => { const ready = shareable(); if (ready) download(serializeLesson(ready), `${ready.id}.json`); }}>
              Download .json
            </button>
          </div>
        ) : null}
      </div>
    </dialog>
  );
}
