import { ControlPanel } from './ui/panels/ControlPanel.tsx';
import { Header } from './ui/shell/Header.tsx';
import { LossChart } from './ui/chart/LossChart.tsx';
import { SceneArea } from './ui/shell/SceneArea.tsx';
import { ScenarioPanel } from './ui/lesson/ScenarioPanel.tsx';
import { ShortcutsOverlay } from './ui/shell/ShortcutsOverlay.tsx';
import { useUiStore } from './ui/shell/uiStore.ts';
import { useShortcuts } from './ui/shell/useShortcuts.ts';

/** The page: header, control panel, the scene with its legend, the loss chart and the lesson text. */
export function App() {
  const presentation = useUiStore((state) => state.presentation);
  const panelOpen = useUiStore((state) => state.panelOpen);
  useShortcuts();

  return (
    <div className={`app${presentation ? ' presentation' : ''}${panelOpen ? ' panel-open' : ' panel-closed'}`}>
      <Header />
      <ControlPanel />
      <main className="stage">
        <SceneArea />
        <div className="bottom-row">
          <LossChart />
          <ScenarioPanel />
        </div>
      </main>
      <ShortcutsOverlay />
    </div>
  );
}
