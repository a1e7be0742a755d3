/**
 * What importing a file did, field by field: the lesson or class it opened and
 * every change parseLesson had to make, or why nothing could be used.
 */

export interface ImportReport {
  readonly name: string;
  readonly ok: boolean;
  readonly headline: string;
  /** parseLesson's messages, one per field it could not use as written. */
  readonly problems: readonly string[];
}

export function ImportResult({ report }: { report: ImportReport }) {
  return (
    <div className={`editor-import ${report.ok ? 'ok' : 'failed'}`} role={report.ok ? 'status' : 'alert'} data-testid="lesson-import-result">
      <p>
        <span className="muted">{report.name}: </span>
        {report.headline}
      </p>
      {report.problems.length ? (
        <ul className="editor-problems">
          {report.problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
