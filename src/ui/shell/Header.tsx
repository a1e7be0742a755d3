/**
 * The header: title, the Lessons menu, Copy link, Export, presentation mode,
 * the controls toggle and the shortcut list. Below 900 px (phones, portrait
 * tablets) and in presentation mode on small projectors the tools fold into a
 * menu, so every action stays one tap away without overflowing the width.
 */
import { useAppStore } from '../../state/app.ts';
import { LessonPicker } from '../lesson/LessonPicker.tsx';
import { CopyLink } from '../share/CopyLink.tsx';
import { ExportMenu } from '../share/ExportMenu.tsx';
import { useMenu } from '../widgets/useMenu.ts';

export function Header() {
  const presentation = useAppStore((state) => state.presentation);
  const setPresentation = useAppStore((state) => state.setPresentation);
  const panelOpen = useAppStore((state) => state.panelOpen);
  const setPanelOpen = useAppStore((state) => state.setPanelOpen);
  const setShortcutsOpen = useAppStore((state) => state.setShortcutsOpen);
  const { open: menuOpen, setOpen: setMenuOpen, rootRef: headerRef } = useMenu<HTMLElement>();

  return (
    <header className="app-header" ref={headerRef}>
      <button type="button" className="button panel-toggle" aria-expanded={panelOpen} aria-controls="control-panel" onClick={() => setPanelOpen(!panelOpen)}>
        <span aria-hidden="true">☰</span> Controls
      </button>
      <h1 className="app-title">
        <span className="logo" aria-hidden="true" />
        <span className="title-text">Descent Lab</span>
      </h1>
      {presentation ? (
        <button type="button" className="button exit-presentation" onClick={() => setPresentation(false)} aria-label="Exit presentation" aria-keyshortcuts="Escape">
          Exit<span className="exit-long"> presentation</span> <kbd aria-hidden="true">Esc</kbd>
        </button>
      ) : null}
      <button type="button" className="button menu-toggle" aria-expanded={menuOpen} aria-controls="header-tools" onClick={() => setMenuOpen(!menuOpen)}>
        Menu <span aria-hidden="true">▾</span>
      </button>
      <div id="header-tools" className={`header-tools${menuOpen ? ' open' : ''}`}>
        <LessonPicker onChosen={() => setMenuOpen(false)} />
        <CopyLink />
        <ExportMenu />
        {presentation ? null : (
          <button type="button" className="button" aria-pressed={false} onClick={() => setPresentation(true)}>
            Presentation
          </button>
        )}
        <button type="button" className="button icon shortcuts-button" onClick={() => setShortcutsOpen(true)} aria-label="Keyboard shortcuts" aria-keyshortcuts="Shift+?">
          ?<span className="menu-label"> Keyboard shortcuts</span>
        </button>
      </div>
    </header>
  );
}
