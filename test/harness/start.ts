// `npm start`: a real VS Code (code-server) on 127.0.0.1 with Takoss loaded from this checkout and
// a scratch workspace, so anyone can try it in a browser without installing VS Code.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { CodeServer } from './codeServerSession';
import { cacheDir, repoRoot } from './paths';

async function main(): Promise<void> {
  const workspace = process.env.TAKOSS_WORKSPACE ?? path.join(cacheDir, 'scratch-workspace');
  mkdirSync(workspace, { recursive: true });
  const readme = path.join(workspace, 'README.md');
  if (!existsSync(readme)) {
    writeFileSync(readme, '# Takoss scratch workspace\n\nRun **Takoss: Generate Project** from the command palette (F1).\n');
  }
  const port = Number(process.env.PORT ?? 8080);
  // The scratch workspace lives inside this checkout (.vscode-test/): without this, VS Code asks
  // whether to open the checkout's git repository "found in the parent folders".
  const userSettings = { 'git.openRepositoryInParentFolders': 'never' };
  const server = await CodeServer.start({ workspace, port, userSettings, echo: process.env.TAKOSS_VERBOSE === "1" });
  const url = server.workbenchUrl({ extensionDevelopmentPath: repoRoot });
  console.log('\nTakoss is running in VS Code (code-server). Open this URL in a browser:\n');
  console.log(`  ${url}\n`);
  console.log('Then press F1 and run "Takoss: Generate Project". Ctrl+C stops the server.');
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`takoss start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
