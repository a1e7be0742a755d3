import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { appStore, startApp } from './state/app.ts';
import { initialSetup, startPersistence } from './state/persist.ts';
import './ui/shell/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('Descent Lab: #root element missing from index.html');

// A shared link wins over the last session; either is validated field by field first.
const initial = initialSetup(location.hash);
startApp(initial ? { setup: initial.setup } : {});
if (initial?.notice) appStore.getState().pushNotice('warning', initial.notice);
startPersistence(appStore);

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
