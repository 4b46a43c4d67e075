import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { coverageMarkdown, requirementsCoverage, servedSentences } from '../../src/core/explain/explain';
import { generateProject } from '../../src/core/generator';
import { buildManifest, TakossManifest } from '../../src/core/generator/project';
import { generateReadme } from '../../src/core/generator/project/readme';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { applySuggestion, ignoreSentence } from '../../src/model/project/suggestions';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

/** The fleet spec with nothing left out: every other sentence ignored on review. */
const complete = () => ({ ...load('fleet'), notUnderstood: [], unimplemented: [], ignoredSentences: [2, 3, 4, 5, 6, 7] });

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`${heading}\n`);
  assert.ok(start >= 0, `missing ${heading}`);
  const next = markdown.indexOf('\n## ', start + heading.length);
  return markdown.slice(start, next < 0 ? undefined : next);
}

function coverageOf(spec: ProjectSpec): string {
  const files = generateProject(spec).list();
  const manifest = TakossManifest.parse(JSON.parse(files.find((f) => f.path === '.takoss/manifest.json')?.content ?? ''));
  return coverageMarkdown(requirementsCoverage(manifest));
}

describe('generated README: what was left out', () => {
  it('has a Not understood section and a Not implemented section, each item with its reason and sentence', () => {
    const readme = generateReadme(load('fleet'));
    const missed = section(readme, '## Not understood');
    assert.match(missed, /nothing\*\* was built for them/);
    assert.ok(missed.includes('- “Each trip uses a vehicle.” (sentence 3) — "vehicle" is not an entity of the model.'), missed);
    assert.ok(missed.includes('- “A driver logs at most one trip per day.” (sentence 5) — A limit per day is not a rule Takoss recognises.'));
    assert.ok(missed.includes('- “The app should feel friendly.” (sentence 7) — Nothing was made of this sentence'), 'the silent drop is said');
    const unbuilt = section(readme, '## Not implemented');
    assert.ok(unbuilt.includes('- “the manager gets a weekly e-mail report” (sentence 4) — Takoss does not generate scheduled e-mails.'));
    assert.ok(unbuilt.includes('Ignored on review'), 'ignored sentences are named');
    assert.ok(unbuilt.includes('- “We will discuss colours later.” (sentence 8)'));
    assert.ok(readme.indexOf('## Not understood') < readme.indexOf('## Not implemented'));
    assert.doesNotMatch(readme, /every recognised requirement is implemented|Nothing:/);
  });

  it('never says "Nothing" while a sentence is not understood, even with nothing unimplemented', () => {
    const spec = { ...load('fleet'), unimplemented: [] };
    const readme = generateReadme(spec);
    assert.doesNotMatch(readme, /every recognised requirement is implemented|Nothing:/);
    assert.match(section(readme, '## Not implemented'), /not every requirement was understood: see \*\*Not understood\*\*/);
    const onlyDropped = generateReadme({ ...complete(), ignoredSentences: [2, 3, 4, 5, 7] });
    assert.doesNotMatch(onlyDropped, /Nothing:/, 'an unaccounted sentence is enough');
    assert.match(section(onlyDropped, '## Not understood'), /The app should feel friendly/);
  });

  it('says "Nothing" only when every sentence made it in, and names the non-English warning', () => {
    const readme = generateReadme(complete());
    assert.equal(readme.includes('## Not understood'), false);
    assert.match(section(readme, '## Not implemented'), /Nothing: every recognised requirement is implemented\./);
    const german = generateReadme({ ...load('fleet'), warnings: ['Only English requirements are understood; this text looks like German.'] });
    assert.match(section(german, '## Not understood'), /Only English requirements are understood/);
  });

  it('applying a suggestion moves the sentence out of the README’s Not understood list', () => {
    const fixed = applySuggestion(ignoreSentence(load('fleet'), 6), 0, 0);
    assert.ok(typeof fixed !== 'string');
    const readme = generateReadme(fixed);
    assert.doesNotMatch(section(readme, '## Not understood'), /vehicle/);
    assert.match(readme, /### Vehicles/);
  });
});

describe('Requirements Coverage: every sentence with its status', () => {
  it('the manifest records each sentence’s status and why parts were left out', () => {
    const manifest = TakossManifest.parse(JSON.parse(buildManifest(load('fleet'), [])));
    assert.deepEqual(
      manifest.requirements.map((r) => r.status),
      ['context', 'mapped', 'notUnderstood', 'partial', 'notUnderstood', 'notUnderstood', 'unaccounted', 'ignored'],
    );
    assert.deepEqual(manifest.requirements[3].notImplemented, ['Takoss does not generate scheduled e-mails.']);
    assert.equal(manifest.requirements[3].notUnderstood, undefined);
    assert.deepEqual(manifest.requirements[2].notUnderstood, ['"vehicle" is not an entity of the model.']);
    const old = TakossManifest.parse({ ...manifest, requirements: manifest.requirements.map(({ id, text }) => ({ id, text })) });
    assert.equal(old.requirements[0].status, undefined, 'manifests written before still read');
  });

  it('lists each sentence with its status, then what was not understood and not implemented, and never claims all were served', () => {
    const markdown = coverageOf(load('fleet'));
    assert.doesNotMatch(markdown, /(\d+) of \1 requirement sentences/);
    assert.match(markdown, /\*\*Not everything in the requirements was built:\*\* 4 sentences not \(fully\) understood, 1 not \(fully\) implemented, 1 of them only partly built/);
    assert.doesNotMatch(markdown, /served by generated files/, 'files cite sentences they serve only in part');
    assert.match(markdown, /## 1\. Fleet log\n\nStatus: \*\*context only \(a title, heading or introduction\)\*\*\n/);
    const second = section(markdown, '## 2. Drivers log trips with a date and a distance\\.');
    assert.match(second, /^## 2\..*\n\nStatus: \*\*implemented\*\*\n/);
    assert.ok(second.includes('- `backend/src/routes/trips.ts`'), second);
    assert.match(markdown, /## 4\. .*\n\nStatus: \*\*partly implemented\*\* — not implemented: Takoss does not generate scheduled e\\-mails\\\./);
    assert.match(markdown, /## 7\. .*\n\nStatus: \*\*not understood \(no reason recorded\)\*\* — Nothing was made of this sentence/);
    assert.match(markdown, /## 8\. .*\n\nStatus: \*\*ignored/);
    const missed = section(markdown, '## Not understood');
    assert.match(missed, /- 3\. Each trip uses a vehicle\\\. — "vehicle" is not an entity of the model\\\./);
    assert.match(missed, /- 7\. The app should feel friendly/);
    assert.doesNotMatch(missed, /- 4\./, 'sentence 4 was understood; its clause is not implemented');
    assert.match(section(markdown, '## Not implemented'), /- 4\. Trips record the fuel used.* — Takoss does not generate scheduled e\\-mails/);
  });

  it('a partial sentence keeps "N of N" away even when every sentence has files', () => {
    const spec = load('fleet');
    const onlyPartial = { ...spec, notUnderstood: [], ignoredSentences: [2, 4, 5, 6, 7] };
    const markdown = coverageOf(onlyPartial);
    assert.match(markdown, /Not everything in the requirements was built:\*\* 1 not \(fully\) implemented, 1 of them only partly built/);
    assert.doesNotMatch(markdown, /(\d+) of \1 requirement sentences/);
  });

  it('says every sentence was built only when it was', () => {
    const markdown = coverageOf(complete());
    assert.match(markdown, /^Every requirement sentence was built \(or is a heading, or was ignored on review\)\. 8 of 8 requirement sentences are served by generated files\.$/m);
    assert.match(markdown, /## 3\. Each trip uses a vehicle\\\.\n\nStatus: \*\*ignored/);
    assert.doesNotMatch(markdown, /## Not understood|## Not implemented|## Not served by any file/);
  });

  it('counts served sentences with the verb and noun agreeing (never "1 of 1 requirement sentences are")', () => {
    assert.equal(servedSentences(1, 1), 'The one requirement sentence is served by generated files.');
    assert.equal(servedSentences(0, 1), 'The one requirement sentence is served by no generated file.');
    assert.equal(servedSentences(1, 4), '1 of 4 requirement sentences is served by generated files.');
    assert.equal(servedSentences(3, 4), '3 of 4 requirement sentences are served by generated files.');
    assert.equal(servedSentences(0, 2), 'None of the 2 requirement sentences is served by generated files.');
    const line = { id: 0, text: 'Blog with auth and posts.', files: ['README.md'], status: 'mapped' as const, notUnderstood: [], notImplemented: [] };
    const markdown = coverageMarkdown({ project: 'blog', lines: [line], unserved: [], untraced: [] });
    assert.match(markdown, /^Every requirement sentence was built .*\. The one requirement sentence is served by generated files\.$/m);
    assert.match(coverageMarkdown({ project: 'blog', lines: [{ ...line, status: undefined }], unserved: [], untraced: [] }), /^The one requirement sentence is served/m);
  });
});
