/**
 * Drawing the model a point of the landscape is, on a 2D canvas in CSS pixels:
 * for linear regression the data rows, the line w·u + b, each row's residual and
 * the mini-batch's rows; for a neural-net slice the network's decision regions
 * over the input plane and the training rows coloured by class.
 */
import { REGRESSION_INPUT_RANGE, type Domain } from '../../core/index.ts';

/** The two classes' colours (blue and orange, told apart with colour-blindness too) and the regions' tints. */
export const CLASS_COLORS = ['#4ea3ff', '#ff9f1c'] as const;
const CLASS_RGB = [
  [78, 163, 255],
  [255, 159, 28],
] as const;
const BACKGROUND = '#0b0e13';
const AXIS = '#3a4250';
const TEXT = '#c9d1dc';

export interface PlotBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** The square (or near-square) plot inside a canvas of width × height CSS pixels, with room for a caption line. */
export function plotBox(width: number, height: number, fontSize: number): PlotBox {
  const margin = 6;
  const caption = Math.ceil(fontSize * 1.4);
  const side = Math.max(10, Math.min(width - 2 * margin, height - caption - 2 * margin));
  return { left: Math.round((width - side) / 2), top: caption + margin, width: side, height: side };
}

function clear(context: CanvasRenderingContext2D, width: number, height: number, box: PlotBox): void {
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, width, height);
  context.strokeStyle = AXIS;
  context.lineWidth = 1;
  context.strokeRect(box.left + 0.5, box.top + 0.5, box.width - 1, box.height - 1);
}

function caption(context: CanvasRenderingContext2D, text: string, fontSize: number): void {
  context.fillStyle = TEXT;
  context.font = `${fontSize}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  context.fillText(text, 6, 4);
}

export interface RegressionPicture {
  /** Rows: u at 2i, target at 2i + 1. */
  readonly rows: Float64Array;
  readonly size: number;
  /** The run's (w, b) at the step, or null before any point has arrived. */
  readonly line: readonly [number, number] | null;
  /** Rows of the step's mini-batch (empty at full batch). */
  readonly batch: readonly number[];
  readonly color: string;
  readonly caption: string;
}

/** The target range drawn: the rows' range with a margin. */
export function regressionTargetRange(rows: Float64Array, size: number): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < size; i++) {
    low = Math.min(low, rows[2 * i + 1]);
    high = Math.max(high, rows[2 * i + 1]);
  }
  const pad = 0.12 * (high - low || 1);
  return [low - pad, high + pad];
}

export function drawRegression(context: CanvasRenderingContext2D, width: number, height: number, fontSize: number, picture: RegressionPicture): void {
  const box = plotBox(width, height, fontSize);
  clear(context, width, height, box);
  const [u0, u1] = REGRESSION_INPUT_RANGE;
  const [t0, t1] = regressionTargetRange(picture.rows, picture.size);
  const px = (u: number) => box.left + ((u - u0) / (u1 - u0)) * box.width;
  const py = (t: number) => box.top + box.height - ((t - t0) / (t1 - t0)) * box.height;
  context.save();
  context.beginPath();
  context.rect(box.left, box.top, box.width, box.height);
  context.clip();
  const inBatch = new Set(picture.batch);
  if (picture.line) {
    const [w, b] = picture.line;
    // Residuals: from each row to the line, straight up or down.
    context.lineWidth = 1;
    for (let i = 0; i < picture.size; i++) {
      const u = picture.rows[2 * i];
      context.strokeStyle = inBatch.has(i) ? picture.color : '#e0607080';
      context.beginPath();
      context.moveTo(px(u), py(picture.rows[2 * i + 1]));
      context.lineTo(px(u), py(w * u + b));
      context.stroke();
    }
    context.strokeStyle = picture.color;
    context.lineWidth = 2.5;
    context.beginPath();
    context.moveTo(px(u0), py(w * u0 + b));
    context.lineTo(px(u1), py(w * u1 + b));
    context.stroke();
  }
  for (let i = 0; i < picture.size; i++) {
    const chosen = inBatch.has(i);
    context.beginPath();
    context.arc(px(picture.rows[2 * i]), py(picture.rows[2 * i + 1]), chosen ? 4.5 : 2.6, 0, 2 * Math.PI);
    context.fillStyle = chosen ? picture.color : '#d8dee9';
    context.fill();
    if (chosen) {
      context.strokeStyle = '#ffffff';
      context.lineWidth = 1.5;
      context.stroke();
    }
  }
  context.restore();
  caption(context, picture.caption, fontSize);
}

export interface ClassifierPicture {
  /** P(class 1) over a resolution² grid of `domain`, row 0 at y.min (decisionGrid's layout), or null while untrained. */
  readonly probabilities: Float32Array | null;
  readonly resolution: number;
  readonly domain: Domain;
  readonly inputs: Float64Array;
  readonly labels: Float64Array;
  readonly size: number;
  readonly caption: string;
}

let regionCanvas: HTMLCanvasElement | null = null;

/** The regions as a resolution² image: each cell tinted toward the class the network favours, darker near p = ½. */
function regionImage(probabilities: Float32Array, resolution: number): HTMLCanvasElement | null {
  regionCanvas ??= document.createElement('canvas');
  regionCanvas.width = resolution;
  regionCanvas.height = resolution;
  const context = regionCanvas.getContext('2d');
  if (!context) return null;
  const image = context.createImageData(resolution, resolution);
  for (let j = 0; j < resolution; j++) {
    // Image rows run top-down; the grid's row 0 is y.min (the bottom).
    const row = resolution - 1 - j;
    for (let i = 0; i < resolution; i++) {
      const p = probabilities[j * resolution + i];
      const sure = Math.min(1, Math.abs(2 * p - 1));
      const [r, g, b] = CLASS_RGB[p >= 0.5 ? 1 : 0];
      const strength = 0.18 + 0.5 * sure;
      const k = 4 * (row * resolution + i);
      image.data[k] = Math.round(11 + (r - 11) * strength);
      image.data[k + 1] = Math.round(14 + (g - 14) * strength);
      image.data[k + 2] = Math.round(19 + (b - 19) * strength);
      image.data[k + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return regionCanvas;
}

export function drawClassifier(context: CanvasRenderingContext2D, width: number, height: number, fontSize: number, picture: ClassifierPicture): void {
  const box = plotBox(width, height, fontSize);
  clear(context, width, height, box);
  const { domain } = picture;
  const px = (x: number) => box.left + ((x - domain.x[0]) / (domain.x[1] - domain.x[0])) * box.width;
  const py = (y: number) => box.top + box.height - ((y - domain.y[0]) / (domain.y[1] - domain.y[0])) * box.height;
  if (picture.probabilities) {
    const image = regionImage(picture.probabilities, picture.resolution);
    if (image) {
      context.imageSmoothingEnabled = true;
      context.drawImage(image, box.left + 1, box.top + 1, box.width - 2, box.height - 2);
    }
  }
  for (let i = 0; i < picture.size; i++) {
    context.beginPath();
    context.arc(px(picture.inputs[2 * i]), py(picture.inputs[2 * i + 1]), 2.8, 0, 2 * Math.PI);
    context.fillStyle = CLASS_COLORS[picture.labels[i] === 1 ? 1 : 0];
    context.fill();
    context.strokeStyle = '#0b0e13';
    context.lineWidth = 1;
    context.stroke();
  }
  caption(context, picture.caption, fontSize);
}
