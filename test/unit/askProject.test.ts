// Ask Takoss about a generated project, offline (issue #16): each question kind answered from the
// project's own trace, with links that open the right file at the right line; questions outside the
// trace said so; a change only offered, never written; the CLI prints the same answers.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { askCommand } from '../../src/cli/askCommand';
import { askProject } from '../../src/core/ask/askProject';
import { NotATakossProjectError, readProjectTrace, type ProjectTrace } from '../../src/core/ask/trace';
import { generateProject } from '../../src/core/generator';
import { nodeFileSystemPort } from '../../src/core/output/sink/nodePort';
import { runWriter, Sink } from '../../src/core/output/sink/sink';
import { Answer } from '../../src/model/ask/answer';
import { loadFixtureSpec } from '../shared/claudeModels';

const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-ask-'));

async function generated(name: string): Promise<string> {
  const dir = path.join(work, name);
  const write = runWriter(new Sink(nodeFileSystemPort(dir)));
  for (const file of generateProject(loadFixtureSpec(name)).list()) await write(file);
  return dir;
}

const traceOf = (dir: string) => readProjectTrace(new Sink(nodeFileSystemPort(dir)));
const lineText = (dir: string, link: { path: string; line?: number }) => readFileSync(path.join(dir, link.path), 'utf8').split('\n')[(link.line ?? 1) - 1];
const allLinks = (answer: Answer) => answer.points.flatMap((point) => point.links);

/** Every file's hash, to show asking wrote nothing. */
function snapshot(dir: string): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(full).update(readFileSync(full));
    }
  };
  walk(dir);
  return hash.digest('hex');
}

describe('askProject: questions about a generated project, answered from its trace', function () {
  this.timeout(60_000);
  let events: string;
  let library: string;
  let eventsTrace: ProjectTrace;
  let libraryTrace: ProjectTrace;

  before(async () => {
    events = await generated('events');
    library = await generated('library');
    eventsTrace = await traceOf(events);
    libraryTrace = await traceOf(library);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('where a rule is enforced: the check in the rules module (at its doc comment), where routes call it, and its test', async () => {
    const answer = await askProject(eventsTrace, 'Where is the capacity rule enforced?');
    assert.equal(answer.kind, 'rule');
    assert.equal(answer.points.length, 1, 'the events project has one capacity rule');
    const links = allLinks(answer);
    const check = links.find((link) => link.path === 'backend/src/rules/registrations.ts');
    assert.ok(check?.line, 'the rules module, at a line');
    assert.match(lineText(events, check), /^\/\*\*.*registrations per event/);
    const test = links.find((link) => link.path === 'backend/test/rules.test.ts');
    assert.match(lineText(events, test!), /it\(.*\(capacity\)/);
    const route = links.find((link) => link.path === 'backend/src/routes/registrations.ts');
    assert.match(lineText(events, route!), /rules\.before/);
  });

  it('roles and ownership: the access checks of a project with sign-in; a project without sign-in says anyone may', async () => {
    const roles = await askProject(libraryTrace, 'Who may delete a book?');
    assert.equal(roles.kind, 'rule');
    assert.match(roles.points[0].text, /Only librarian may .*delete Book/);
    const route = allLinks(roles).find((link) => link.path === 'backend/src/routes/books.ts');
    assert.match(lineText(library, route!), /requireRole\(/);
    const owners = await askProject(libraryTrace, 'where is the ownership rule enforced?');
    assert.match(lineText(library, allLinks(owners).find((link) => link.path === 'backend/src/auth/access.ts')!), /owns the row/);
    const open = await askProject(eventsTrace, 'Who may delete an event?');
    assert.match(open.summary, /no sign-in.*anyone/);
  });

  it('a rule the project does not have is said plainly, with the rules it does have', async () => {
    const answer = await askProject(eventsTrace, 'where is the no-overlap rule enforced?');
    assert.match(answer.summary, /no no-overlap rule.*Its rules are/);
    assert.equal(answer.points.length, loadFixtureSpec('events').rules.length);
  });

  it('which files serve a quoted requirement: its rule checks first, then its records’ files, then shared ones; no infrastructure', async () => {
    const answer = await askProject(eventsTrace, "Which files serve 'registration is refused once capacity is reached'?");
    assert.equal(answer.kind, 'requirement');
    assert.match(answer.summary, /^“Attendees register for events; registration is refused once capacity is reached\.”/);
    assert.match(answer.points[0].text, /rules are enforced/);
    assert.ok(answer.points[0].links.some((link) => link.path === 'backend/src/rules/registrations.ts' && link.line));
    const paths = allLinks(answer).map((link) => link.path);
    assert.ok(paths.includes('frontend/src/pages/registrations.tsx'));
    for (const infrastructure of ['.dockerignore', 'backend/Dockerfile', '.github/workflows/ci.yml', 'frontend/vite.config.ts']) assert.ok(!paths.includes(infrastructure), infrastructure);
  });

  it('a requirement matched by its words, without quotes, and what of it was left out', async () => {
    const answer = await askProject(eventsTrace, 'where is cancelling an event implemented?');
    assert.equal(answer.kind, 'requirement');
    assert.match(answer.summary, /Organizers can cancel an event.*part of it was left out/);
    assert.ok(answer.points.some((point) => /^Left out: .*cascading/.test(point.text)));
  });

  it('what was not implemented: each sentence left out with why; a fully served project says nothing was', async () => {
    const answer = await askProject(eventsTrace, 'What did you not implement?');
    assert.equal(answer.kind, 'leftOut');
    assert.match(answer.summary, /^1 of the 4 requirement sentences was not fully implemented:/);
    assert.match(answer.points[0].text, /Organizers can cancel an event.*not implemented: .*cascading/);
    const served = JSON.parse(readFileSync(path.join(library, '.takoss/manifest.json'), 'utf8')) as { requirements: { status?: string }[] };
    const complete = served.requirements.every((sentence) => ['mapped', 'context', 'ignored'].includes(sentence.status ?? ''));
    const libraryAnswer = await askProject(libraryTrace, 'Is anything missing?');
    if (complete) assert.match(libraryAnswer.summary, /nothing was left out/);
    else assert.ok(libraryAnswer.points.length > 0);
  });

  it('counts agree with their nouns: "the one requirement sentence", "1 file serves it", never "1 … sentences"', async () => {
    const requirements = eventsTrace.manifest.requirements;
    const cancel = requirements.find((sentence) => /Organizers can cancel/.test(sentence.text))!;
    const served = requirements.filter((sentence) => sentence !== cancel);
    const leftOut = async (kept: typeof requirements) => (await askProject({ ...eventsTrace, manifest: { ...eventsTrace.manifest, requirements: kept } }, 'What did you not implement?')).summary;
    assert.equal(await leftOut([cancel]), 'The one requirement sentence was not fully implemented:');
    assert.equal(await leftOut([served[0]]), 'The one requirement sentence is served by generated code; nothing was left out.');
    assert.match(await leftOut(served.slice(0, 2)), /^Every one of the 2 requirement sentences is served/);
    assert.equal(await leftOut([cancel, { ...cancel, id: 99 }]), 'None of the 2 requirement sentences was fully implemented:');
    assert.match(await leftOut([...served, cancel, { ...cancel, id: 99 }]), /^2 of the 5 requirement sentences were not fully implemented:/);
    const sentence = served[0];
    const oneFile = eventsTrace.manifest.files.filter((file) => file.sources.includes(sentence.id) && file.serves.some((tag) => tag.startsWith('entity:'))).slice(0, 1);
    const single = await askProject({ ...eventsTrace, spec: undefined, manifest: { ...eventsTrace.manifest, files: oneFile } }, `Which files serve '${sentence.text}'?`);
    assert.match(single.summary, /: 1 file serves it\.$/);
    assert.match((await askProject(eventsTrace, `Which files serve '${sentence.text}'?`)).summary, /: \d+ files serve it\.$/);
  });

  it('why a file exists: by its path, by "this file" with the open file, and a file that is not Takoss’s', async () => {
    const named = await askProject(eventsTrace, 'Why does backend/src/rules/registrations.ts exist?');
    assert.equal(named.kind, 'file');
    assert.match(named.summary, /business rules for registrations/);
    assert.ok(named.points.some((point) => /Serves “Each registration gets a unique ticket code\.”/.test(point.text)));
    const current = await askProject(eventsTrace, 'what is this file for?', { currentFile: 'backend/src/validation/events.ts' });
    assert.equal(current.kind, 'file');
    assert.deepEqual(current.points[0].links, [{ path: 'backend/src/validation/events.ts' }]);
    const mine = await askProject(eventsTrace, 'why does this file exist?', { currentFile: 'notes/mine.md' });
    assert.match(mine.summary, /not a file Takoss generated.*may be yours/);
  });

  it('what an entity’s API accepts: read from the project’s OpenAPI document, linked to each handler and the schema', async () => {
    const answer = await askProject(eventsTrace, 'What does the registrations API accept?');
    assert.equal(answer.kind, 'api');
    assert.match(answer.summary, /POST \/api\/registrations accepts a JSON body with ticketCode \(text, required\), status \(one of active, cancelled\), eventId \(whole number, required\)/);
    const post = answer.points.find((point) => point.text.startsWith('POST /api/registrations'));
    assert.match(lineText(events, post!.links[0]), /routes\.post\('\/'/);
    const patch = answer.points.find((point) => point.text.startsWith('PATCH /api/registrations/{id}'));
    assert.match(lineText(events, patch!.links[0]), /routes\.patch\('\/:id'/);
    const schema = allLinks(answer).find((link) => link.path === 'backend/src/validation/registrations.ts');
    assert.match(lineText(events, schema!), /export const RegistrationCreate/);
  });

  it('a field by its words: every file that defines, checks, stores or tests it, at its first mention', async () => {
    const answer = await askProject(eventsTrace, 'Which files handle ticket codes?');
    assert.match(answer.summary, /^Registration\.ticketCode appears in \d+ generated files/);
    const links = allLinks(answer);
    assert.ok(links.length >= 8, `${links.length} files`);
    for (const link of links) assert.match(lineText(events, link), /ticketCode|ticket_code/, link.path);
  });

  it('an entity: its fields, links, rules and files, its own files first', async () => {
    const answer = await askProject(libraryTrace, 'tell me about loans');
    assert.equal(answer.kind, 'entity');
    assert.match(answer.summary, /^Loan keeps .*dueDate/);
    assert.ok(answer.points.some((point) => /belongs to a Book/.test(point.text)));
    const files = answer.points.at(-1)!.links.map((link) => link.path);
    assert.ok(files.indexOf('backend/src/routes/loans.ts') < files.indexOf('backend/src/db/schema.ts'));
  });

  it('a change is read against the model and offered, never written', async () => {
    const before = snapshot(events);
    const answer = await askProject(eventsTrace, 'Please add a due date to events');
    assert.equal(answer.kind, 'change');
    assert.deepEqual(answer.change, { text: 'add a due date to events', wouldDo: ['Event gains dueDate (date, optional)'] });
    const polite = await askProject(eventsTrace, 'Could you add a phone number to attendees?');
    assert.equal(polite.change?.text, 'add a phone number to attendees.');
    const unreadable = await askProject(eventsTrace, 'make it prettier');
    assert.equal(unreadable.kind, 'change');
    assert.equal(unreadable.change, undefined);
    assert.equal(snapshot(events), before, 'asking wrote nothing');
  });

  it('a question outside the trace is said to be, with what can be asked; empty and huge questions too', async () => {
    const answer = await askProject(eventsTrace, 'What is the meaning of life?');
    assert.equal(answer.kind, 'unknown');
    assert.match(answer.summary, /outside what this project’s trace knows/);
    assert.ok(answer.points.length >= 6);
    assert.equal((await askProject(eventsTrace, '   ')).kind, 'unknown');
    assert.match((await askProject(eventsTrace, 'x'.repeat(5000))).summary, /longer than 2000 characters/);
  });

  it('every link of every kind of answer names a file of the project and a line inside it', async () => {
    const questions = ['where is the capacity rule enforced?', 'which rules are there?', 'what does the events API accept?', 'which files serve "Each registration gets a unique ticket code."?', 'tell me about attendees', 'what did you not implement?'];
    for (const question of questions) {
      const answer = Answer.parse(await askProject(eventsTrace, question));
      for (const link of allLinks(answer)) {
        const lines = readFileSync(path.join(events, link.path), 'utf8').split('\n').length;
        assert.ok(!link.line || link.line <= lines, `${question}: ${link.path}:${link.line}`);
      }
    }
  });
});

describe('readProjectTrace: only a Takoss project, read inside its folder', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-trace-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a folder without a manifest, or with a damaged one, is refused with why', async () => {
    await assert.rejects(traceOf(dir), (error: unknown) => error instanceof NotATakossProjectError && /has no \.takoss\/manifest\.json/.test(error.message));
    const write = runWriter(new Sink(nodeFileSystemPort(dir)));
    await write({ path: '.takoss/manifest.json', content: '{not json', layer: 'explanations' });
    await assert.rejects(traceOf(dir), /not valid JSON/);
  });

  it('a damaged spec.json costs only the model: the manifest still answers', async () => {
    const write = runWriter(new Sink(nodeFileSystemPort(dir)));
    for (const file of generateProject(loadFixtureSpec('events')).list()) await write(file);
    writeFileSync(path.join(dir, '.takoss/spec.json'), '{"entities": 3}');
    const trace = await traceOf(dir);
    assert.equal(trace.spec, undefined);
    assert.equal((await askProject(trace, 'what did you not implement?')).kind, 'leftOut');
    assert.equal((await askProject(trace, 'add a due date to events')).change, undefined);
  });

  it('never reads outside the project or through a symbolic link', async () => {
    const write = runWriter(new Sink(nodeFileSystemPort(dir)));
    for (const file of generateProject(loadFixtureSpec('events')).list()) await write(file);
    const outside = path.join(os.tmpdir(), `takoss-secret-${process.pid}.txt`);
    writeFileSync(outside, 'secret');
    try {
      symlinkSync(outside, path.join(dir, 'linked.txt'));
      const trace = await traceOf(dir);
      assert.equal(await trace.read('../' + path.basename(outside)), undefined);
      assert.equal(await trace.read(outside), undefined);
      assert.equal(await trace.read('linked.txt'), undefined);
    } finally {
      rmSync(outside, { force: true });
    }
  });
});

describe('takoss ask (CLI)', function () {
  this.timeout(60_000);
  let dir: string;
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-ask-cli-'));
    const write = runWriter(new Sink(nodeFileSystemPort(dir)));
    for (const file of generateProject(loadFixtureSpec('events')).list()) await write(file);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function ask(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await askCommand(args, { out: (line) => out.push(line), err: (line) => err.push(line) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('prints the answer with path:line links, or JSON that is a valid Answer', async () => {
    const text = await ask(['--project', dir, 'where is the capacity rule enforced?']);
    assert.equal(text.code, 0, text.err);
    assert.match(text.out, /^1 capacity rule is enforced/);
    assert.match(text.out, /\n {6}backend\/src\/rules\/registrations\.ts:\d+\n/);
    const json = await ask(['--project', dir, '--json', 'what does the events API accept?']);
    assert.equal(Answer.parse(JSON.parse(json.out)).kind, 'api');
  });

  it('a change is printed with the takoss update command that makes it', async () => {
    const result = await ask(['--project', dir, 'add', 'a', 'due', 'date', 'to', 'events']);
    assert.match(result.out, /Event gains dueDate/);
    assert.match(result.out, /takoss update --project <this project> --change "add a due date to events"/);
  });

  it('--file is "this file"; usage problems exit 2; a folder that is not a project exits 1', async () => {
    const current = await ask(['--project', dir, '--file', 'backend/src/rules/registrations.ts', 'why does this file exist?']);
    assert.match(current.out, /business rules for registrations/);
    assert.equal((await ask(['--project', dir])).code, 2);
    assert.equal((await ask(['what?'])).code, 2);
    assert.equal((await ask(['--project', dir, '--nope', 'x'])).code, 2);
    const empty = mkdtempSync(path.join(os.tmpdir(), 'takoss-ask-empty-'));
    try {
      const result = await ask(['--project', empty, 'anything?']);
      assert.equal(result.code, 1);
      assert.match(result.err, /was not generated by Takoss/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
