import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { unzipProject } from '../../src/core/output/zip';
import { extractSpec } from '../../src/core/extract';
import type { TakossPanel } from '../../src/vscode/panel/TakossPanel';
import { activateTakoss, closeAllEditors, waitFor } from './helpers';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : 'value' in content ? content.value : ''))
    .join('\n');
}

describe('Explanations in the editor', function () {
  this.timeout(60_000);
  let root: vscode.Uri;
  let project: vscode.Uri;

  before(async () => {
    await activateTakoss();
    const panel = await vscode.commands.executeCommand<TakossPanel>('takoss.generateProject');
    await panel.whenReady(30_000);
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace);
    root = workspace;
    const spec = extractSpec('Blog with auth and posts. Readers can comment on posts.', { projectName: 'explained-blog' });
    assert.ok(await panel.viewer.start('explain-1', { spec, provider: 'offline' }));
    await waitFor(() => panel.runs.runningCount === 0 || undefined, 'the run to finish', 30_000);
    project = vscode.Uri.joinPath(root, 'explained-blog');
  });

  after(closeAllEditors);

  it('hovering the first line of a generated file explains it, with its stage, requirements and trusted links', async () => {
    const file = vscode.Uri.joinPath(project, 'backend', 'src', 'routes', 'posts.ts');
    await vscode.window.showTextDocument(file);
    const hovers = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file, new vscode.Position(0, 2));
      return hoverText(result).includes('Takoss') ? result : undefined;
    }, 'the Takoss hover');
    const text = hoverText(hovers);
    assert.match(text, /API for posts/);
    assert.match(text, /stage `api-routes:Post`/);
    assert.match(text, /Blog with auth and posts/);
    assert.match(text, /command:takoss\.explainFile\?/);
    assert.match(text, /command:takoss\.revealStage\?/);
    const deeper = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', file, new vscode.Position(6, 2));
    assert.doesNotMatch(hoverText(deeper), /\*\*Takoss\*\*/, 'only the first line, so language hovers are not crowded');
  });

  it('says nothing on files that are not generated, and ignores a damaged manifest', async () => {
    const plain = vscode.Uri.joinPath(root, 'plain-notes', 'notes.md');
    await vscode.workspace.fs.writeFile(plain, new TextEncoder().encode('# Notes\n'));
    const forged = vscode.Uri.joinPath(root, 'forged', '.takoss', 'manifest.json');
    await vscode.workspace.fs.writeFile(forged, new TextEncoder().encode('{"manifestVersion": 1, "files": "not a list"}'));
    const forgedFile = vscode.Uri.joinPath(root, 'forged', 'index.ts');
    await vscode.workspace.fs.writeFile(forgedFile, new TextEncoder().encode('export const x = 1;\n'));
    for (const uri of [plain, forgedFile]) {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 2));
      assert.doesNotMatch(hoverText(hovers), /\*\*Takoss\*\*/, uri.path);
    }
    assert.equal(await vscode.commands.executeCommand('takoss.explainFile', forgedFile.toString()), false);
  });

  it('"Explain This File" shows the explanation in the panel; the hover link reveals the stage', async () => {
    const file = vscode.Uri.joinPath(project, 'README.md');
    assert.equal(await vscode.commands.executeCommand('takoss.explainFile', file.toString()), true);
    assert.equal(await vscode.commands.executeCommand('takoss.revealStage', file.toString()), true, 'the run that wrote it is shown with its stage');
  });

  it('"Requirements Coverage" lists each sentence with the files serving it', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('takoss.requirementsCoverage', vscode.Uri.joinPath(project, 'package.json'));
    assert.ok(document);
    const text = document.getText();
    assert.match(text, /# Requirements coverage: /);
    assert.match(text, /## 1\. Blog with auth and posts\\\./);
    assert.match(text, /`backend\/src\/routes\/posts\.ts`/);
    // Either every sentence was built (then "N of M … served"), or the coverage says what was left out.
    assert.match(text, /requirement sentences? (?:is|are) served by generated files|Not everything in the requirements was built/);
    assert.match(text, /Status: \*\*/, 'each sentence has its status');
    assert.equal(document.languageId, 'markdown');
    // Shown rendered (the Markdown preview), not as raw text with its escapes.
    const preview = await waitFor(
      () =>
        vscode.window.tabGroups.all
          .flatMap((group) => group.tabs)
          .find((tab) => tab.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(tab.input.viewType) && /coverage/i.test(tab.label)),
      'the coverage preview',
    );
    assert.ok(preview.isActive, 'the preview is what the user sees');
    assert.ok(!vscode.window.visibleTextEditors.some((editor) => editor.document.uri.toString() === document.uri.toString()), 'no raw Markdown editor');
  });

  it('"Export Project as Zip" zips exactly the generated files, which unzip byte for byte', async () => {
    const saveTo = vscode.Uri.joinPath(root, 'explained-blog-export.zip');
    const saved = await vscode.commands.executeCommand<vscode.Uri>('takoss.exportZip', project, saveTo);
    assert.equal(saved?.toString(), saveTo.toString());
    const archive = unzipProject(await vscode.workspace.fs.readFile(saveTo));
    const manifest = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(project, '.takoss', 'manifest.json')))) as { files: { path: string }[] };
    assert.equal(archive.size, manifest.files.length + 1, 'every file the manifest lists, and the manifest');
    for (const path of [...manifest.files.map((f) => f.path), '.takoss/manifest.json']) {
      const onDisk = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(project, ...path.split('/')));
      assert.ok(Buffer.from(archive.get(`explained-blog/${path}`) ?? []).equals(Buffer.from(onDisk)), path);
    }
  });
});
