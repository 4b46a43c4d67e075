// A question the trace cannot answer: said plainly, with what can be asked instead.
import type { Answer } from '../../../model/ask/answer';

export const QUESTIONS_THE_TRACE_ANSWERS = [
  'Where is a rule enforced? ("where is the capacity rule enforced?")',
  'Which files serve a requirement? ("which files serve \'members can cancel their own bookings\'?")',
  'What was not implemented? ("what did you not implement?")',
  'Why does a file exist? ("why does backend/src/rules/bookings.ts exist?")',
  'What does an entity’s API accept? ("what does the bookings API accept?")',
  'What does the project keep of an entity? ("tell me about bookings")',
  'A change to make ("add a due date to tasks"), offered for review, never applied from here',
];

export function answerUnknown(reason = 'That is outside what this project’s trace knows'): Answer {
  return {
    kind: 'unknown',
    summary: `${reason}: Takoss answers offline from the project’s manifest and model, not from reading the code. With a Claude API key it can also answer from the files themselves. Questions the trace answers:`,
    points: QUESTIONS_THE_TRACE_ANSWERS.map((text) => ({ text, links: [] })),
    source: 'trace',
  };
}
