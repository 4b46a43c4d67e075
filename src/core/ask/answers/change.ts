// "Add a due date to tasks": a question that asks for a change is not carried out here. It is read
// against the project's model (offline, as `takoss update --change` reads it) and offered as a
// change to review and merge through the update path; the conversation never edits a file.
import type { Answer } from '../../../model/ask/answer';
import { readChange } from '../../change/readChange';
import type { Question } from '../question';
import type { ProjectTrace } from '../trace';

const CHANGE_VERBS = 'add|remove|delete|drop|rename|make|change|turn|let|allow|require|forbid|limit|only';

export function asksForChange(question: Question): boolean {
  const text = question.text.toLowerCase();
  return (
    new RegExp(`^(please\\s+)?(${CHANGE_VERBS})\\b`).test(text) ||
    new RegExp(`\\b(can|could|would) you (please\\s+)?(${CHANGE_VERBS})\\b`).test(text) ||
    new RegExp(`\\b(i|we) (want|would like|need) (you )?to (${CHANGE_VERBS})\\b`).test(text)
  );
}

/** The change the question asks for, without the politeness around it. */
function changeText(question: Question): string {
  return question.text
    .replace(/^(please\s+)/i, '')
    .replace(/^.*?\b(?:can|could|would) you (?:please\s+)?/i, '')
    .replace(/^.*?\b(?:i|we) (?:want|would like|need) (?:you )?to\s+/i, '')
    .replace(/\?+\s*$/, '.');
}

export function answerChange(trace: ProjectTrace, question: Question): Answer {
  const text = changeText(question);
  if (!trace.spec) {
    return {
      kind: 'change',
      summary: 'This asks for a change, but the project has no remembered model (.takoss/spec.json), so Takoss cannot read a change against it. Generate the project again with this Takoss to change it later.',
      points: [],
      source: 'trace',
    };
  }
  const reading = readChange(trace.spec, text);
  if (!reading.applied.length) {
    return {
      kind: 'change',
      summary: 'This asks for a change, but Takoss could not read it against the project’s model. Nothing was changed.',
      points: reading.notUnderstood.map((why) => ({ text: why, links: [] })),
      source: 'trace',
    };
  }
  return {
    kind: 'change',
    summary: 'This asks for a change. Nothing has been changed yet: review it as a change to the project (your edits are merged, never lost).',
    points: reading.applied.map((line) => ({ text: line, links: [] })),
    change: { text, wouldDo: reading.applied },
    source: 'trace',
  };
}
