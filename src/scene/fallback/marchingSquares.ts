/**
 * Iso-lines of a grid by marching squares (Lorensen & Cline's 2D case): for each
 * cell, the corners above the level form one of 16 cases, each giving zero, one
 * or two segments between linearly interpolated edge crossings. Saddle cells
 * (cases 5 and 10) are resolved by the cell's mean value. Computed once per field,
 * never per frame.
 */

/**
 * Segments of the iso-line `values == level`, as [x0, y0, x1, y1, …] in grid
 * coordinates (column, row). `values` is width × height, row-major.
 */
export function isoSegments(values: ArrayLike<number>, width: number, height: number, level: number, out: number[] = []): number[] {
  for (let j = 0; j < height - 1; j++) {
    for (let i = 0; i < width - 1; i++) {
      const a = values[j * width + i]; // (i, j)
      const b = values[j * width + i + 1]; // (i+1, j)
      const c = values[(j + 1) * width + i + 1]; // (i+1, j+1)
      const d = values[(j + 1) * width + i]; // (i, j+1)
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Edge crossings: bottom (a–b), right (b–c), top (d–c), left (a–d).
      const bottom = (): [number, number] => [i + (level - a) / (b - a), j];
      const right = (): [number, number] => [i + 1, j + (level - b) / (c - b)];
      const top = (): [number, number] => [i + (level - d) / (c - d), j + 1];
      const left = (): [number, number] => [i, j + (level - a) / (d - a)];
      const push = (p: [number, number], q: [number, number]) => out.push(p[0], p[1], q[0], q[1]);
      switch (code) {
        case 1: case 14: push(left(), bottom()); break;
        case 2: case 13: push(bottom(), right()); break;
        case 3: case 12: push(left(), right()); break;
        case 4: case 11: push(right(), top()); break;
        case 6: case 9: push(bottom(), top()); break;
        case 7: case 8: push(left(), top()); break;
        case 5: case 10: {
          const centreAbove = (a + b + c + d) / 4 > level;
          // Case 5: a and c above. If the centre is above, a and c connect through it.
          if ((code === 5) === centreAbove) {
            push(left(), top());
            push(bottom(), right());
          } else {
            push(left(), bottom());
            push(right(), top());
          }
          break;
        }
      }
    }
  }
  return out;
}

/** Iso-lines at every level; result[k] holds the segments of levels[k]. */
export function contourLines(values: ArrayLike<number>, width: number, height: number, levels: readonly number[]): Float32Array[] {
  return levels.map((level) => Float32Array.from(isoSegments(values, width, height, level)));
}

/** `count` levels evenly spaced strictly inside (0, 1): the contour levels in mapped (t) space. */
export function contourLevels(count: number): number[] {
  return Array.from({ length: count }, (_, k) => (k + 1) / (count + 1));
}
