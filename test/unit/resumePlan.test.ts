// Resuming an interrupted run on a real folder (the node:fs port): what the plan keeps, and that the
// resumed run replaces the interrupted run's files only while they hold what it wrote, even when
// the user edits one after the plan was made (kept, and the run says so).
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeFileSystemPort } from '../../src/core/output/sink/nodePort';
import { runWriter, sha256, Sink } from '../../src/core/output/sink/sink';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { keptFileWarning, planResume, resumeWriter } from '../../src/core/pipeline/resumePlan';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { type RunEvent, RunEventStream } from '../../src/model/run/events';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'tasks.json'), 'utf8')));

type FileProduced = Extract<RunEvent, { type: 'fileProduced' }>;
const producedBy = (events: readonly RunEvent[], stageId: string) => events.filter((e): e is FileProduced => e.type === 'fileProduced' && e.stageId === stageId);

/** Every file under `root`, as POSIX paths. */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    return entry.isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

/**
 * An uninterrupted run, and the same run cut in the middle of a stage that writes several files:
 * the events up to its second file, and those files on disk, as a window reload leaves them.
 */
async function interrupted() {
  const stream = new RunEventStream('interrupted');
  const full = await runGeneration({ input: { kind: 'spec', spec }, stream });
  const reference = new Map(full.files.list().map((file) => [file.path, file.content]));
  const finishedBefore = (index: number) => stream.events.slice(0, index).filter((e) => e.type === 'stageFinished').length;
  // A stage with three files or more, cut after its second, once a few stages have finished.
  const cutStage = full.stages.map((s) => s.id).find((id) => {
    const files = producedBy(stream.events, id);
    return files.length >= 3 && finishedBefore(stream.events.indexOf(files[1])) >= 3;
  });
  assert.ok(cutStage, 'the run has a stage to cut in');
  const cut = stream.events.slice(0, stream.events.indexOf(producedBy(stream.events, cutStage)[1]) + 1);
  const folder = mkdtempSync(path.join(os.tmpdir(), 'takoss-resume-plan-'));
  const write = runWriter(new Sink(nodeFileSystemPort(folder)));
  for (const event of cut) if (event.type === 'fileProduced') await write({ path: event.path, content: reference.get(event.path) as string, layer: 'x' });
  return { cut, cutStage, folder, reference };
}

describe('Resuming an interrupted run (plan and writer over the node:fs port)', function () {
  this.timeout(60_000);

  it('keeps the finished stages, and replaces only files that still hold what the interrupted run wrote', async () => {
    const { cut, cutStage, folder, reference } = await interrupted();
    const on = (relative: string) => path.join(folder, ...relative.split('/'));
    const finishedStages = cut.flatMap((e) => (e.type === 'stageFinished' ? [e.stageId] : []));
    // Before the resume: the user edits a file of a finished stage, which must then run again.
    const editedStage = finishedStages.find((id) => producedBy(cut, id).length >= 2) as string;
    const [editedBefore, untouchedOfEdited] = producedBy(cut, editedStage).map((e) => e.path);
    writeFileSync(on(editedBefore), 'edited before the resume');

    const port = nodeFileSystemPort(folder);
    const plan = await planResume(port, cut);
    assert.deepEqual([...plan.finished].sort(), finishedStages.filter((id) => id !== editedStage).sort(), 'every finished stage is kept but the edited one');
    assert.deepEqual(plan.changed, [editedBefore]);
    const [firstOfCut, secondOfCut] = producedBy(cut, cutStage);
    // Stages run at once: besides the cut one, others had started and written some files too.
    const rerunFiles = cut.filter((e): e is FileProduced => e.type === 'fileProduced' && !plan.finished.has(e.stageId) && e.path !== editedBefore);
    assert.deepEqual(plan.replaceable, new Map(rerunFiles.map((e) => [e.path, e.sha256])), 'the files of the stages that run again, with the hashes journaled');
    assert.ok([firstOfCut.path, secondOfCut.path, untouchedOfEdited].every((p) => plan.replaceable.has(p)));
    assert.equal(plan.replaceable.get(untouchedOfEdited), sha256(reference.get(untouchedOfEdited) as string));

    // After the plan, before the resumed run writes it: the user edits a file it would replace.
    writeFileSync(on(secondOfCut.path), 'edited after the plan');
    const warnings: string[] = [];
    const write = resumeWriter(plan, new Sink(port));
    const written: string[] = [];
    const resumed = await runGeneration({
      input: { kind: 'spec', spec },
      stream: new RunEventStream('resumed'),
      resume: plan.state,
      onFile: async (file) => {
        written.push(file.path);
        await write(file, (message) => warnings.push(message));
      },
    });

    assert.equal(resumed.run.errors.size, 0, [...resumed.run.errors.values()].join('; '));
    assert.equal(readFileSync(on(editedBefore), 'utf8'), 'edited before the resume');
    assert.equal(readFileSync(on(secondOfCut.path), 'utf8'), 'edited after the plan', 'an edit made after the plan is kept');
    assert.deepEqual(warnings, [keptFileWarning(secondOfCut.path)], 'and the run says so (the earlier edit was said when the resume started)');
    assert.ok(written.includes(firstOfCut.path) && written.includes(untouchedOfEdited), 'untouched files of the stages that ran again were written again');
    const kept = new Set([editedBefore, secondOfCut.path]);
    for (const [file, content] of reference) if (!kept.has(file)) assert.equal(readFileSync(on(file), 'utf8'), content, file);
    assert.deepEqual(filesUnder(folder).sort(), [...reference.keys()].sort(), 'the whole project, no temporary file left');
  });

  it('leaves out a file removed after the plan instead of writing it back, and says so', async () => {
    const { cut, cutStage, folder } = await interrupted();
    const port = nodeFileSystemPort(folder);
    const plan = await planResume(port, cut);
    const [removed] = producedBy(cut, cutStage);
    await port.delete(removed.path);
    const warnings: string[] = [];
    const write = resumeWriter(plan, new Sink(port));
    const resumed = await runGeneration({
      input: { kind: 'spec', spec },
      stream: new RunEventStream('resumed'),
      resume: plan.state,
      onFile: (file) => write(file, (message) => warnings.push(message)),
    });
    assert.equal(resumed.run.errors.size, 0);
    assert.deepEqual(warnings, [keptFileWarning(removed.path, true)]);
    assert.equal(await port.readFile(removed.path), undefined);
  });

  it('a file missing when the plan is made is written again like a new one', async () => {
    const { cut, cutStage, folder, reference } = await interrupted();
    const port = nodeFileSystemPort(folder);
    const [missing] = producedBy(cut, cutStage);
    await port.delete(missing.path);
    const plan = await planResume(port, cut);
    assert.ok(!plan.replaceable.has(missing.path) && !plan.changed.includes(missing.path));
    const write = resumeWriter(plan, new Sink(port));
    await runGeneration({ input: { kind: 'spec', spec }, stream: new RunEventStream('resumed'), resume: plan.state, onFile: (file) => write(file, assert.fail) });
    assert.equal(readFileSync(path.join(folder, ...missing.path.split('/')), 'utf8'), reference.get(missing.path));
  });
});
