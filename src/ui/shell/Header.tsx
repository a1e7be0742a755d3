/**
 * The header: title, guided scenarios, Copy link, Export, presentation mode,
 * the controls drawer toggle and the shortcut list.
 */
import { appStore, useAppStore } from '../../state/app.ts';
import { SCENARIOS, scenarioById } from '../../state/scenarios.ts';
import { CopyLink } from '../share/CopyLink.tsx';
import { ExportMenu } from '../share/ExportMenu.tsx';

/** Load a scenario: its setup replaces the current one, its text shows beside the chart. */
export function loadScenario(id: string): void {
  const scenario = scenarioById(id);
  if (!scenario) return;
  const app = appStore.getState();
  app.replaceSetup(scenario.build());
  app.selectRun(null);
  app.resetPlayback();
  appStore.getState().setScenarioId(id);
}

export function Header() {
  const presentation = useAppStore((state) => state.presentation);
  const setPresentation = useAppStore((state) => state.setPresentation);
  const panelOpen = useAppStore((state) => state.panelOpen);
  const setPanelOpen = useAppStore((state) => state.setPanelOpen);
  const scenarioId = useAppStore((state) => state.scenarioId);
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
        <label className="visually-hidden" htmlFor="scenario-picker">
          Guided scenario
        </label>
        <select
          id="scenario-picker"
          className="scenario-picker"
          value={scenarioId ?? ''}
          onChange={(event) => {
            if (event.currentTarget.value) loadScenario(event.currentTarget.value);
          }}
        >
          <option value="" disabled>
            Guided scenarios…
          </option>
          {SCENARIOS.map((scenario, index) => (
            <option key={scenario.id} value={scenario.id}>
              {index + 1}. {scenario.title}
            </option>
          ))}
        </select>
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
