import { createRoot } from 'react-dom/client';
import { App } from './App';
import { bridge } from './bridge';
import './styles.css';

const host = bridge();
window.addEventListener('error', (event) => host.reportError(event.error ?? event.message));
window.addEventListener('unhandledrejection', (event) => host.reportError(event.reason));

const root = document.getElementById('root');
if (!root) throw new Error('Takoss webview: #root is missing from the page');
createRoot(root).render(<App bridge={host} />);
