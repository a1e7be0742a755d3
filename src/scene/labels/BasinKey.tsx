/**
 * The basin map's own key, shown in a pane's caption strip instead of the loss
 * key while the basin map colours that pane's surface: one swatch per known
 * minimum (named by its number and place, global or local), then "no minimum"
 * and "diverged". The same entries are drawn into PNG exports.
 */
import type { BasinData } from '../../state/maps/types.ts';
import { formatPoint } from '../../view/format.ts';
import { basinColor, DIVERGED_COLOR, NOT_CONVERGED_COLOR } from '../../view/mapColors.ts';
import './basinKey.css';

/** Up to this many minima, each swatch also says where its minimum is. */
const PLACES_UP_TO = 4;

export interface BasinKeyEntry {
  readonly color: string;
  /** "min 1", "no minimum", "diverged". */
  readonly name: string;
  /** Where the minimum is ("(1, 1)"), when there are few; dropped first on a narrow pane. */
  readonly place: string | null;
  /** "global" or "local" for a minimum. */
  readonly depth: string | null;
  /** All of it in words ("min 1 (1, 1) global"). */
  readonly label: string;
}

/** The key's entries, minima first. */
export function basinKeyEntries(data: Pick<BasinData, 'minima' | 'global'>): BasinKeyEntry[] {
  const withPlaces = data.minima.length <= PLACES_UP_TO;
  const entry = (color: string, name: string, place: string | null, depth: string | null): BasinKeyEntry => ({
    color,
    name,
    place,
    depth,
    label: [name, place, depth].filter((part) => part !== null).join(' '),
  });
  return [
    ...data.minima.map(([x, y], index) => entry(basinColor(index), `min ${index + 1}`, withPlaces ? formatPoint(x, y) : null, data.global[index] ? 'global' : 'local')),
    entry(NOT_CONVERGED_COLOR, 'no minimum', null, null),
    entry(DIVERGED_COLOR, 'diverged', null, null),
  ];
}

export function BasinKey({ data }: { data: BasinData }) {
  const entries = basinKeyEntries(data);
  return (
    <div className="scene-key basin-key" data-testid="basin-key" aria-label={`Colour key: basins of attraction; ${entries.map((entry) => entry.label).join(', ')}`}>
      <span className="scene-key-title">basins</span>
      {entries.map((entry) => (
        <span key={entry.name} className="basin-key-entry">
          <span className="basin-key-swatch" style={{ background: entry.color }} aria-hidden="true" />
          {entry.name}
          {entry.place ? <span className="basin-key-place"> {entry.place}</span> : null}
          {entry.depth ? ` ${entry.depth}` : ''}
        </span>
      ))}
    </div>
  );
}

/** Draws the basin key from `x` along the line at `middle` (PNG export); returns where it ended. */
export function drawBasinKey(context: CanvasRenderingContext2D, data: BasinData, x: number, middle: number, right: number): number {
  context.save();
  context.textBaseline = 'middle';
  context.textAlign = 'left';
  context.font = '600 13px system-ui, sans-serif';
  context.fillStyle = '#eef2f7';
  context.fillText('basins', x, middle);
  let at = x + context.measureText('basins').width + 10;
  let line = middle;
  context.font = '12px system-ui, sans-serif';
  for (const entry of basinKeyEntries(data)) {
    const width = 16 + context.measureText(entry.label).width;
    if (at + width > right && at > x + 60) {
      at = x;
      line += 16;
    }
    context.fillStyle = entry.color;
    context.fillRect(at, line - 5, 11, 11);
    context.strokeStyle = '#5c6675';
    context.strokeRect(at + 0.5, line - 4.5, 10, 10);
    context.fillStyle = '#e6e9ef';
    context.fillText(entry.label, at + 15, line);
    at += width + 10;
  }
  context.restore();
  return at;
}
