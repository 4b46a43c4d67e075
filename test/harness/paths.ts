// Shared locations and versions for the test harness. Compiled to out/test/harness/.
import path from 'node:path';

/** out/test/harness -> repo root (also right when run from test/harness through a loader). */
export const repoRoot = path.resolve(__dirname, '..', '..', __dirname.includes(`${path.sep}out${path.sep}`) ? '..' : '');
/** Like @vscode/test-electron's `.vscode-test/`: an ignored cache that survives between runs. */
export const cacheDir = path.join(repoRoot, '.vscode-test');
/** code-server 4.100.3 ships VS Code 1.100.3, the version our engines field targets. */
export const codeServerVersion = process.env.TAKOSS_CODE_SERVER_VERSION ?? '4.100.3';
export const codeServerDir = path.join(cacheDir, `code-server-${codeServerVersion}`);
export const artifactsDir = path.join(repoRoot, 'test-artifacts');
export const chromiumPath = process.env.TAKOSS_CHROMIUM ?? '/usr/bin/chromium';
