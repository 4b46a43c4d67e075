// Takoss understands English requirements only. Rather than answer a Spanish or Japanese text
// with "No entities were found", say which language problem it is.

const ENGLISH = new Set(
  'the a an and or of to in on for with is are be can each every has have should must will may as by at from that this it their his her they we you i user users who which when not all any one'.split(' '),
);

/** Function words of the languages people most often paste instead (es, fr, de, it, pt, nl). */
const OTHER = new Set(
  'el la los las del que y en con por para una un es son cada tiene pueden le les des et est une sont avec pour dans qui der die das und ist sind mit für ein eine jeder kann il di che gli della sono per ogni uma um os não em com cada het een van zijn voor met kunnen'.split(' '),
);

export interface LanguageCheck {
  english: boolean;
  /** Share of words that are common English function words (0..1). */
  englishShare: number;
  /** Share of letters outside the Latin script. */
  otherScriptShare: number;
}

export function checkLanguage(text: string): LanguageCheck {
  // ASCII letters are Latin letters; only the rest is matched letter by letter (slow on 100 KB).
  const asciiLetters = text.length - text.replace(/[A-Za-z]+/g, '').length;
  const rest = text.replace(/[\x00-\x7f]+/g, '');
  const letters = asciiLetters + (rest.match(/\p{L}/gu)?.length ?? 0);
  const latin = asciiLetters + (rest.match(/\p{Script=Latin}/gu)?.length ?? 0);
  const otherScriptShare = letters ? 1 - latin / letters : 0;
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const englishWords = words.filter((w) => ENGLISH.has(w)).length;
  const englishShare = words.length ? englishWords / words.length : 0;
  // Short notes ("Vehicles: plate, make, model") have few function words; judge them leniently.
  const otherShare = words.length ? words.filter((w) => OTHER.has(w) && !ENGLISH.has(w)).length / words.length : 0;
  // Notes and bullet lists have few function words of any language; only a clear majority of
  // another language's function words (or another script) counts as not English.
  const english = otherScriptShare < 0.3 && !(otherShare >= 0.08 && otherShare > englishShare);
  return { english, englishShare, otherScriptShare };
}

export const NOT_ENGLISH_WARNING =
  'Only English requirements are understood: this text does not look like English, so little or nothing could be read from it. Write the requirements in English, or add the record types in the review step by hand (or refine with Claude, which reads other languages).';
