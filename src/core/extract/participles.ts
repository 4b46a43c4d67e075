// Irregular past participles that the tagger reads as nouns ("the diagnosis made by another doctor"):
// one of the corrections of nlpCorrections.ts, asked of the tagger once per word.
import { nlp, type RawTerm } from './tagger';
import type { Term } from './nlp';
import { keptBetweenTexts } from './remembered';

const participleCache = keptBetweenTexts(new Map<string, string | null>());

/** The infinitive of a past participle ("made" -> make; the word itself when the tagger knows no root), else null. */
function participleRoot(word: string): string | null {
  let root = participleCache.get(word);
  if (root === undefined) {
    const doc = nlp(`it was ${word} by them`);
    doc.compute('root');
    const term = (doc.json() as Array<{ terms: RawTerm[] }>)[0]?.terms[2];
    root = term?.tags.includes('Passive') ? (term.root ?? word) : null;
    participleCache.set(word, root);
  }
  return root;
}

/**
 * "the diagnosis made by another doctor", "the article given by the resident": compromise reads an
 * irregular participle right after a noun as the head of a compound ("diagnosis made"); before
 * "by", its agent, it is the verb of a reduced relative clause.
 */
export function participlesBeforeBy(terms: Term[]): void {
  for (let i = 1; i + 1 < terms.length; i++) {
    const t = terms[i];
    const prev = terms[i - 1];
    if (t.pos !== 'noun' || t.plural || t.possessive || terms[i + 1].w !== 'by' || prev.pos !== 'noun' || /[,;:()]/.test(prev.post + t.pre + t.post)) continue;
    // (Regular participles end in -ed and are tagged right; only an irregular one is asked about.)
    if (/ed$/.test(t.w)) continue;
    const root = participleRoot(t.w);
    if (root === null) continue;
    t.pos = 'verb';
    t.root = root;
  }
}
