import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { firstRenderReady, holdFirstRender } from './first-render';
import i18n from './i18n';

// Every page's frame reads the common catalogue.
holdFirstRender(i18n.loadNamespaces('common'));
void firstRenderReady().then(() => createRoot(document.getElementById('root')!).render(<App />));
