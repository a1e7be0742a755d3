/**
 * The header's Lessons menu: the course's lessons in lecture order, and the
 * teacher's lesson being taught when it is not one of them. Choosing one loads
 * its setup and opens its first stage.
 */
import { useAppStore } from '../../state/app.ts';
import { COURSE, LESSONS, lessonById } from '../../state/lessons/course/index.ts';
import { openLesson } from './motion.ts';

/** The option value of a lesson that is not one of the course's. */
const OWN = '__own';

/** `onChosen` runs after a lesson was picked (the folded header menu closes). */
export function LessonPicker({ onChosen }: { onChosen?: () => void } = {}) {
  const session = useAppStore((state) => state.lesson);
  const value = session === null ? '' : session.builtIn ? session.lesson.id : OWN;
  return (
    <>
      <label className="visually-hidden" htmlFor="lesson-picker">
        Lesson
      </label>
      <select
        id="lesson-picker"
        className="lesson-picker"
        value={value}
        onChange={(event) => {
          const lesson = lessonById(event.currentTarget.value);
          if (lesson) openLesson(lesson);
          onChosen?.();
        }}
      >
        <option value="" disabled>
          Lessons…
        </option>
        <optgroup label={COURSE.title}>
          {COURSE.lessons.map((id, index) => (
            <option key={id} value={id}>
              {index + 1}. {lessonById(id)?.title ?? id}
            </option>
          ))}
        </optgroup>
        <optgroup label="More lessons">
          {LESSONS.filter((lesson) => !COURSE.lessons.includes(lesson.id)).map((lesson) => (
            <option key={lesson.id} value={lesson.id}>
              {lesson.title}
            </option>
          ))}
        </optgroup>
        {session && !session.builtIn ? (
          <optgroup label="Your lesson">
            <option value={OWN}>{session.lesson.title}</option>
          </optgroup>
        ) : null}
      </select>
    </>
  );
}
