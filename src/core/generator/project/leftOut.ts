// The README's account of what was left out: the requirements Takoss did not understand, the ones
// it recognised but does not build (each with its reason and sentence number), and the sentences
// the user ignored on review. "Nothing" is said only when every sentence made it into the app.
import type { ProjectSpec } from '../../../model/project/projectSpec';
import { type LeftOutItem, sentenceLabel, understand } from '../../../model/project/understanding';
import { markdownText } from '../emit';

const bullet = (item: LeftOutItem) => `- “${markdownText(item.text)}” (${sentenceLabel(item.sentences)}) — ${markdownText(item.reason)}`;

/** Markdown lines for "## Not understood" (when there is any) and "## Not implemented". */
export function leftOutSections(spec: ProjectSpec): string[] {
  const result = understand(spec);
  const lines: string[] = [];
  if (result.notUnderstood.length) {
    lines.push('## Not understood', '');
    if (result.languageWarning) lines.push(`${result.languageWarning}`, '');
    lines.push('Takoss could not turn these requirements into the app, so **nothing** was built for them; add them yourself:', '');
    lines.push(...result.notUnderstood.map(bullet), '');
  }
  lines.push('## Not implemented', '');
  if (result.notImplemented.length) {
    lines.push('These requirements were recognised but are **not** built; add them yourself:', '');
    lines.push(...result.notImplemented.map(bullet), '');
  } else if (result.complete) {
    lines.push('Nothing: every recognised requirement is implemented.', '');
  } else {
    lines.push('No recognised requirement was left unbuilt, but not every requirement was understood: see **Not understood** above.', '');
  }
  const ignored = spec.ignoredSentences.flatMap((id) => spec.requirements.sentences.filter((s) => s.id === id));
  if (ignored.length) {
    lines.push('Ignored on review (you said they need nothing generated):', '');
    lines.push(...ignored.map((s) => `- “${markdownText(s.text)}” (${sentenceLabel([s.id])})`), '');
  }
  return lines;
}
