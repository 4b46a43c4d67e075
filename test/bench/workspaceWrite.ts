// Runs inside the VS Code extension host (started by bench/workspace-fs.mjs): writes a 100-entity
// generated project through vscode.workspace.fs (what the extension does) and through plain
// node:fs (what the CLI does), several times each, alternating, into fresh folders; writes the
// timings next to the report file and reports one "pass" so the harness knows it finished.
import { appendFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { generateProject } from '../../src/core/generator';
import { createDiskWriter } from '../../src/core/output/diskSink';
import { addEntity, addField } from '../../src/model/project/edit';
import { extractSpec } from '../../src/core/extract';
import { workspaceWriter } from '../../src/vscode/generation/workspaceSink';

const ENTITIES = Number(process.env.TAKOSS_BENCH_ENTITIES ?? 100);
const ROUNDS = 3;

function spec() {
  let result = extractSpec('Blog with auth and posts.', { projectName: 'bench-app' });
  for (let i = 0; i < ENTITIES - 2; i++) {
    const name = `Record${i}`;
    result = addField(addField(addEntity(result, name), name, 'title', 'string'), name, 'amount', 'money');
  }
  return result;
}

async function time(write: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await write();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run(): Promise<void> {
  const report = process.env.TAKOSS_TEST_REPORT as string;
  const emit = (event: object) => appendFileSync(report, JSON.stringify(event) + '\n');
  emit({ type: 'start', total: 1, vscodeVersion: vscode.version });
  try {
    await measure(report);
  } catch (error) {
    // Said in the report, so the bench names the error instead of "did not complete".
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    emit({ type: 'fail', title: 'workspace.fs vs node:fs', fullTitle: 'bench workspace.fs vs node:fs', error: message, stack });
    emit({ type: 'end', passes: 0, failures: 1, pending: 0, durationMs: 0 });
    return;
  }
  emit({ type: 'pass', title: 'workspace.fs vs node:fs', fullTitle: 'bench workspace.fs vs node:fs', durationMs: 0 });
  emit({ type: 'end', passes: 1, failures: 0, pending: 0, durationMs: 0 });
}

async function measure(report: string): Promise<void> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) throw new Error('the bench needs a workspace folder');
  const files = generateProject(spec()).list();
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  const workspaceFs: number[] = [];
  const takoss: number[] = [];
  const nodeFs: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const viaWorkspace = vscode.Uri.joinPath(root, `ws-${round}`);
    workspaceFs.push(
      await time(async () => {
        const write = workspaceWriter(viaWorkspace, { via: 'workspace.fs' });
        for (const file of files) await write(file);
      }),
    );
    const viaTakoss = vscode.Uri.joinPath(root, `takoss-${round}`);
    takoss.push(
      await time(async () => {
        const write = workspaceWriter(viaTakoss);
        for (const file of files) await write(file);
      }),
    );
    const viaNode = path.join(root.fsPath, `fs-${round}`);
    nodeFs.push(
      await time(async () => {
        const write = await createDiskWriter(viaNode);
        for (const file of files) await write(file);
      }),
    );
  }
  const result = {
    entities: ENTITIES,
    files: files.length,
    bytes,
    rounds: ROUNDS,
    workspaceFsMs: workspaceFs,
    takossMs: takoss,
    nodeFsMs: nodeFs,
    medianWorkspaceFsMs: median(workspaceFs),
    medianTakossMs: median(takoss),
    medianNodeFsMs: median(nodeFs),
  };
  writeFileSync(path.join(path.dirname(report), 'workspace-write.json'), JSON.stringify(result, null, 2));
}
