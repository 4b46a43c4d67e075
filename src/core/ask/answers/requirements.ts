// "Which files serve 'members can cancel their own bookings'?": the requirement sentence the
// question quotes (or shares most words with), what became of it, and the files traced to it —
// opened at the rule's check where the sentence became a rule.
import type { Answer, AnswerPoint } from '../../../model/ask/answer';
import { singularizeWord, words } from '../../../model/project/naming';
import type { TakossManifest } from '../../generator/project/manifest';
import type { Question } from '../question';
import type { ProjectTrace } from '../trace';
import { countOf } from '../../../model/count';
import { sentenceFiles } from './sentenceFiles';

type Requirement = TakossManifest['requirements'][number];

/** Words that say what kind of question it is, not what it is about. */
const QUESTION_WORDS = new Set(
  'a an the and or of to for in on at by with from which what where who how why when do doe does did is are was were be been this that these those it its file files serve served serf implement implemented handle handled code generated takoss project requirement sentence part parts come came me you i my our their they them can could may should would will'.split(' '),
);

export function asksWhichFiles(question: Question): boolean {
  return Boolean(question.quoted) || /\b(which|what) files?\b|\bwhere (is|are|was|were)\b.*\b(implemented|handled|served|built|generated)\b/i.test(question.text);
}

export async function answerRequirement(trace: ProjectTrace, question: Question): Promise<Answer | undefined> {
  const sentence = matchingRequirement(trace.manifest.requirements, question);
  if (!sentence) return undefined;
  const files = await sentenceFiles(trace, sentence.id);
  const count = files.rules.length + files.records.length + files.shared.length;
  const gaps = [...(sentence.notUnderstood ?? []), ...(sentence.notImplemented ?? [])];
  const served = count ? `${countOf(count, 'file serves', 'files serve')} it` : 'no generated file serves it';
  const points: AnswerPoint[] = [
    { text: 'Its rules are enforced here (each link opens the check, then its test):', links: files.rules },
    { text: 'The records it describes: their API, pages and tests:', links: files.records },
    { text: 'Shared files that include them (schema, migration, API contract, seed data):', links: files.shared },
  ].filter((point) => point.links.length);
  return {
    kind: 'requirement',
    summary: `“${sentence.text}”: ${served}${gaps.length ? ', and part of it was left out' : ''}.`,
    points: [...points, ...gaps.map((gap) => ({ text: `Left out: ${gap}`, links: [] }))],
    source: 'trace',
  };
}

/** The sentence containing the quoted text, else the one sharing the most content words (at least two, and half the question's). */
export function matchingRequirement(requirements: readonly Requirement[], question: Question): Requirement | undefined {
  if (question.quoted) {
    const quoted = question.quoted.toLowerCase();
    const containing = requirements.find((sentence) => sentence.text.toLowerCase().includes(quoted));
    if (containing) return containing;
  }
  const asked = contentWords(question.quoted ?? question.text);
  if (asked.size === 0) return undefined;
  let best: { sentence: Requirement; shared: number } | undefined;
  for (const sentence of requirements) {
    const mine = contentWords(sentence.text);
    const shared = [...asked].filter((word) => mine.has(stem(word))).length;
    if (!best || shared > best.shared) best = { sentence, shared };
  }
  return best && best.shared >= Math.min(2, asked.size) && best.shared * 2 >= asked.size ? best.sentence : undefined;
}

function contentWords(text: string): Set<string> {
  return new Set(words(text).filter((word) => !QUESTION_WORDS.has(word)).map(stem));
}

/** cancel / cancels / cancelled / cancelling -> cancel: enough for matching a question to a sentence. */
function stem(word: string): string {
  const singular = singularizeWord(word);
  return singular.replace(/(?:ing|ed)$/, '').replace(/(.)\1$/, '$1');
}
