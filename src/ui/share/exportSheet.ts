/**
 * The PNG export's sheet: the panes as on screen (view/paneRegistry.ts
 * composePanes, with their axis labels and colour keys), then a band below them
 * with a caption (the surfaces, how many runs, the shared settings) and the runs
 * legend (each visible run's colour, number, optimizer, settings and status), so
 * a picture pasted into slides says what it shows. Nothing is drawn over a pane.
 */
import { OPTIMIZERS } from '../../core/index.ts';
import type { Setup } from '../../state/setup.ts';
import { paneSurfaceLabel } from '../../view/catalog.ts';
import { formatInteger, formatPoint } from '../../view/format.ts';
import { keyParameters } from '../runs/RunsLegend.tsx';

export interface LegendLine {
  readonly color: string;
  readonly text: string;
}

/** "Valleys · 3 runs · 200 steps · start (1.5, 2)"; with panes, each pane's surface by number. */
export function exportCaption(setup: Setup): string {
  const surfaces = setup.panes.length === 1 ? paneSurfaceLabel(setup, 0) : setup.panes.map((_, pane) => `pane ${pane + 1}: ${paneSurfaceLabel(setup, pane)}`).join(' · ');
  const visible = setup.runs.filter((run) => run.visible).length;
  const runs = `${visible} run${visible === 1 ? '' : 's'}${visible < setup.runs.length ? ` shown of ${setup.runs.length}` : ''}`;
  return `${surfaces} · ${runs} · ${formatInteger(setup.steps)} steps · start ${formatPoint(setup.start[0], setup.start[1])}`;
}

/** One line per visible run, as the legend names it; `statusOf` gives its status in words, or null to leave it out (a lesson still asking). */
export function exportLegend(setup: Setup, statusOf: (runId: string) => string | null): LegendLine[] {
  return setup.runs.flatMap((run, index) => {
    if (!run.visible) return [];
    const parts = [`${index + 1} · ${OPTIMIZERS[run.optimizer].label}`, keyParameters(run, setup.datasetSize)];
    if (run.start) parts.push(`start ${formatPoint(run.start[0], run.start[1])}`);
    if (setup.panes.length > 1) parts.push(`pane ${Math.min(run.pane, setup.panes.length - 1) + 1}`);
    const status = statusOf(run.id);
    return [{ color: run.color, text: `${parts.join(' · ')}${status ? ` — ${status}` : ''}` }];
  });
}

const PAD = 12;
const CAPTION_LINE = 22;
const ROW = 19;
const COLUMN_MIN = 480;

/** Where the band's rows go: how many columns fit `width` (CSS px) and how tall the band is. */
export function sheetLayout(width: number, lines: number): { columns: number; columnWidth: number; bandHeight: number } {
  const columns = Math.max(1, Math.min(lines, Math.floor((width - 2 * PAD) / COLUMN_MIN)));
  const rows = Math.ceil(lines / columns);
  return { columns, columnWidth: (width - 2 * PAD) / columns, bandHeight: PAD + CAPTION_LINE + rows * ROW + PAD };
}

/** `text` cut with an ellipsis to fit `width` in the context's current font. */
function fitText(context: CanvasRenderingContext2D, text: string, width: number): string {
  if (context.measureText(text).width <= width) return text;
  let end = text.length;
  while (end > 1 && context.measureText(`${text.slice(0, end)}…`).width > width) end--;
  return `${text.slice(0, end)}…`;
}

/** A new canvas: `panes` (drawn at `ratio` device pixels per CSS pixel) above the caption and legend band. */
export function drawExportSheet(panes: HTMLCanvasElement, ratio: number, caption: string, legend: readonly LegendLine[]): HTMLCanvasElement {
  const width = panes.width / ratio;
  const layout = sheetLayout(width, legend.length);
  const sheet = document.createElement('canvas');
  sheet.width = panes.width;
  sheet.height = panes.height + Math.round(layout.bandHeight * ratio);
  const context = sheet.getContext('2d');
  if (!context) throw new Error('This browser cannot create an image to export.');
  context.drawImage(panes, 0, 0);
  context.setTransform(ratio, 0, 0, ratio, 0, panes.height);
  context.fillStyle = '#121821';
  context.fillRect(0, 0, width, layout.bandHeight);
  context.fillStyle = '#2c3647';
  context.fillRect(0, 0, width, 1);
  context.textBaseline = 'middle';
  context.font = '600 14px system-ui, sans-serif';
  context.fillStyle = '#eef2f7';
  context.fillText(fitText(context, `Descent Lab — ${caption}`, width - 2 * PAD), PAD, PAD + CAPTION_LINE / 2 - 2);
  context.font = '12.5px system-ui, sans-serif';
  const rows = Math.ceil(legend.length / layout.columns);
  legend.forEach((line, index) => {
    const column = Math.floor(index / rows);
    const row = index % rows;
    const x = PAD + column * layout.columnWidth;
    const y = PAD + CAPTION_LINE + row * ROW + ROW / 2;
    context.fillStyle = line.color;
    context.beginPath();
    context.arc(x + 6, y, 5.5, 0, Math.PI * 2);
    context.fill();
    context.fillStyle = '#e6e9ef';
    context.fillText(fitText(context, line.text, layout.columnWidth - 24), x + 17, y);
  });
  return sheet;
}
