/**
 * What Newton's method is about to do, said in the run's card: where the
 * Hessian H is not positive definite (at the start, or where the path ends),
 * the step −H⁻¹g points at a saddle or a maximum of the local quadratic model,
 * not downhill. Read from the pane's surface and the run's result buffers at
 * human speed (the results revision), never per step.
 */
import { hessianAt, symmetricEigenvalues, type Surface } from '../../core/index.ts';
import { appResults, useAppStore } from '../../state/app.ts';
import type { RunConfig } from '../../state/setup.ts';
import { useSurfaceById } from '../../state/surfaceOf.ts';
import { paneSurfaceId } from '../../view/catalog.ts';
import { formatNumber, formatPoint } from '../../view/format.ts';
import { useResultsRevision } from './useResultsRevision.ts';

/** The two curvatures of H at (x, y), smaller first; null where they are not finite. */
export function curvaturesAt(surface: Surface, x: number, y: number): [number, number] | null {
  const h = new Float64Array(3);
  hessianAt(surface, x, y, h);
  const [low, high] = symmetricEigenvalues(h[0], h[1], h[2]);
  return Number.isFinite(low) && Number.isFinite(high) ? [low, high] : null;
}

/** "a saddle" (curvatures of both signs), "a maximum" (both negative) or "a flat direction" (one zero). */
export function kindOfPoint([low, high]: readonly [number, number]): string {
  if (high < 0) return 'a maximum';
  if (low < 0) return 'a saddle';
  return 'a flat direction';
}

function describe(where: string, point: readonly [number, number], curvatures: readonly [number, number]): string {
  return `H is not positive definite ${where} ${formatPoint(point[0], point[1])} (curvatures ${formatNumber(curvatures[0])} and ${formatNumber(curvatures[1])}): Newton's step heads for ${kindOfPoint(curvatures)} of the local model, not downhill.`;
}

export function NewtonNote({ run }: { run: RunConfig }) {
  const surfaceId = useAppStore((state) => paneSurfaceId(state.setup, run.pane));
  const bowlCondition = useAppStore((state) => state.setup.bowlCondition);
  const custom = useAppStore((state) => state.setup.custom);
  const globalStart = useAppStore((state) => state.setup.start);
  const surface = useSurfaceById(surfaceId, bowlCondition, custom);
  useResultsRevision();
  if (!surface) return null;
  const start = run.start ?? globalStart;
  const atStart = curvaturesAt(surface, start[0], start[1]);
  const result = appResults.runs.get(run.id);
  const last = result && result.length > 1 ? result.length - 1 : -1;
  const end: [number, number] | null = result && last > 0 ? [result.x[last], result.y[last]] : null;
  const atEnd = end ? curvaturesAt(surface, end[0], end[1]) : null;
  const notes: string[] = [];
  if (atStart && atStart[0] <= 0) notes.push(describe('at the start', start, atStart));
  if (end && atEnd && atEnd[0] <= 0) notes.push(`${notes.length > 0 ? 'It is still not' : 'H is not'} positive definite where the path ends, ${formatPoint(end[0], end[1])} (curvatures ${formatNumber(atEnd[0])} and ${formatNumber(atEnd[1])}): that is ${kindOfPoint(atEnd)}, not a minimum.`);
  if (notes.length === 0) return <p className="field-hint">H is positive definite at the start: Newton's step points at the minimum of the local quadratic model.</p>;
  return (
    <div className="field-warning" role="status" data-testid="newton-note">
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}
