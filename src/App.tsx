import { lazy, Suspense } from 'react';
import { useAppStore } from './state/app.ts';
import { LossChart } from './ui/chart/LossChart.tsx';
import { InspectorPanel } from './ui/inspector/InspectorPanel.tsx';
import { TimelineBar } from './ui/inspector/TimelineBar.tsx';
import { LessonPanel } from './ui/lesson/LessonPanel.tsx';
import { ModelView } from './ui/model/ModelView.tsx';
import { ControlPanel } from './ui/panels/ControlPanel.tsx';
import { AfterFirstPaint, FirstPaintSignal } from './ui/shell/AfterFirstPaint.tsx';
import { Header } from './ui/shell/Header.tsx';
import { SceneArea } from './ui/shell/SceneArea.tsx';
import { SceneLoadBoundary, ScenePlaceholder } from './ui/shell/ScenePlaceholder.tsx';
import { ShortcutsOverlay } from './ui/shell/ShortcutsOverlay.tsx';
import { useShortcuts } from './ui/shell/useShortcuts.ts';

/**
 * The 3D view and everything that imports three.js or @react-three/* arrive as a
 * separate chunk, requested once the shell (header, controls, chart, lesson text)
 * has painted: evaluating three.js (a long task) never delays the first paint.
 */
const SceneView = lazy(() => import('./scene/pane/SceneView.tsx').then((module) => ({ default: module.SceneView })));

/** One pane of the landscape: the 3D view, placed by the UI's SceneArea (ui and scene never import each other). */
const renderScenePane = (pane: number) => (
  <SceneLoadBoundary>
    <Suspense fallback={<ScenePlaceholder pane={pane} />}>
      <AfterFirstPaint>
        <SceneView pane={pane} />
      </AfterFirstPaint>
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
        <TimelineBar />
        <InspectorPanel />
        <div className="dock">
          <LossChart />
          <ModelView />
          <LessonPanel />
        </div>
      </main>
      <ShortcutsOverlay />
      <FirstPaintSignal />
    </div>
  );
}
