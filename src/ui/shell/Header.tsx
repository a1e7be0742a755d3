/**
 * The header: title, the Lessons menu, Copy link, Export, presentation mode,
 * the controls drawer toggle and the shortcut list.
 */
import { useAppStore } from '../../state/app.ts';
import { LessonPicker } from '../lesson/LessonPicker.tsx';
import { CopyLink } from '../share/CopyLink.tsx';
import { ExportMenu } from '../share/ExportMenu.tsx';

export function Header() {
  const presentation = useAppStore((state) => state.presentation);
  const setPresentation = useAppStore((state) => state.setPresentation);
  const panelOpen = useAppStore((state) => state.panelOpen);
  const setPanelOpen = useAppStore((state) => state.setPanelOpen);
  const setShortcutsOpen = useAppStore((state) => state.setShortcutsOpen);

  return (
    <header className="app-header">
      <button type="button" className="button panel-toggle" aria-expanded={panelOpen} aria-controls="control-panel" onClick={() => setPanelOpen(!panelOpen)}>
        <span aria-hidden="true">☰</span> Controls
      </button>
      <h1 className="app-title">
        <span className="logo" aria-hidden="true" />
        Descent Lab
      </h1>
      <div className="header-tools">
        <LessonPicker />
        <CopyLink />
        <ExportMenu />
        <button type="button" className="button" aria-pressed={presentation} onClick={() => setPresentation(!presentation)}>
          Presentation
        </button>
        <button type="button" className="button icon" onClick={() => setShortcutsOpen(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="Shift+?">
          ?
        </button>
      </div>
    </header>
  );
}
