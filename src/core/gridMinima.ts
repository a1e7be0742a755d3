/**
 * The starting points of a search for minima on a sampled landscape: the grid
 * cells that are local minima of the samples.
 */

/**
 * Indices of an n × n grid (row-major) whose value is finite, no higher than any
 * finite one of its 8 neighbours and lower than one of them; lowest first, at most `most`.
 */
export function gridCandidates(values: ArrayLike<number>, n: number, most: number): number[] {
  const candidates: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const v = values[j * n + i];
      if (!Number.isFinite(v)) continue;
      let lowest = true;
      let strict = false;
      for (let dj = -1; dj <= 1 && lowest; dj++) {
        for (let di = -1; di <= 1; di++) {
          const ni = i + di;
          const nj = j + dj;
          if ((di === 0 && dj === 0) || ni < 0 || nj < 0 || ni >= n || nj >= n) continue;
          const w = values[nj * n + ni];
          if (!Number.isFinite(w)) continue;
          if (w < v) {
            lowest = false;
            break;
          }
          if (w > v) strict = true;
        }
      }
      if (lowest && strict) candidates.push(j * n + i);
    }
  }
  candidates.sort((a, b) => values[a] - values[b]);
  return candidates.slice(0, most);
}
