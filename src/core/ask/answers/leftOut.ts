// "What did you not implement?": every requirement sentence Takoss did not (fully) turn into code,
// with why — the same accounting as Requirements Coverage and the generated README.
import type { Answer } from '../../../model/ask/answer';
import { requirementsCoverage } from '../../explain/explain';
import type { Question } from '../question';
import type { ProjectTrace } from '../trace';
import { plural } from './links';

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
  const total = coverage.lines.length;
  return {
    kind: 'leftOut',
    summary: points.length
      ? `${plural(points.length, 'sentence')} of ${total} ${points.length === 1 ? 'was' : 'were'} not fully implemented:`
      : `Every one of the ${plural(total, 'requirement sentence')} is served by generated code; nothing was left out.`,
    points,
    source: 'trace',
  };
}
