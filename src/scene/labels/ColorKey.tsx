/**
 * The colour key: a horizontal viridis bar with loss values (evenly spaced in
 * height, so log height shows growing values), or the basin key while the basin
 * map colours this pane (BasinKey.tsx), plus the marker key. It sits in
 * the pane's caption strip below the picture, never over it, so it can hide no
 * path and no axis label; it is copied into PNG exports the same way.
 */
import { appMaps } from '../appBridge.ts';
import { formatNumber } from '../../view/format.ts';
import { colormapCss, colormapGradientCss } from '../../view/colormap.ts';
import { useBasinMap } from '../../view/mapResults.ts';
import { BasinKey, drawBasinKey } from './BasinKey.tsx';
import { mappedTicks, type HeightMapping } from '../surface/heightMapping.ts';

/** Bar length in units of the key's font size (CSS: `width: 15em`), so tick spacing scales with the type. */
const BAR_EM = 15;
/** Tick labels closer than this (in em) to the last labelled one get a mark but no number. */
const MIN_LABEL_GAP_EM = 3.4;

interface KeyTick {
  readonly value: number;
  readonly t: number;
  readonly labelled: boolean;
}

/** Ticks along the bar; labels are dropped where they would touch their neighbour. */
export function keyTicks(mapping: HeightMapping): KeyTick[] {
  let last = -Infinity;
  return mappedTicks(mapping, 5).map((tick) => {
    const at = tick.t * BAR_EM;
    const labelled = at - last >= MIN_LABEL_GAP_EM;
    if (labelled) last = at;
    return { ...tick, labelled };
  });
}

/** The loss key: the surface's viridis bar with its loss values. */
function LossKey({ mapping }: { mapping: HeightMapping }) {
  return (
    <div className="scene-key" aria-label={`Colour scale: loss from ${formatNumber(mapping.min)} to ${formatNumber(mapping.max)}${mapping.log ? ', log height' : ''}`}>
      <span className="scene-key-title">{mapping.log ? 'loss (log)' : 'loss'}</span>
      <span className="scene-key-scale">
        <span className="scene-key-bar" style={{ background: colormapGradientCss('to right') }} />
        {keyTicks(mapping).map((tick) => (
          <span key={tick.value} className="scene-key-tick" style={{ left: `${tick.t * 100}%` }}>
            {tick.labelled ? formatNumber(tick.value, 2) : ''}
          </span>
        ))}
      </span>
    </div>
  );
}

export function ColorKey({ pane, mapping, hasMinima }: { pane: number; mapping: HeightMapping; hasMinima: boolean }) {
  const basin = useBasinMap();
  return (
    <>
      {basin && basin.pane === pane ? <BasinKey data={basin} /> : <LossKey mapping={mapping} />}
      {/* A sibling of the key, so on a narrow pane it is what wraps to a second line. */}
      <span className="scene-key-markers">
        <span>
          <span className="scene-key-pin" aria-hidden="true" /> start
        </span>
        {hasMinima && (
          <>
            <span>
              ◆ global<span className="long"> min</span>
            </span>
            <span>
              ○ local<span className="long"> min</span>
            </span>
          </>
        )}
      </span>
    </>
  );
}

/** Width of the export's loss bar: as in the page, at most 15 em of 13 px. */
const EXPORT_BAR_PX = BAR_EM * 13;

/**
 * Draw a pane's caption strip onto a 2D context (PNG export): the caption text,
 * then the colour key this pane shows (the loss bar with its ticks, or the basin
 * key while the basin map colours pane `pane`), in the band from `top` to
 * `top + height` and from 0 to `width`. A key that does not fit beside the
 * caption goes on the next line; the bar shrinks to the pane, never past it.
 */
export function drawPaneFooter(context: CanvasRenderingContext2D, mapping: HeightMapping, caption: string, width: number, top: number, height: number, pane = 0): void {
  context.save();
  context.beginPath();
  context.rect(0, top, width, height);
  context.clip();
  context.fillStyle = '#121821';
  context.fillRect(0, top, width, height);
  context.textBaseline = 'middle';
  context.font = '600 14px system-ui, sans-serif';
  context.fillStyle = '#eef2f7';
  const lineHeight = Math.min(height, 40);
  let middle = top + lineHeight / 2;
  context.fillText(caption, 10, middle);
  let x = 20 + context.measureText(caption).width;
  const basin = appMaps.results.basin;
  if (basin && basin.pane === pane) {
    if (width - x < 200 && height >= 2 * lineHeight - 4) {
      x = 10;
      middle += lineHeight - 6;
    }
    drawBasinKey(context, basin, x, middle, width - 10);
    context.restore();
    return;
  }
  context.font = '13px system-ui, sans-serif';
  const title = mapping.log ? 'loss (log)' : 'loss';
  const titleWidth = context.measureText(title).width + 10;
  if (x + titleWidth + 120 > width - 20 && height >= 2 * lineHeight - 4) {
    x = 10;
    middle += lineHeight - 6;
  }
  context.fillText(title, x, middle);
  x += titleWidth;
  const barWidth = Math.max(40, Math.min(EXPORT_BAR_PX, width - x - 24));
  const gradient = context.createLinearGradient(x, 0, x + barWidth, 0);
  for (let i = 0; i <= 9; i++) gradient.addColorStop(i / 9, colormapCss(i / 9));
  context.fillStyle = gradient;
  context.fillRect(x, middle - 9, barWidth, 8);
  context.fillStyle = '#e6e9ef';
  context.font = '11px system-ui, sans-serif';
  context.textAlign = 'center';
  // Labels as far apart on the bar as in the page's key, scaled to the bar drawn here.
  const scale = barWidth / EXPORT_BAR_PX;
  let lastLabel = -Infinity;
  for (const tick of keyTicks(mapping)) {
    const tx = x + tick.t * barWidth;
    context.fillRect(tx - 0.5, middle - 1, 1, 4);
    if (!tick.labelled) continue;
    const label = formatNumber(tick.value, 2);
    const half = context.measureText(label).width / 2;
    if (tx - half < lastLabel + 4 * scale + 4) continue;
    context.fillText(label, tx, middle + 10);
    lastLabel = tx + half;
  }
  context.restore();
}
