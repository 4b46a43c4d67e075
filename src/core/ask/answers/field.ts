// "Which files handle ticket codes?": a field the question names (by its words, e.g. "ticket code"
// for ticketCode), with the lines that define, check and show it in each file of its entity.
import type { Answer, FileLink } from '../../../model/ask/answer';
import { snakeCase, singularizeWord, words } from '../../../model/project/naming';
import type { Question } from '../question';
import type { ProjectTrace } from '../trace';
import { filesServing } from './links';

interface NamedField {
  entity: string;
  field: string;
}

/** The one field the question names; undefined when none or several (then another answerer is better). */
export function namedField(trace: ProjectTrace, question: Question): NamedField | undefined {
  const spaced = ` ${question.words.join(' ')} `;
  const found = (trace.spec?.entities ?? []).flatMap((entity) =>
    entity.fields
      .filter((field) => {
        const phrase = words(field.name).map((word) => singularizeWord(word)).join(' ');
        return phrase.length > 2 && spaced.includes(` ${phrase} `);
      })
      .map((field) => ({ entity: entity.name, field: field.name })),
  );
  const inNamedEntity = found.filter((candidate) => question.entities.includes(candidate.entity));
  const chosen = inNamedEntity.length ? inNamedEntity : found;
  return chosen.length === 1 ? chosen[0] : undefined;
}

export async function answerField(trace: ProjectTrace, named: NamedField): Promise<Answer> {
  const column = snakeCase(named.field);
  const links: FileLink[] = [];
  for (const file of filesServing(trace, (candidate) => candidate.serves.includes(`entity:${named.entity}`))) {
    const text = await trace.read(file.path);
    if (text === undefined) continue;
    const line = text.split('\n').findIndex((candidate) => candidate.includes(named.field) || new RegExp(`\\b${column}\\b`).test(candidate));
    if (line >= 0) links.push({ path: file.path, line: line + 1 });
  }
  return {
    kind: 'entity',
    summary: `${named.entity}.${named.field} appears in ${links.length} generated ${links.length === 1 ? 'file' : 'files'}; each link opens its first mention there.`,
    points: [{ text: `Where ${named.field} is defined, validated, stored, shown and tested:`, links }],
    source: 'trace',
  };
}
