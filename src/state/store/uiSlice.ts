/**
 * The ui slice: state that belongs to the page chrome, not to the setup. It
 * never travels in a link (presentation mode, open panels, chart series
 * toggles). The lesson being taught has its own slice (lessonSlice.ts).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { Playhead } from '../playhead.ts';
import type { AppState } from './store.ts';

/** From this width the control panel starts open beside the scene; narrower, it is a closed drawer. */
const WIDE_SCREEN_QUERY = '(min-width: 1100px)';

export interface ChartSeries {
  readonly logY: boolean;
  readonly gradNorm: boolean;
  readonly learningRate: boolean;
}

/** The chart's toggles on a fresh page (a link carries them only when they differ: link.ts). */
export const DEFAULT_CHART: ChartSeries = { logY: true, gradNorm: false, learningRate: false };

export interface UiSlice {
  readonly presentation: boolean;
  /** The control panel (a drawer on narrow screens). */
  readonly panelOpen: boolean;
  readonly shortcutsOpen: boolean;
  readonly chart: ChartSeries;
  /**
   * The timeline's whole step (0 … setup.steps), shared by every run: the balls, the chart's
   * cursor, the inspector and the model view follow it. Updated on every move of the timeline
   * and, while playing, a few times a second (the playhead itself moves every frame).
   */
  readonly timelineStep: number;
  /** The update inspector beside the landscape. */
  readonly inspectorOpen: boolean;
  setInspectorOpen(open: boolean): void;
  /** Move the timeline to `step` (rounded, clamped) and pause, in either playback mode. */
  seekStep(step: number): void;
  /** Move the timeline by `delta` whole steps from where it is and pause. */
  moveTimeline(delta: number): void;
  setPresentation(on: boolean): void;
  setPanelOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setChart(patch: Partial<ChartSeries>): void;
}

/** True outside a browser and on screens wide enough for the panel beside the scene. */
function wideScreen(): boolean {
  return typeof window === 'undefined' || window.matchMedia?.(WIDE_SCREEN_QUERY).matches !== false;
}

export interface UiDeps {
  readonly playhead: Playhead;
  /** Called after the timeline moves (arms the end-of-playback stop, writes timelineStep). */
  readonly afterPlayback: () => void;
}

export function createUiSlice(deps: UiDeps): StateCreator<AppState, [], [], UiSlice> {
  const { playhead, afterPlayback } = deps;
  return (set, get) => ({
    presentation: false,
    panelOpen: wideScreen(),
    shortcutsOpen: false,
    chart: DEFAULT_CHART,
    timelineStep: 0,
    inspectorOpen: false,
    setInspectorOpen: (inspectorOpen) => set({ inspectorOpen }),
    seekStep: (step) => {
      if (!Number.isFinite(step)) return;
      playhead.seek(Math.round(step));
      if (get().playing) set({ playing: false });
      afterPlayback();
    },
    moveTimeline: (delta) => {
      if (!Number.isFinite(delta)) return;
      get().seekStep(Math.floor(playhead.cursorAt()) + Math.round(delta));
    },
    // Presentation mode gives the room to the landscape: the controls close, and come back as they were for this width on leaving.
    setPresentation: (presentation) => set({ presentation, panelOpen: presentation ? false : wideScreen() }),
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    setChart: (patch) => set((state) => ({ chart: { ...state.chart, ...patch } })),
  });
}
