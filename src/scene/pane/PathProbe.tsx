/**
 * A test-only hook, like the frame counters: `window.__descentScene.panes[pane].pathPoints()`
 * returns where each visible run's drawn points are on screen (client px), so an
 * end-to-end test can check that no legend, key or label covers a path. Computed
 * on demand from the path buffers and the current camera: it costs nothing per frame.
 */
import { useThree } from '@react-three/fiber';
import { useEffect } from 'react';
import { Vector3 } from 'three';
import type { PathBuffers } from '../paths/pathGeometry.ts';
import { sceneCounters, type SceneCounters } from './sceneCounters.ts';

/** What a run path offers the probe: its buffers and the last step drawn, or null when nothing is drawn. */
export type PathSource = () => { readonly buffers: PathBuffers; readonly lastStep: number } | null;

export interface ProjectedPath {
  readonly runId: string;
  /** Client-space points [x0, y0, x1, y1, …] of every drawn step, in view. */
  readonly points: number[];
}

interface SceneHooks extends SceneCounters {
  panes?: Record<number, { pathPoints(): ProjectedPath[] }>;
}

export function PathProbe({ pane, sources }: { pane: number; sources: Map<string, PathSource> }) {
  const camera = useThree((s) => s.camera);
  const canvas = useThree((s) => s.gl.domElement);
  useEffect(() => {
    // The same object as the frame counters.
    const hooks: SceneHooks = sceneCounters();
    const panes = (hooks.panes ??= {});
    const entry = {
      pathPoints(): ProjectedPath[] {
        const rect = canvas.getBoundingClientRect();
        const point = new Vector3();
        const paths: ProjectedPath[] = [];
        for (const [runId, source] of sources) {
          const drawn = source();
          if (!drawn) continue;
          const { positions, stepVertex } = drawn.buffers;
          const points: number[] = [];
          for (let step = 0; step <= drawn.lastStep; step++) {
            const v = stepVertex[step] * 3;
            point.set(positions[v], positions[v + 1], positions[v + 2]).project(camera);
            if (Math.abs(point.x) > 1 || Math.abs(point.y) > 1 || point.z > 1) continue;
            points.push(rect.left + ((point.x + 1) / 2) * rect.width, rect.top + ((1 - point.y) / 2) * rect.height);
          }
          paths.push({ runId, points });
        }
        return paths;
      },
    };
    panes[pane] = entry;
    return () => {
      if (panes[pane] === entry) delete panes[pane];
    };
  }, [pane, sources, camera, canvas]);
  return null;
}
