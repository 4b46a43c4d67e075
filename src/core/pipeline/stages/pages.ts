import * as z from 'zod';
import { filesStage, prompts } from './define';
import type { ClaudeStageContext, StageOutput } from './types';

const PolishedPage = z.object({ content: z.string().min(20).max(100_000), changes: z.string().max(1000) });
type PolishedPage = z.infer<typeof PolishedPage>;

const exportedNames = (code: string) => [...code.matchAll(/export\s+(?:function|const|class)\s+(\w+)/g)].map((m) => m[1]).sort();

/** One instance per entity: its list, detail, create and edit pages. */
export const pages = filesStage({
  kind: 'pages',
  title: 'Pages',
  perEntity: true,
  dependsOn: ['layout-navigation'],
  description: 'List, detail, create and edit pages for one entity, with relation pickers.',
  prompt: prompts(
    'Polish the page module of the entity {{entity}} below: clearer headings and helpful empty-state and help text drawn from the requirement sentences. Keep every export, import and prop exactly as they are; return the complete file.',
  ),
  produce: ({ layers, entity }) => layers.entityFiles('frontend.pages', entity as string),
});

pages.claude = {
  toolName: 'emit_page',
  toolDescription: 'Return the complete polished page module.',
  schema: PolishedPage,
  maxOutputTokens: 8000,
  writesCode: true,
  instructions: ({ offline, entity }: ClaudeStageContext, variant) => {
    const file = offline.files[0];
    return `${variant.template.replace('{{entity}}', entity ?? '')}\n\nFile ${file?.path}:\n${file?.content ?? ''}`;
  },
  validate: (value: PolishedPage, { offline, checkSyntax }: ClaudeStageContext) => {
    const file = offline.files[0];
    if (!file) return ['there is no page file to polish'];
    const problems = checkSyntax ? checkSyntax(file.path, value.content) : ['no TypeScript syntax checker is available'];
    const before = exportedNames(file.content).join(', ');
    const after = exportedNames(value.content).join(', ');
    if (before !== after) problems.push(`the exports must stay exactly ${before} (got ${after || 'none'})`);
    return problems;
  },
  // The answer replaces the entity's page module, nothing else (the path is not Claude's to choose).
  writes: (value: PolishedPage, { offline }: ClaudeStageContext) => (offline.files[0] ? [{ path: offline.files[0].path, content: value.content }] : []),
  apply: (value: PolishedPage, { offline }: ClaudeStageContext): StageOutput => {
    const file = offline.files[0];
    const content = value.content.endsWith('\n') ? value.content : value.content + '\n';
    return { files: [{ ...file, content, explanation: `${file.explanation} Polished by Claude: ${value.changes}` }], summary: `1 file: ${file.path.split('/').at(-1)} (polished by Claude)` };
  },
};
