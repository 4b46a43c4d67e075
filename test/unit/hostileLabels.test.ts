// Issue #12, "spec strings are data, never code": hostile labels, titles, descriptions, messages and
// notes (quotes, backticks, `${}`, `*/`, `--`, backslashes, `</script>`, keywords) must leave every
// generated file parseable with the text inside a string, template text, JSX text or comment; the
// schema must refuse line/paragraph separators, control characters and bidi controls outright.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCommand } from '../../src/cli/generateCommand';
import { generateProject } from '../../src/core/generator';
import * as emit from '../../src/core/generator/emit';
import type { GeneratedFile } from '../../src/core/generator/fileSet';
import { extractSpec } from '../../src/core/extract';
import { ProjectSpec, toSpecText, unsafeCharacter } from '../../src/model/project/projectSpec';
import { WebviewToHost } from '../../src/model/protocol';
import { scriptCode, scriptComments, scriptErrors, sqlCode } from '../shared/dataRanges';
import { HOSTILE_TEXTS, hostileSpec, MARKER, REFUSED_TEXTS, RESERVED_LABELS, withTexts } from '../shared/hostileSpec';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const fixtureNames = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));
const loadSpec = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

const SCRIPT = /\.(ts|tsx|js|mjs|cjs)$/;
const HTML_TAG = /<\/?([a-zA-Z][a-zA-Z0-9-]*)/g;

/** Every way a generated file could let a hostile text out of data; [] when none did. */
function leaks(file: GeneratedFile, baseline: GeneratedFile | undefined): string[] {
  const problems: string[] = [];
  const { path: name, content } = file;
  if (SCRIPT.test(name)) {
    const errors = scriptErrors(name, content);
    if (errors.length) return errors;
    const code = scriptCode(name, content);
    const at = code.indexOf(MARKER);
    if (at >= 0) problems.push(`${name}: hostile text in code: ${JSON.stringify(content.slice(Math.max(0, at - 60), at + 40))}`);
    for (const comment of scriptComments(name, content)) {
      if (/[\u2028\u2029]/.test(comment)) problems.push(`${name}: a comment holds a line/paragraph separator: ${JSON.stringify(comment)}`);
    }
  } else if (name.endsWith('.json')) {
    let parsed: { scripts?: Record<string, string> };
    try {
      parsed = JSON.parse(content);
    } catch (error) {
      return [`${name}: not JSON: ${(error as Error).message}`];
    }
    if (Object.values(parsed.scripts ?? {}).some((script) => script.includes(MARKER))) problems.push(`${name}: hostile text in an npm script`);
  } else if (name.endsWith('.sql')) {
    if (sqlCode(content).includes(MARKER)) problems.push(`${name}: hostile text in SQL outside strings and comments`);
  } else if (name.endsWith('.html')) {
    const tags = (text: string) => [...text.matchAll(HTML_TAG)].map((m) => m[1]).join(' ');
    if (tags(content) !== tags(baseline?.content ?? '')) problems.push(`${name}: the HTML tags changed: ${tags(content)}`);
  } else if (name.endsWith('.md')) {
    const markup = rawMarkdownMarkup(content);
    if (markup !== rawMarkdownMarkup(baseline?.content ?? '')) problems.push(`${name}: raw HTML or links from a hostile text: ${markup}`);
    if (/^#+ *pwned/m.test(content)) problems.push(`${name}: a hostile text starts a heading`);
    problems.push(...tableProblems(name, content));
  } else if (content.includes(MARKER)) {
    problems.push(`${name}: a hostile text reached a file that holds no spec text`);
  }
  return problems;
}

/** Markdown without backslash escapes and code spans (both are literal text). */
function outsideCode(markdown: string): string {
  return markdown.replace(/\\[\s\S]/g, '').replace(/(`+)[\s\S]*?\1/g, '');
}

/** Raw HTML tags and links in Markdown, outside code spans and backslash escapes. */
function rawMarkdownMarkup(markdown: string): string {
  const text = outsideCode(markdown);
  return [...text.matchAll(/<[a-zA-Z!/][^>\n]*>?|\]\([^)\n]*\)/g)].map((m) => m[0]).join(' ');
}

/** Markdown table rows must keep their header's column count (an unescaped `|` adds a column). */
function tableProblems(name: string, markdown: string): string[] {
  const cells = (line: string) => outsideCode(line).split('|').length;
  const problems: string[] = [];
  let header = 0;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) header = 0;
    else if (!header) header = cells(line);
    else if (cells(line) !== header) problems.push(`${name}: table row has ${cells(line) - 1} columns, not ${header - 1}: ${line}`);
  }
  return problems;
}

function assertStaysData(spec: ProjectSpec, original: ProjectSpec): number {
  const baseline = new Map(generateProject(original).list().map((f) => [f.path, f]));
  const files = generateProject(spec).list();
  const problems = files.flatMap((file) => leaks(file, baseline.get(file.path)));
  assert.deepEqual(problems, []);
  const reached = files.filter((f) => f.content.includes(MARKER)).length;
  return reached;
}

describe('hostile spec strings stay data (issue #12)', () => {
  describe('the schema', () => {
    const places: [string, (spec: ProjectSpec, text: string) => void][] = [
      ['title', (s, t) => (s.title = t)],
      ['entity label', (s, t) => (s.entities[0].label = t)],
      ['plural label', (s, t) => (s.entities[0].pluralLabel = t)],
      ['field label', (s, t) => (s.entities[0].fields[0].label = t)],
      ['string default', (s, t) => (s.entities[0].fields[0].default = t)],
      ['page title', (s, t) => s.pages.push({ kind: 'home', path: '/', title: t, sources: [] })],
      ['unimplemented note', (s, t) => s.unimplemented.push({ text: 'x', reason: t, sources: [] })],
      ['refuseWhen message', (s, t) => s.rules.push({ kind: 'refuseWhen', entity: s.entities[0].name, actions: ['delete'], condition: { field: 'x', op: 'eq', value: 'a' }, message: t, sources: [] })],
      ['condition value', (s, t) => s.rules.push({ kind: 'refuseWhen', entity: s.entities[0].name, actions: ['delete'], condition: { field: 'x', op: 'eq', value: t }, message: 'No.', sources: [] })],
    ];
    const multiline = new Set(['unimplemented note']);

    for (const [place, put] of places) {
      it(`refuses separators, control characters, bidi controls and lone surrogates in a ${place}, naming the character`, () => {
        for (const text of REFUSED_TEXTS) {
          if (multiline.has(place) && /^Books[\n\r\t]/.test(text)) continue;
          const spec = loadSpec('studio');
          put(spec, text);
          const result = ProjectSpec.safeParse(spec);
          assert.equal(result.success, false, `${place} ${JSON.stringify(text)} is refused`);
          assert.match(result.error!.issues.map((i) => i.message).join('\n'), /contains U\+[0-9A-F]{4}/);
        }
      });
      it(`accepts quotes, backticks, \${}, */, --, backslashes, HTML and keywords in a ${place}`, () => {
        for (const text of [...HOSTILE_TEXTS, ...RESERVED_LABELS]) {
          const spec = loadSpec('studio');
          put(spec, text);
          const result = ProjectSpec.safeParse(spec);
          assert.ok(result.success, `${place} ${JSON.stringify(text)}: ${result.success ? '' : result.error.message}`);
        }
      });
    }

    it('lets descriptions and notes break lines and use tabs, but nothing else', () => {
      const spec = loadSpec('studio');
      spec.description = 'First line.\n\tSecond line.\r\n';
      assert.ok(ProjectSpec.safeParse(spec).success);
      spec.description = 'First\u2028second';
      assert.equal(ProjectSpec.safeParse(spec).success, false);
    });

    it('keeps roles and workflow values words', () => {
      const library = loadSpec('library');
      assert.equal(library.auth.kind, 'emailPassword');
      const refused = (change: (spec: ProjectSpec) => void) => {
        const spec = loadSpec('library');
        change(spec);
        return !ProjectSpec.safeParse(spec).success;
      };
      assert.ok(refused((s) => s.auth.kind === 'emailPassword' && (s.auth.defaultRole = "x'); pwned(); ('")));
      assert.ok(refused((s) => s.auth.kind === 'emailPassword' && (s.auth.adminRole = 'Admin Role')));
      assert.ok(refused((s) => s.rules.push({ kind: 'roleRequired', entity: 'Book', actions: ['create'], roles: ['a b'], sources: [] })));
      assert.ok(refused((s) => s.rules.push({ kind: 'statusWorkflow', entity: 'Book', field: 'title', initial: '`${x}`', transitions: [], sources: [] })));
      assert.ok(refused((s) => s.rules.push({ kind: 'statusWorkflow', entity: 'Book', field: 'title', initial: 'a', transitions: [{ from: 'a', to: '*/' }], sources: [] })));
    });

    it('refuses the red-team label (U+2028 around an import) at every door: CLI --spec and a webview message', async () => {
      const spec = loadSpec('library');
      spec.entities[0].pluralLabel = 'Books\u2028import("node:child_process").then((c) => c.execSync("touch pwned"))\u2028//';
      const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-hostile-cli-'));
      try {
        const file = path.join(work, 'spec.json');
        writeFileSync(file, JSON.stringify(spec));
        const err: string[] = [];
        const unused = () => assert.fail('nothing may be generated from a refused spec');
        const code = await generateCommand(['--spec', file, '--out', path.join(work, 'out')], { out: () => undefined, err: (line) => err.push(line) }, {
          extractSpec: unused,
          runGeneration: unused,
          verifyProject: unused,
        });
        assert.equal(code, 2);
        assert.match(err.join('\n'), /entities\.0\.pluralLabel: contains U\+2028/);
        assert.deepEqual(readdirSync(work), ['spec.json'], 'no project folder was written');
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
      const message = WebviewToHost.safeParse({ type: 'generate', requestId: 'r1', spec, provider: 'offline' });
      assert.equal(message.success, false);
      assert.ok(message.error!.issues.some((issue) => issue.path.join('.') === 'spec.entities.0.pluralLabel'), JSON.stringify(message.error!.issues));
    });

    it('unsafeCharacter names the first refused character; toSpecText makes pasted text acceptable', () => {
      assert.equal(unsafeCharacter('Books\u2028x'), 'U+2028');
      assert.equal(unsafeCharacter('a\tb'), 'U+0009');
      assert.equal(unsafeCharacter('a\tb', true), undefined);
      assert.equal(unsafeCharacter('Quo\'te" `${x}` */'), undefined);
      assert.equal(unsafeCharacter('emoji \u{1F600} ok'), undefined);
      for (const text of REFUSED_TEXTS) assert.equal(unsafeCharacter(toSpecText(text), true), undefined, JSON.stringify(text));
      assert.equal(toSpecText('a\u2028b\u202ec\u0000d\ud800'), 'a\nbc d\ufffd');
      assert.equal(toSpecText('Plain text,\n\twith "quotes".'), 'Plain text,\n\twith "quotes".');
    });

    it('the extractor never yields a string the schema refuses, whatever the pasted text holds', () => {
      const text = readFileSync(path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'requirements', 'library.txt'), 'utf8');
      for (const hostile of [...REFUSED_TEXTS, ...HOSTILE_TEXTS]) {
        for (const input of [text.replace(/book/g, `bo${hostile}ok`), text.replace(/\. /g, `.${hostile} `), `${hostile} Title\n${text}`]) {
          const spec = extractSpec(input);
          assert.ok(ProjectSpec.safeParse(spec).success, JSON.stringify(hostile));
          assert.ok(!spec.warnings.some((w) => /reset/.test(w)), `${JSON.stringify(hostile)}: ${spec.warnings.join(' ')}`);
          assert.ok(spec.entities.length > 0, `${JSON.stringify(hostile)} still yields entities`);
        }
      }
    });
  });

  describe('the emit helpers', () => {
    it('leave ordinary labels as the templates always wrote them', () => {
      const label = 'Due date (UTC) & notes, 50% — café';
      assert.equal(emit.jsString(label), JSON.stringify(label));
      assert.equal(emit.singleQuotedText(label), label);
      assert.equal(emit.templateText(label), label);
      assert.equal(emit.lineComment(label), label);
      assert.equal(emit.blockComment(label), label);
      assert.equal(emit.sqlString(label), `'${label}'`);
    });

    it('make every hostile text a well-formed literal or comment of its context', () => {
      for (const text of [...HOSTILE_TEXTS, ...REFUSED_TEXTS]) {
        const source = [
          `const a = ${emit.jsString(text)};`,
          `const b = '${emit.singleQuotedText(text)}';`,
          `const c = \`${emit.templateText(text)} \${a}\`;`,
          `// ${emit.lineComment(text)}`,
          `/** ${emit.blockComment(text)} */`,
          `export const all = [a, b, c];`,
        ].join('\n');
        assert.deepEqual(scriptErrors('x.ts', source), [], source);
        assert.ok(!scriptCode('x.ts', source).includes(MARKER), source);
        // eslint-disable-next-line no-new-func -- evaluating the literals checks they mean the text itself
        const values = new Function(`${source.replace('export ', '')}\nreturn all;`)() as string[];
        assert.deepEqual(values.slice(0, 2), [text, text], 'string literals keep the text exactly');
        assert.equal(values[2], `${text} ${text}`, 'template text keeps the text exactly');
        assert.ok(!/[\u2028\u2029\n\r]/.test(emit.lineComment(text)) && !emit.blockComment(text).includes('*/'));
        assert.ok(!emit.jsString(text).includes('</script'), 'a string literal cannot close an inline script');
        assert.ok(!sqlCode(`SELECT ${emit.sqlString(text)}; -- ${emit.lineComment(text)}\nSELECT 1;`).includes(MARKER));
      }
    });
  });

  describe('every generated file parses and hostile texts stay data', () => {
    for (const name of fixtureNames) {
      it(`${name}: quotes, backticks, \${}, */, --, backslashes and HTML appended to every label and text`, () => {
        const original = loadSpec(name);
        const spec = ProjectSpec.parse(hostileSpec(original));
        assert.ok(assertStaysData(spec, original) > 5, 'the hostile texts reached many files');
      });
      it(`${name}: labels and texts that are nothing but a hostile text`, () => {
        const original = loadSpec(name);
        const spec = ProjectSpec.parse(withTexts(original, (_, i) => `${HOSTILE_TEXTS[i % HOSTILE_TEXTS.length]} ${i}`));
        assertStaysData(spec, original);
      });
      it(`${name}: labels that are keywords or Object.prototype names`, () => {
        const original = loadSpec(name);
        const spec = ProjectSpec.parse(withTexts(original, (_, i) => RESERVED_LABELS[i % RESERVED_LABELS.length]));
        const files = generateProject(spec).list();
        assert.deepEqual(files.flatMap((file) => (SCRIPT.test(file.path) ? scriptErrors(file.path, file.content) : [])), []);
      });
    }

    it('defence in depth: a spec that skipped the schema (U+2028, newlines, bidi controls) still cannot put code in a file', () => {
      for (const name of fixtureNames) {
        const original = loadSpec(name);
        assertStaysData(hostileSpec(original, REFUSED_TEXTS), original);
      }
    });
  });
});
