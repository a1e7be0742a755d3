import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { appStore, startApp } from './state/app.ts';
import { applyLessonLink, initialSetup, startPersistence } from './state/persist.ts';

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
  const register = () => {
    navigator.serviceWorker.register(`${import.meta.env.BASE_URL}sw.js`).catch((error: unknown) => console.warn('Descent Lab: offline support unavailable:', error));
  };
  // This module is imported after the shell has painted (boot.ts), often after the load event.
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register);
}
