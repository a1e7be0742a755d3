/**
 * Counters for end-to-end tests and benchmarks (window.__descentScene): frames drawn, the last
 * render's duration, surface builds still under way, and panes whose next frame is held while
 * their shaders compile (shaderWarmup.ts; what is on screen then is an older frame, or nothing after
 * a resize). The scene is settled when no frame is drawn, none is building and none is held.
 */
export interface SceneCounters {
  frames: number;
  lastFrameMs: number;
  building: number;
  holding: number;
}

export function sceneCounters(): SceneCounters {
  const host = window as unknown as { __descentScene?: SceneCounters };
  host.__descentScene ??= { frames: 0, lastFrameMs: 0, building: 0, holding: 0 };
  return host.__descentScene;
}
