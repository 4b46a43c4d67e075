// The compromise tagger, shared by tagging (nlp.ts) and its corrections (nlpCorrections.ts).
import type nlpType from 'compromise';
import { bulkMatch } from './fastSweep';

type Nlp = typeof nlpType;

/**
 * Set up once when loaded: a faster pattern sweep with the same results (fastSweep.ts), and no
 * phrase chunking on every parse. Chunks are read only by compromise's phrase methods
 * (`.nouns()`), so the one caller of those computes them itself (`doc.compute('chunks')`).
 */
function configure(nlp: Nlp): Nlp {
  nlp.plugin({
    methods: { one: { bulkMatch } },
    mutate: (world: { hooks: string[] }) => {
      world.hooks = world.hooks.filter((hook) => hook !== 'chunks');
    },
    // (compromise's typings describe `mutate` as taking a callback; it is called with the world.)
  } as unknown as Parameters<Nlp['plugin']>[0]);
  return nlp;
}

// Loaded on first use: building the tagger's lexicon takes a few hundred milliseconds, which the
// extension should not spend while VS Code starts.
let loaded: Nlp | undefined;
export function nlp(text: string): ReturnType<Nlp> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= configure((require('compromise') as { default?: Nlp }).default ?? (require('compromise') as Nlp));
  return loaded(text);
}
nlp.model = (): ReturnType<Nlp['model']> => {
  nlp('');
  return (loaded as Nlp).model();
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
