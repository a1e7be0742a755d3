/**
 * Counters for end-to-end tests and benchmarks (window.__descentScene): frames drawn, the last
 * render's duration, and surface builds still under way (the scene is settled when no frame is
 * drawn and none is building).
 */
export interface SceneCounters {
  frames: number;
  lastFrameMs: number;
  building: number;
}

export function sceneCounters(): SceneCounters {
  const host = window as unknown as { __descentScene?: SceneCounters };
  host.__descentScene ??= { frames: 0, lastFrameMs: 0, building: 0 };
  return host.__descentScene;
}
