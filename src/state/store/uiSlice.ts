/**
 * The ui slice: state that belongs to the page chrome, not to the setup. It
 * never travels in a link (presentation mode, open panels, chart series
 * toggles, the scenario whose text is showing).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store.ts';

/** From this width the control panel starts open beside the scene; narrower, it is a closed drawer. */
const WIDE_SCREEN_QUERY = '(min-width: 1100px)';

export interface ChartSeries {
  readonly logY: boolean;
  readonly gradNorm: boolean;
  readonly learningRate: boolean;
}

export interface UiSlice {
  readonly presentation: boolean;
  /** The control panel (a drawer on narrow screens). */
  readonly panelOpen: boolean;
  readonly shortcutsOpen: boolean;
  /** Id of the guided scenario whose text is shown, or null. */
  readonly scenarioId: string | null;
  readonly chart: ChartSeries;
  setPresentation(on: boolean): void;
  setPanelOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setScenarioId(id: string | null): void;
  setChart(patch: Partial<ChartSeries>): void;
}

/** True outside a browser and on screens wide enough for the panel beside the scene. */
function wideScreen(): boolean {
  return typeof window === 'undefined' || window.matchMedia?.(WIDE_SCREEN_QUERY).matches !== false;
}

export function createUiSlice(): StateCreator<AppState, [], [], UiSlice> {
  return (set) => ({
    presentation: false,
    panelOpen: wideScreen(),
    shortcutsOpen: false,
    scenarioId: null,
    chart: { logY: true, gradNorm: false, learningRate: false },
    // Presentation mode gives the room to the landscape: the controls close, and come back as they were for this width on leaving.
    setPresentation: (presentation) => set({ presentation, panelOpen: presentation ? false : wideScreen() }),
    setPanelOpen: (panelOpen) => set({ panelOpen }),
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    setScenarioId: (scenarioId) => set({ scenarioId }),
    setChart: (patch) => set((state) => ({ chart: { ...state.chart, ...patch } })),
  });
}
