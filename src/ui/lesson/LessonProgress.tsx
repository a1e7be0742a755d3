/**
 * Where the learner is: a bar for the lesson's place in its course and one dot
 * per stage (each a button that goes to that stage; the current one marked).
 */
import type { LessonCourse } from '../../state/store/lessonSlice.ts';

interface LessonProgressProps {
  readonly course: LessonCourse | null;
  /** The lesson's place in the course, from 0 (−1: not in it). */
  readonly courseIndex: number;
  readonly stage: number;
  readonly stages: number;
  readonly onStage: (stage: number) => void;
}

export function LessonProgress({ course, courseIndex, stage, stages, onStage }: LessonProgressProps) {
  return (
    <div className="lesson-progress">
      {course && courseIndex >= 0 ? (
        <progress className="course-progress" max={course.lessons.length} value={courseIndex + 1} aria-label={`Course progress: lesson ${courseIndex + 1} of ${course.lessons.length}`} />
      ) : null}
      <div className="stage-steps">
        <span className="stage-count">
          Stage {stage + 1} of {stages}
        </span>
        {stages > 1 ? (
          <ol className="stage-dots" aria-label="Stages">
            {Array.from({ length: stages }, (_, index) => (
              <li key={index}>
                <button
                  type="button"
                  className={`stage-dot${index === stage ? ' current' : ''}${index < stage ? ' done' : ''}`}
                  aria-current={index === stage ? 'step' : undefined}
                  aria-label={`Stage ${index + 1}`}
                  onClick={() => onStage(index)}
                />
              </li>
            ))}
          </ol>
        ) : null}
      </div>
    </div>
  );
}
