// "Why does this file exist?": the file's own story from the manifest — what it is for, which
// layer and stage made it, and the requirement sentences it serves.
import type { Answer } from '../../../model/ask/answer';
import { explainFile } from '../../explain/explain';
import type { Question } from '../question';
import type { ProjectTrace } from '../trace';

export function asksAboutFile(question: Question): boolean {
  return question.path !== undefined;
}

export function answerFile(trace: ProjectTrace, path: string): Answer {
  const explained = explainFile(trace.manifest, path);
  if (!explained) {
    return {
      kind: 'file',
      summary: `${path} is not a file Takoss generated for this project (it is not in the manifest), so its trace says nothing about it; it may be yours.`,
      points: [],
      source: 'trace',
    };
  }
  const made = explained.stage ? `the ${explained.stage} stage (${explained.layer} layer)` : `the ${explained.layer} layer`;
  return {
    kind: 'file',
    summary: explained.explanation,
    points: [
      { text: `Written by ${made}.`, links: [{ path }] },
      ...(explained.requirements.length
        ? explained.requirements.map((sentence) => ({ text: `Serves “${sentence}”`, links: [] }))
        : [{ text: 'It serves no single requirement sentence: it is part of the project’s infrastructure.', links: [] }]),
    ],
    source: 'trace',
  };
}
