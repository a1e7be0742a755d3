import { SceneView } from './scene/pane/SceneView.tsx';
import { useAppStore } from './state/app.ts';
import { LossChart } from './ui/chart/LossChart.tsx';
import { LessonPanel } from './ui/lesson/LessonPanel.tsx';
import { ControlPanel } from './ui/panels/ControlPanel.tsx';
import { Header } from './ui/shell/Header.tsx';
import { SceneArea } from './ui/shell/SceneArea.tsx';
import { ShortcutsOverlay } from './ui/shell/ShortcutsOverlay.tsx';
import { useShortcuts } from './ui/shell/useShortcuts.ts';

/** One pane of the landscape: the 3D view, placed by the UI's SceneArea (ui and scene never import each other). */
const renderScenePane = (pane: number) => <SceneView pane={pane} />;

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
        <SceneArea renderPane={renderScenePane} />
        <div className="bottom-row">
          <LossChart />
          <LessonPanel />
        </div>
      </main>
      <ShortcutsOverlay />
    </div>
  );
}
