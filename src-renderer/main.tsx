import './zod-config';
// The styles of the parts loaded later (lazyPart) are in the one stylesheet from the start, in
// the order they had when everything was one chunk: no rule changes precedence when they load.
import './styles/campaigns.css';
import './styles/sync.css';
import './styles/ui.css';
import './styles/versions.css';
import './styles/live.css';
import './styles/preview.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import './styles/theme.css';
import './styles/app.css';
import './styles/canvas.css';
import './styles/editor.css';
import './styles/font-warmup.css';
import { whenIdle } from './ui/when-idle';

// Everything the bundle imports has evaluated by now (the open's first milestone, see tests/bench/README.md).
performance.mark('cs:app-start');
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
// The fonts it warmed up are matched by now (see styles/font-warmup.css).
whenIdle(() => document.querySelector('.font-warmup')?.remove());
