/**
 * One lesson being taught: where it sits in its course (lesson 3 of 15), which
 * stage is shown (stage 2 of 4), the stage's text, its question while open, and
 * after the answer what happened — the explanation with its placeholders filled
 * from the engine's real paths — then Back and Next. A live region announces
 * each reveal; focus moves to what appeared, so a keyboard walk never gets lost.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { appResults, appStore, useAppStore } from '../../state/app.ts';
import { describeSetupChanges, setupChanges } from '../../state/lessons/changes.ts';
import { judge } from '../../state/lessons/guess.ts';
import { fillPlaceholders, type PlaceholderPath } from '../../state/lessons/placeholders.ts';
import { describeStageView, stageView } from '../../state/lessons/stageView.ts';
import type { LessonSession } from '../../state/store/lessonSlice.ts';
import { CloseIcon } from '../widgets/icons.tsx';
import { LessonProgress } from './LessonProgress.tsx';
import { animateReveals, openLesson } from './motion.ts';
import { QuestionForm } from './QuestionForm.tsx';
import { UpdateRules } from './SurfaceNotes.tsx';

/** The runs' paths as the placeholders read them, in setup order (empty before a run has arrived). */
function currentPaths(session: LessonSession | null): PlaceholderPath[] {
  const runs = appStore.getState().setup.runs;
  if (!session) return [];
  return runs.map((run) => {
    const result = appResults.runs.get(run.id);
    const empty = new Float64Array(0);
    if (!result || result.status === 'computing' || result.status === 'error') return { x: empty, y: empty, loss: empty, length: 0, diverged: false, divergedAt: -1 };
    return { x: result.x, y: result.y, loss: result.loss, length: result.length, diverged: result.status === 'diverged', divergedAt: result.divergedAt };
  });
}

export function LessonStage({ session, onWrite }: { session: LessonSession; onWrite: () => void }) {
  const id = useId();
  const setup = useAppStore((state) => state.setup);
  const resultsVersion = useAppStore((state) => state.resultsVersion);
  const changes = useAppStore((state) => (state.lesson ? describeSetupChanges(setupChanges(state.lesson.setup, state.setup)) : null));
  const { lesson, stage, revealed, guess, course } = session;
  const current = lesson.stages[stage];
  const question = current.question;
  const view = stageView(lesson, stage, revealed, setup);
  // The paths change when results arrive (resultsVersion) or the setup does.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const paths = useMemo(() => currentPaths(session), [session, setup, resultsVersion]);
  const verdict = question && revealed ? judge(question, guess, paths) : null;
  const values = verdict?.values ?? { runs: paths };
  const text = fillPlaceholders(current.text, { runs: paths });
  const explanation = current.explanation !== undefined && revealed ? fillPlaceholders(current.explanation, values) : null;
  // An explanation that quotes the guess itself gets the short comparison, so nothing is said twice.
  const quotesGuess = current.explanation !== undefined && /\{(guess|miss)\}/.test(current.explanation);
  const courseIndex = course ? course.lessons.findIndex((entry) => entry.id === lesson.id) : -1;
  const nextLesson = course && courseIndex >= 0 ? course.lessons[courseIndex + 1] : undefined;
  const previousLesson = course && courseIndex > 0 ? course.lessons[courseIndex - 1] : undefined;
  const last = stage === lesson.stages.length - 1;
  const optimizers = [...new Set(setup.runs.map((run) => run.optimizer))];
  // The rules are typeset only once someone opens them.
  const [rulesOpen, setRulesOpen] = useState(false);

  // Focus follows what the learner asked for: the result after a reveal, the text after moving on.
  const focusTarget = useRef<'stage' | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusTarget.current === 'stage') stageRef.current?.focus();
    focusTarget.current = null;
  });
  // Announced when it changes: what a reveal brought (a stage change is announced by the focus moving to it).
  const announcement = revealed && session.reveals > 0 ? `Revealed: ${describeStageView(view)}.` : '';
  // Every answer or skip moves focus to what happened.
  const wasRevealed = useRef(revealed);
  useEffect(() => {
    if (revealed && !wasRevealed.current && question) resultRef.current?.focus();
    wasRevealed.current = revealed;
  }, [revealed, question]);

  const goTo = (index: number) => {
    focusTarget.current = 'stage';
    appStore.getState().goToStage(index, animateReveals());
  };
  const goToLesson = (target: NonNullable<typeof nextLesson>) => {
    focusTarget.current = 'stage';
    openLesson(target, course);
  };

  return (
    <section className="text-panel lesson-panel" aria-labelledby={`${id}-title`} data-stage={stage + 1} data-revealed={revealed}>
      <div className="lesson-head">
        <div className="lesson-head-text">
          {course && courseIndex >= 0 ? (
            <p className="lesson-course">
              Lesson {courseIndex + 1} of {course.lessons.length}
              <span className="muted"> · {course.title}</span>
            </p>
          ) : (
            <p className="lesson-course">Lesson</p>
          )}
          <h2 id={`${id}-title`} className="lesson-title">
            {lesson.title}
          </h2>
        </div>
        <button type="button" className="icon-button" onClick={() => appStore.getState().closeLesson()} aria-label="Close the lesson">
          <CloseIcon />
        </button>
      </div>
      <LessonProgress course={course} courseIndex={courseIndex} stage={stage} stages={lesson.stages.length} onStage={goTo} />
      {session.problems.length ? (
        <details className="lesson-problems">
          <summary>
            Read with {session.problems.length} change{session.problems.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {session.problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {changes ? (
        <div className="lesson-changed">
          <p>{changes}</p>
          <button type="button" className="button" onClick={() => appStore.getState().restoreLessonSetup()}>
            Restore the lesson’s setup
          </button>
        </div>
      ) : null}
      <div ref={stageRef} className="lesson-stage" tabIndex={-1} role="group" aria-label={`Stage ${stage + 1} of ${lesson.stages.length}`}>
        <p className="lesson-text">{text}</p>
        {question && !revealed ? <QuestionForm key={`${lesson.id}:${stage}`} question={question} stageNumber={stage + 1} /> : null}
        {!question && explanation ? <p className="lesson-explanation">{explanation}</p> : null}
      </div>
      {verdict ? (
        <div ref={resultRef} className={`lesson-result${verdict.close ? ' close' : ''}`} tabIndex={-1} role="group" aria-labelledby={`${id}-result`}>
          <h3 id={`${id}-result`} className="lesson-result-title">
            What happened
          </h3>
          <p className="lesson-verdict">{quotesGuess ? verdict.brief : verdict.summary}</p>
          {explanation ? <p className="lesson-explanation">{explanation}</p> : null}
          <button type="button" className="link-button" onClick={() => appStore.getState().replayReveal()}>
            Replay the paths
          </button>
        </div>
      ) : null}
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
      <nav className="lesson-nav" aria-label="Lesson stages">
        {stage > 0 ? (
          <button type="button" className="button" onClick={() => goTo(stage - 1)}>
            Back
          </button>
        ) : previousLesson ? (
          <button type="button" className="button" onClick={() => goToLesson(previousLesson)}>
            Previous lesson
          </button>
        ) : (
          <span />
        )}
        {!last ? (
          <button type="button" className="button primary" onClick={() => goTo(stage + 1)}>
            Next
          </button>
        ) : nextLesson ? (
          <button type="button" className="button primary" onClick={() => goToLesson(nextLesson)}>
            Next lesson: {nextLesson.title}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => appStore.getState().closeLesson()}>
            Finish the lesson
          </button>
        )}
      </nav>
      {view.model !== null ? <p className="field-hint">This stage also shows the model of run {view.model + 1}, which this version does not draw yet.</p> : null}
      <details className="lesson-rules" onToggle={(event) => setRulesOpen(event.currentTarget.open)}>
        <summary>Update rules</summary>
        {rulesOpen ? <UpdateRules optimizers={optimizers} /> : null}
      </details>
      <p className="muted small">
        <button type="button" className="link-button" onClick={onWrite}>
          Write your own lesson
        </button>
      </p>
    </section>
  );
}
