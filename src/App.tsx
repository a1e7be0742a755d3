import { ControlPanel } from './ui/ControlPanel.tsx';
import { Header } from './ui/Header.tsx';
import { LossChart } from './ui/LossChart.tsx';
import { SceneArea } from './ui/SceneArea.tsx';
import { ScenarioPanel } from './ui/ScenarioPanel.tsx';
import { ShortcutsOverlay } from './ui/ShortcutsOverlay.tsx';
import { useAppStore } from './state/app.ts';
import { useShortcuts } from './ui/useShortcuts.ts';

/** The page: header, control panel, the scene with its legend, the loss chart and the lesson text. */
export function App() {
  const presentation = useAppStore((state) => state.presentation);
  const panelOpen = useAppStore((state) => state.panelOpen);
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
