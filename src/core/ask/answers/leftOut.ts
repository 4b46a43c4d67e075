// "What did you not implement?": every requirement sentence Takoss did not (fully) turn into code,
// with why — the same accounting as Requirements Coverage and the generated README.
import type { Answer } from '../../../model/ask/answer';
import { requirementsCoverage } from '../../explain/explain';
import type { Question } from '../question';
import type { ProjectTrace } from '../trace';

export function asksWhatWasLeftOut(question: Question): boolean {
  return /\b(not|n't|never)\b.{0,30}\b(implement\w*|generat\w*|understood|underst\w*|buil[dt]\w*|cover\w*|support\w*|done|handl\w*)|\bleft out\b|\bskipp?\w*|\bmiss(ed|ing)\b|\bunimplemented\b|\bgaps?\b|\bignored?\b/i.test(
    question.text,
  );
}

export function answerLeftOut(trace: ProjectTrace): Answer {
  const coverage = requirementsCoverage(trace.manifest);
  const leftOut = coverage.lines.filter((line) => line.notUnderstood.length || line.notImplemented.length || line.status === 'notUnderstood' || line.status === 'notImplemented' || line.status === 'unaccounted');
  const unserved = coverage.unserved.filter((line) => !leftOut.includes(line));
  const points = [
    ...leftOut.map((line) => ({
      text: `“${line.text}”: ${[...line.notUnderstood.map((why) => `not understood: ${why}`), ...line.notImplemented.map((why) => `not implemented: ${why}`)].join(' ') || `${line.status === 'notUnderstood' ? 'not understood' : 'not implemented'}.`}`,
      links: [],
    })),
    ...unserved.map((line) => ({ text: `“${line.text}”: no generated file serves it.`, links: [] })),
  ];
  return { kind: 'leftOut', summary: leftOutSummary(points.length, coverage.lines.length), points, source: 'trace' };
}

/** The headline, counted in words that agree with the numbers ("the one sentence", never "1 … sentences"). */
export function leftOutSummary(leftOut: number, total: number): string {
  if (total === 0) return 'The project records no requirement sentences, so nothing is known to be left out.';
  if (total === 1) return leftOut ? 'The one requirement sentence was not fully implemented:' : 'The one requirement sentence is served by generated code; nothing was left out.';
  if (!leftOut) return `Every one of the ${total} requirement sentences is served by generated code; nothing was left out.`;
  if (leftOut >= total) return `None of the ${total} requirement sentences was fully implemented:`;
  return `${leftOut} of the ${total} requirement sentences ${leftOut === 1 ? 'was' : 'were'} not fully implemented:`;
}
