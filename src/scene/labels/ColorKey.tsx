/**
 * The colour key: a vertical viridis bar with loss values (evenly spaced in
 * height, so log height shows growing values), plus the marker key. HTML, large
 * enough to read on a projector, and copied into PNG exports.
 */
import { formatNumber } from '../../view/format.ts';
import { colormapCss, colormapGradientCss } from '../../view/colormap.ts';
import { mappedTicks, type HeightMapping } from '../surface/heightMapping.ts';

const BAR_HEIGHT = 170;

export function ColorKey({ mapping, hasMinima }: { mapping: HeightMapping; hasMinima: boolean }) {
  const ticks = mappedTicks(mapping, 6);
  return (
    <div className="scene-legend" aria-label={`Colour scale: loss from ${formatNumber(mapping.min)} to ${formatNumber(mapping.max)}${mapping.log ? ', log height' : ''}`}>
      <div className="scene-legend-title">{mapping.log ? 'loss (log)' : 'loss'}</div>
      <div className="scene-legend-scale" style={{ height: BAR_HEIGHT }}>
        <div className="scene-legend-bar" style={{ background: colormapGradientCss('to top') }} />
        {ticks.map((tick) => (
          <div key={tick.value} className="scene-legend-tick" style={{ bottom: tick.t * BAR_HEIGHT }}>
            {formatNumber(tick.value, 2)}
          </div>
        ))}
      </div>
      <div className="scene-legend-key">
        <span>
          <span className="scene-key-pin" aria-hidden="true" /> start
        </span>
        {hasMinima && (
          <>
            <span>◆ global min</span>
            <span>○ local min</span>
          </>
        )}
      </div>
    </div>
  );
}

/** Draw the colour key onto a 2D context (PNG export, 2D fallback), top-right of a width × height area. */
export function drawColorKey(context: CanvasRenderingContext2D, mapping: HeightMapping, width: number): void {
  const x = width - 100;
  const y = 50;
  const gradient = context.createLinearGradient(0, y + BAR_HEIGHT, 0, y);
  context.save();
  context.fillStyle = 'rgba(15, 17, 23, 0.78)';
  context.fillRect(x - 12, y - 34, 100, BAR_HEIGHT + 50);
  context.font = '600 14px system-ui, sans-serif';
  context.fillStyle = '#e6e9ef';
  context.textBaseline = 'middle';
  context.fillText(mapping.log ? 'loss (log)' : 'loss', x, y - 14);
  for (let i = 0; i <= 9; i++) gradient.addColorStop(i / 9, colormapCss(i / 9));
  context.fillStyle = gradient;
  context.fillRect(x, y, 14, BAR_HEIGHT);
  context.font = '13px system-ui, sans-serif';
  context.fillStyle = '#e6e9ef';
  for (const tick of mappedTicks(mapping, 6)) {
    const ty = y + BAR_HEIGHT - tick.t * BAR_HEIGHT;
    context.fillRect(x + 14, ty - 0.5, 5, 1);
    context.fillText(formatNumber(tick.value, 2), x + 23, ty);
  }
  context.restore();
}
