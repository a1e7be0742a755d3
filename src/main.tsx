import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { appStore, startApp } from './state/app.ts';
import { applyLessonLink, initialSetup, startPersistence } from './state/persist.ts';
// The look, room by room. The order is the cascade: base first, responsive (tablets, presentation) last.
import './ui/shell/base.css';
import './ui/shell/layout.css';
import './ui/widgets/widgets.css';
import './ui/runs/runs.css';
import './ui/chart/chart.css';
import './ui/lesson/lesson.css';
import './ui/share/share.css';
import './ui/panels/customSurface.css';
import './ui/maps/maps.css';
import './ui/shell/responsive.css';

const root = document.getElementById('root');
if (!root) throw new Error('Descent Lab: #root element missing from index.html');

// A shared link wins over the last session; either is validated field by field first.
const initial = initialSetup(location.hash);
startApp(initial ? { setup: initial.setup } : {});
if (initial?.notice) appStore.getState().pushNotice('warning', initial.notice);
// A lesson link opens its lesson at its stage (with the learner's setup, when the link carries one).
applyLessonLink(appStore, location.hash, false);
startPersistence(appStore);

// A transition renders the shell in slices that yield to the browser (no long main-thread task at boot);
// the 3D view, KaTeX and the rarely used panels arrive as their own chunks after it has painted.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});

// Offline after one visit (scripts/pwa/sw.ts). A new version waits until every tab of the old one
// has closed: a running lesson is never reloaded. Builds only: the dev server has no sw.js.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((error: unknown) => console.warn('Descent Lab: offline support unavailable:', error));
  });
}
