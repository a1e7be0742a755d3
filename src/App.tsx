import { lazy, Suspense } from 'react';
import { useAppStore } from './state/app.ts';
import { LossChart } from './ui/chart/LossChart.tsx';
import { LessonPanel } from './ui/lesson/LessonPanel.tsx';
import { ModelView } from './ui/model/ModelView.tsx';
import { ControlPanel } from './ui/panels/ControlPanel.tsx';
import { Header } from './ui/shell/Header.tsx';
import { SceneArea } from './ui/shell/SceneArea.tsx';
import { SceneLoadBoundary, ScenePlaceholder } from './ui/shell/ScenePlaceholder.tsx';
import { ShortcutsOverlay } from './ui/shell/ShortcutsOverlay.tsx';
import { useShortcuts } from './ui/shell/useShortcuts.ts';

/**
 * The 3D view and everything that imports three.js or @react-three/* arrive as a
 * separate chunk, so the shell (header, controls, chart, lesson text) paints first.
 */
const loadSceneView = () => import('./scene/pane/SceneView.tsx').then((module) => ({ default: module.SceneView }));
const SceneView = lazy(loadSceneView);
// The fetch starts as soon as this module runs, in parallel with the shell's first render (not after it).
void loadSceneView().catch(() => undefined);

/** One pane of the landscape: the 3D view, placed by the UI's SceneArea (ui and scene never import each other). */
const renderScenePane = (pane: number) => (
  <SceneLoadBoundary>
    <Suspense fallback={<ScenePlaceholder />}>
      <SceneView pane={pane} />
    </Suspense>
  </SceneLoadBoundary>
);

/**
 * The page: header, control panel, the scene with its legend, and the dock (the
 * loss chart and the lesson text: a row below the scene, a column beside it in
 * presentation mode; it takes more panels as they come).
 */
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
        <div className="dock">
          <LossChart />
          <ModelView />
          <LessonPanel />
        </div>
      </main>
      <ShortcutsOverlay />
    </div>
  );
}
