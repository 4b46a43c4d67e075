// Hostile spec strings for the "spec strings are data, never code" tests (issue #12): texts that
// would break out of a string, comment, template literal, SQL, Markdown or HTML if a template pasted
// them raw. Each carries a "pwned" marker so a test can find where it landed in a generated file.
import type { ProjectSpec } from '../../src/model/project/projectSpec';

/** The marker every hostile text contains; it must never appear in generated code outside data. */
export const MARKER = 'pwned';

/** Texts the schema accepts (one line, no control characters) but that are hostile to templates. */
export const HOSTILE_TEXTS: readonly string[] = [
  // Were it ever evaluated, the project's own tests would stop at process.exit(1).
  `Quo'te"s \`tick\` \${process.exit(1) || pwned1()} back\\slash`,
  `*/ pwned2(); /* -- pwned2 -- */`,
  `</script><img src=x onerror=pwned3()>`,
  `$& $' $\` $1 {pwned4} {{pwned4}} }}`,
  `# pwned5 | *bold* _it_ [x](javascript:pwned5) <!-- x -->`,
  `\\u0041\\n pwned6 \\' \\`,
];

/** Labels that are JavaScript keywords or Object.prototype names (a label must never become a key). */
export const RESERVED_LABELS: readonly string[] = ['constructor', '__proto__', 'delete', 'toString', 'hasOwnProperty', 'class'];

/**
 * Texts the schema must refuse: line/paragraph separators (U+2028 ends a `//` comment in JS), other
 * line breaks and control characters, bidi overrides and isolates, lone surrogates.
 */
export const REFUSED_TEXTS: readonly string[] = [
  'Books\u2028import("node:child_process").then(pwned7)\u2028//',
  'Books\u2029pwned7',
  'Books\npwned7',
  'Books\rpwned7',
  'Books\tpwned7',
  'Books\u0000pwned7',
  'Books\u001b[31mpwned7',
  'Books\u0085pwned7',
  'Books\u202epwned7',
  'Books\u2066pwned7\u2069',
  'Books\ud800pwned7',
];

const isTextField = (type: string) => type === 'string' || type === 'text';

/**
 * A copy of `spec` with `text(original, i)` in every label, title, description, message, string
 * default and string condition value, plus a requirement sentence, an unimplemented note and a
 * model-implemented note made of `text` (they reach the README and the manifest).
 */
export function withTexts(spec: ProjectSpec, text: (original: string, index: number) => string): ProjectSpec {
  let n = 0;
  const next = () => n++;
  const copy: ProjectSpec = structuredClone(spec);
  copy.title = text(copy.title, next());
  copy.description = text(copy.description, next());
  for (const entity of copy.entities) {
    entity.label = text(entity.label, next());
    entity.pluralLabel = text(entity.pluralLabel, next());
    for (const field of entity.fields) {
      field.label = text(field.label, next());
      if (typeof field.default === 'string' && isTextField(field.type)) field.default = text(field.default, next());
    }
  }
  for (const rule of copy.rules) {
    if (rule.kind !== 'refuseWhen') continue;
    rule.message = text(rule.message, next());
    const target = copy.entities.find((e) => e.name === rule.entity)?.fields.find((f) => f.name === rule.condition.field);
    if (typeof rule.condition.value === 'string' && target && isTextField(target.type)) rule.condition.value = text(rule.condition.value, next());
  }
  for (const page of copy.pages) page.title = text(page.title, next());
  const id = Math.max(-1, ...copy.requirements.sentences.map((s) => s.id)) + 1;
  const note = text('Note', next());
  copy.requirements.sentences.push({ id, text: note });
  copy.unimplemented.push({ text: note, reason: text('Reason', next()), sources: [id] });
  copy.modelImplemented.push({ text: note, how: text('How', next()), files: [text('file.ts', next())], sources: [id] });
  return copy;
}

/** Every string a label may hold appended to the original, one hostile text per element in turn. */
export function hostileSpec(spec: ProjectSpec, texts: readonly string[] = HOSTILE_TEXTS): ProjectSpec {
  return withTexts(spec, (original, i) => `${original} ${texts[i % texts.length]}`.trim());
}
