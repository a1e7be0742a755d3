/**
 * The page's entry: the stylesheet, then the app once the static shell of index.html
 * has been shown (whenShellPainted). Kept this small so that the first paint waits on
 * nothing but the HTML, the stylesheet and these few hundred bytes.
 */
// The look, room by room. The order is the cascade: the timeline's and the model's rooms first (as
// when their components imported them ahead of the shell), then base, and responsive (tablets,
// presentation) last.
import './ui/inspector/inspector.css';
import './ui/model/model.css';
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
import { whenShellPainted } from './ui/shell/whenShellPainted.ts';

whenShellPainted(() => {
  import('./main.tsx').catch((error: unknown) => {
    const note = document.querySelector('.boot-note');
    if (note) note.textContent = 'Descent Lab could not load its scripts. Check the connection and reload the page.';
    console.error('Descent Lab: the app failed to load:', error);
  });
});
