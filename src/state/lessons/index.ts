/**
 * Lessons (issue 15): the format, reading and writing it, the setup a lesson
 * opens, its placeholders, and the course. See README.md beside this file.
 */
export * from './schema.ts';
export { parseLesson, parseLessonJson, parseCourse, isValidLesson, crossFieldErrors, DEFAULT_MINUTES, DEFAULT_TITLE } from './parse.ts';
export type { ParsedLesson, ParsedCourse, LessonProblem } from './parse.ts';
export { serializeLesson, serializeCourse, compactLesson, formatJson } from './serialize.ts';
export { encodeLessonHash, decodeLessonHash, bytesToBase64Url, base64UrlToBytes } from './link.ts';
export { lessonSetup } from './build.ts';
export { fillPlaceholders, formatNumber, parsePlaceholder, placeholdersIn, placeholderText } from './placeholders.ts';
export type { Placeholder, PlaceholderValues } from './placeholders.ts';
export { lessonFingerprint, lessonWords } from './claims.ts';
export type { Claim, CourseLesson } from './claims.ts';
export { COURSE, COURSE_LESSONS, LESSONS, lessonById } from './course/index.ts';
