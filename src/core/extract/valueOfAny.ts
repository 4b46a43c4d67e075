// "The price of a trip depends on the line", "the length of each paddle shrinks with every level":
// a value written of any one of a thing ("of a", "of each") is a value every such thing has, so
// the thing is a record (the value its field). "The name of the company" names one thing: not here.
import type { Analysis, NounPhrase } from './grammar';
import { inferType } from './types';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Value words the type reader takes for plain text, which are values all the same. */
const TEXT_VALUES = /^(?:name|title|status|size|address|colou?r|code|label|speed|location|type|kind)$/;
const ANY_ONE = /^(?:a|an|each|every|any)$/;

function valueWord(word: string): boolean {
  return TEXT_VALUES.test(word) || inferType([word]).type !== 'string';
}

/** The phrases of a sentence written after "the <value> of a/each …". */
export function valuedOfAny(analysis: Analysis): NounPhrase[] {
  const { terms } = analysis;
  return analysis.phrases.filter((phrase) => {
    const of = phrase.start - (ANY_ONE.test(terms[phrase.start]?.w ?? '') ? 1 : 2);
    if (terms[of]?.w !== 'of' || !ANY_ONE.test(phrase.determiner ?? '') || phrase.plural) return false;
    // ("the price of a trip": "the", a value word, "of".)
    const value = terms[of - 1];
    // ("The status of a job: received, in progress, …" lists the value's values: the enum reader's.)
    if (/:/.test(terms[phrase.head].post)) return false;
    return !!value && value.pos === 'noun' && !value.plural && terms[of - 2]?.w === 'the' && valueWord(value.w);
  });
}

export function valueOfAny(analysis: Analysis, storable: Storable, add: Add): void {
  for (const phrase of valuedOfAny(analysis)) if (storable(phrase, analysis)) add(phrase.key, 3, true);
}
