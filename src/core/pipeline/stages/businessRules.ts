import * as z from 'zod';
import type { GeneratedFile } from '../../generator/fileSet';
import { RULES_TEST_PATH as TEST_PATH } from '../writePolicy';
import { filesStage, prompts } from './define';
import type { ClaudeStageContext, StageOutput } from './types';

const SourceFile = z.object({ path: z.string().min(1).max(240), content: z.string().min(1).max(200_000) });
const RulesAnswer = z.object({
  /** Changed rules modules (existing files only). */
  files: z.array(SourceFile).max(20),
  /** New tests for what was implemented, as backend/test/<name>.rules.test.ts. */
  tests: z.array(SourceFile).max(10),
  implemented: z.array(z.object({ requirement: z.string().max(2000), how: z.string().min(5).max(1000) })).max(50),
});
type RulesAnswer = z.infer<typeof RulesAnswer>;

const exportedNames = (code: string) => [...code.matchAll(/export\s+(?:async\s+)?(?:function|const|class)\s+(\w+)/g)].map((m) => m[1]).sort();

function testHelpers(context: ClaudeStageContext): GeneratedFile | undefined {
  return context.layers.files('backend.tests').find((file) => file.path === 'backend/test/helpers.ts');
}

export const businessRules = filesStage({
  kind: 'business-rules',
  title: 'Business rules',
  dependsOn: ['database-schema'],
  description: 'Capacity limits, uniqueness, no-overlap, ownership, role-only actions and status workflows, enforced in the API.',
  prompt: prompts(
    'Some requirements were recognised but the deterministic generator could not implement them (listed below). Where one can be enforced inside an existing rules module (its beforeCreate/beforeUpdate hooks run inside the write transaction), extend that module and write Vitest tests for it; list only what you really implemented.',
  ),
  produce: ({ layers }) => layers.files('backend.rules'),
});

businessRules.claude = {
  toolName: 'emit_rules',
  toolDescription: 'Return changed rules modules, new tests, and the requirements they implement.',
  schema: RulesAnswer,
  maxOutputTokens: 16_000,
  writesCode: true,
  applies: ({ spec, offline }: ClaudeStageContext) => spec.unimplemented.length > 0 && offline.files.length > 0,
  instructions: (context: ClaudeStageContext, variant) => {
    const helpers = testHelpers(context);
    return [
      variant.template,
      `Not implemented yet:\n${context.spec.unimplemented.map((item, i) => `${i + 1}. ${item.text}`).join('\n')}`,
      ...context.offline.files.map((file) => `File ${file.path}:\n${file.content}`),
      helpers ? `Test helpers (import from './helpers.js'):\n${helpers.content}` : '',
    ].join('\n\n');
  },
  validate: (value: RulesAnswer, { offline, spec, checkSyntax }: ClaudeStageContext) => {
    const problems: string[] = [];
    const existing = new Map(offline.files.map((file) => [file.path, file]));
    const pending = new Set(spec.unimplemented.map((item) => item.text.trim()));
    for (const file of value.files) {
      const original = existing.get(file.path);
      if (!original) {
        problems.push(`files: "${file.path}" is not an existing rules module`);
        continue;
      }
      const before = exportedNames(original.content).join(', ');
      const after = exportedNames(file.content).join(', ');
      if (before !== after) problems.push(`${file.path}: the exports must stay exactly ${before} (got ${after || 'none'})`);
    }
    for (const test of value.tests) if (!TEST_PATH.test(test.path)) problems.push(`tests: "${test.path}" must be backend/test/<name>.rules.test.ts`);
    const paths = [...value.files, ...value.tests].map((file) => file.path);
    for (const path of new Set(paths.filter((path, i) => paths.indexOf(path) !== i))) problems.push(`"${path}" is given more than once`);
    for (const item of value.implemented) if (!pending.has(item.requirement.trim())) problems.push(`implemented: "${item.requirement}" is not one of the requirements listed as not implemented`);
    if (value.implemented.length && (!value.files.length || !value.tests.length)) problems.push('implemented requirements need changed rules modules and tests');
    for (const file of [...value.files, ...value.tests]) problems.push(...(checkSyntax ? checkSyntax(file.path, file.content) : ['no TypeScript syntax checker']));
    return problems;
  },
  writes: (value: RulesAnswer) => [...value.files, ...value.tests],
  apply: (value: RulesAnswer, { offline, spec }: ClaudeStageContext): StageOutput => {
    if (!value.implemented.length) return { ...offline, summary: `${offline.summary} (Claude found nothing more to implement)` };
    const changed = new Map(value.files.map((file) => [file.path, file.content]));
    const done = new Set(value.implemented.map((item) => item.requirement.trim()));
    const implemented = spec.unimplemented.filter((item) => done.has(item.text.trim()));
    const sources = implemented.flatMap((item) => item.sources);
    const files: GeneratedFile[] = offline.files.map((file) =>
      changed.has(file.path)
        ? { ...file, content: `${(changed.get(file.path) as string).replace(/\n?$/, '\n')}`, explanation: `${file.explanation} Extended by Claude for: ${implemented.map((i) => i.text).join(' ')}`, sources: [...new Set([...file.sources, ...sources])] }
        : file,
    );
    for (const test of value.tests) {
      files.push({
        path: test.path,
        content: test.content.replace(/\n?$/, '\n'),
        layer: 'backend/tests',
        explanation: `Tests written by Claude for requirements the generator could not implement on its own: ${implemented.map((i) => i.text).join(' ')}`,
        serves: ['rules:claude'],
        sources,
      });
    }
    const paths = [...changed.keys(), ...value.tests.map((t) => t.path)];
    return {
      files,
      spec: {
        ...spec,
        unimplemented: spec.unimplemented.filter((item) => !done.has(item.text.trim())),
        modelImplemented: [
          ...spec.modelImplemented,
          ...value.implemented.map((item) => ({
            text: item.requirement.trim(),
            how: item.how,
            files: paths,
            sources: spec.unimplemented.find((u) => u.text.trim() === item.requirement.trim())?.sources ?? [],
          })),
        ],
      },
      summary: `${offline.files.length} rules modules, ${value.files.length} extended and ${value.tests.length} test file(s) written by Claude`,
    };
  },
};
