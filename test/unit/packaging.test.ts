import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** The walkthrough's pages and the images they show: VS Code shows an empty step for a file left out. */
function walkthroughMedia(): string[] {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { contributes: { walkthroughs?: { steps: { media: Record<string, string> }[] }[] } };
  const pages = (manifest.contributes.walkthroughs ?? []).flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.markdown ?? step.media.image ?? step.media.svg ?? ''));
  const images = pages.flatMap((page) => [...readFileSync(path.join(root, page), 'utf8').matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map(([, src]) => path.posix.join(path.posix.dirname(page), src ?? '')));
  return [...pages, ...images];
}

describe('VSIX contents (vsce ls)', function () {
  this.timeout(60_000);

  it('holds only the built output, media, README, LICENSE and the manifest', function () {
    assert.ok(existsSync(path.join(root, 'dist', 'extension.js')), 'build first: npm run build');
    const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
    const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'dist/extension.js', 'dist/host.js', 'dist/extractionWorker.js', 'dist/cli.js', 'dist/webview/main.js', 'dist/webview/main.css', 'media/takoss.png', ...walkthroughMedia()]) {
      assert.ok(files.includes(required), `${required} is packaged`);
    }
    const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|dist\/[\w./-]+\.(js|css|svg|ttf|woff2)|media\/([\w.-]+\.(png|svg)|walkthrough\/[\w.-]+\.(md|svg)))$/;
    const junk = files.filter((file) => !allowed.test(file));
    assert.deepEqual(junk, [], 'nothing else: no sources, tests, maps or node_modules');
  });
});
