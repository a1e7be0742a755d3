/**
 * State that belongs to the page chrome, not to the setup: it never travels in
 * a link (presentation mode, open panels, chart series toggles, the scenario
 * whose text is showing).
 */
import { create } from 'zustand';

export interface UiState {
  readonly presentation: boolean;
  /** The control panel (a drawer on narrow screens). */
  readonly panelOpen: boolean;
  readonly shortcutsOpen: boolean;
  /** Id of the guided scenario whose text is shown, or null. */
  readonly scenarioId: string | null;
  readonly chart: { readonly logY: boolean; readonly gradNorm: boolean; readonly learningRate: boolean };
  setPresentation(on: boolean): void;
  setPanelOpen(open: boolean): void;
  setShortcutsOpen(open: boolean): void;
  setScenarioId(id: string | null): void;
  setChart(patch: Partial<UiState['chart']>): void;
}

/** True when the control panel fits beside the scene (it is a drawer or bottom sheet below 1100 px). */
const isWide = () => typeof window === 'undefined' || window.matchMedia?.('(min-width: 1100px)').matches !== false;

export const useUiStore = create<UiState>()((set) => ({
  presentation: false,
  panelOpen: isWide(),
  shortcutsOpen: false,
  scenarioId: null,
  chart: { logY: true, gradNorm: false, learningRate: false },
  // Presentation mode gives the room to the landscape: the controls close, and come back as they were for this width on leaving.
  setPresentation: (presentation) => set({ presentation, panelOpen: presentation ? false : isWide() }),
  setPanelOpen: (panelOpen) => set({ panelOpen }),
  setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
  setScenarioId: (scenarioId) => set({ scenarioId }),
  setChart: (patch) => set((state) => ({ chart: { ...state.chart, ...patch } })),
}));
