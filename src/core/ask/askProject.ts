// Ask Takoss about a generated project (issue #16), offline: the question is read for what it names
// and answered from the project's own trace (manifest, model, files) by the first answerer that
// applies, most specific first. Nothing here writes a file; a change is only offered.
import type { Answer } from '../../model/ask/answer';
import { answerApi, asksAboutApi } from './answers/api';
import { answerChange, asksForChange } from './answers/change';
import { answerEntity } from './answers/entity';
import { answerField, namedField } from './answers/field';
import { answerFile, asksAboutFile } from './answers/file';
import { answerLeftOut, asksWhatWasLeftOut } from './answers/leftOut';
import { answerRequirement, asksWhichFiles } from './answers/requirements';
import { answerRules, asksAboutRules } from './answers/rules';
import { answerUnknown } from './answers/unknown';
import { type Question, readQuestion } from './question';
import type { ProjectTrace } from './trace';

export const MAX_QUESTION_LENGTH = 2000;

export interface AskOptions {
  /** The project-relative path of the file open in the editor, for "this file". */
  currentFile?: string;
}

type Answerer = (trace: ProjectTrace, question: Question) => Answer | undefined | Promise<Answer | undefined>;

/** In order: a change request, what was left out, a named file, a quoted/matched requirement, rules, an API, a field, an entity. */
const ANSWERERS: readonly Answerer[] = [
  (trace, q) => (asksForChange(q) ? answerChange(trace, q) : undefined),
  (trace, q) => (asksWhatWasLeftOut(q) ? answerLeftOut(trace) : undefined),
  (trace, q) => (asksAboutFile(q) && q.path ? answerFile(trace, q.path) : undefined),
  (trace, q) => (asksWhichFiles(q) ? answerRequirement(trace, q) : undefined),
  (trace, q) => (asksAboutRules(q) ? answerRules(trace, q) : undefined),
  (trace, q) => (asksAboutApi(q) ? answerApi(trace, q.entities[0]) : undefined),
  (trace, q) => {
    const field = namedField(trace, q);
    return field ? answerField(trace, field) : undefined;
  },
  (trace, q) => (q.entities.length === 1 ? answerEntity(trace, q.entities[0]) : undefined),
  // A sentence the question shares most words with, even without "which files".
  (trace, q) => answerRequirement(trace, q),
];

export async function askProject(trace: ProjectTrace, text: string, options: AskOptions = {}): Promise<Answer> {
  if (typeof text !== 'string' || !text.trim()) return answerUnknown('Ask a question about the project');
  if (text.length > MAX_QUESTION_LENGTH) return answerUnknown(`The question is longer than ${MAX_QUESTION_LENGTH} characters`);
  const question = readQuestion(trace, text, options.currentFile);
  for (const answerer of ANSWERERS) {
    const answer = await answerer(trace, question);
    if (answer) return answer;
  }
  return answerUnknown();
}
