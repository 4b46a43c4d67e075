// The compromise tagger, shared by tagging (nlp.ts) and its corrections (nlpCorrections.ts).
import type nlpType from 'compromise';

// Loaded on first use: building the tagger's lexicon takes a few hundred milliseconds, which the
// extension should not spend while VS Code starts.
let loaded: typeof nlpType | undefined;
export function nlp(text: string): ReturnType<typeof nlpType> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= (require('compromise') as { default?: typeof nlpType }).default ?? (require('compromise') as typeof nlpType);
  return loaded(text);
}
nlp.model = (): ReturnType<typeof nlpType.model> => {
  nlp('');
  return (loaded as typeof nlpType).model();
};

/** One term of compromise's JSON output. */
export interface RawTerm {
  text: string;
  normal: string;
  root?: string;
  tags: string[];
  pre: string;
  post: string;
}
