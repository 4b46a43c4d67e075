// The compromise tagger, shared by tagging (nlp.ts) and its corrections (nlpCorrections.ts).
import type nlpType from 'compromise';
import { bulkMatch } from './fastSweep';
import { remembered } from './remembered';

type Nlp = typeof nlpType;

/** compromise's noun singular (what the lemma of every plural noun is computed with). */
type ToSingular = (word: string, model: { two: { irregularPlurals: object } }) => string;

/**
 * compromise's toSingular, remembered by word: compromise 14.17 inverts its whole table of
 * irregular plurals on every call (a few hundred entries, for every plural noun of every parse).
 * The answer depends only on the word and that table, which nothing changes after loading (the
 * memo starts again should another table be passed).
 */
function rememberedSingulars(toSingular: ToSingular): ToSingular {
  let table: object | undefined;
  let model: Parameters<ToSingular>[1];
  let singularOf: (word: string) => string = (word) => word;
  return (word, given) => {
    if (given.two.irregularPlurals !== table) {
      table = given.two.irregularPlurals;
      singularOf = remembered((plural) => toSingular(plural, model), 5000);
    }
    model = given;
    return singularOf(word);
  };
}

/**
 * Set up once when loaded: a faster pattern sweep with the same results (fastSweep.ts), noun
 * singulars remembered, and no phrase chunking on every parse. Chunks are read only by
 * compromise's phrase methods (`.nouns()`), so the one caller of those computes them itself
 * (`doc.compute('chunks')`).
 */
function configure(nlp: Nlp): Nlp {
  nlp.plugin({
    methods: { one: { bulkMatch } },
    mutate: (world: { hooks: string[]; methods: { two: { transform: { noun: { toSingular: ToSingular } } } } }) => {
      world.hooks = world.hooks.filter((hook) => hook !== 'chunks');
      const noun = world.methods.two.transform.noun;
      noun.toSingular = rememberedSingulars(noun.toSingular);
    },
    // (compromise's typings describe `mutate` as taking a callback; it is called with the world.)
  } as unknown as Parameters<Nlp['plugin']>[0]);
  return nlp;
}

// Loaded on first use: building the tagger's lexicon takes a few hundred milliseconds, which the
// extension should not spend while VS Code starts.
let loaded: Nlp | undefined;
function tagger(): Nlp {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= configure((require('compromise') as { default?: Nlp }).default ?? (require('compromise') as Nlp));
  return loaded;
}

export function nlp(text: string): ReturnType<Nlp> {
  return tagger()(text);
}

/** compromise's singular of a plural noun, by its inflection rules alone (no parse; remembered, see configure). */
export function inflectedSingular(word: string): string {
  const loadedTagger = tagger();
  const methods = (loadedTagger as unknown as { methods(): { two: { transform: { noun: { toSingular: ToSingular } } } } }).methods();
  return methods.two.transform.noun.toSingular(word, loadedTagger.model() as unknown as Parameters<ToSingular>[1]);
}

nlp.model = (): ReturnType<Nlp['model']> => tagger().model();

/** compromise's internals that parse one text (what `nlp(text)` does before it tags). */
interface Internals {
  world: { hooks: string[]; methods: { one: { tokenize: { fromString(text: string, world: unknown): unknown[][] } } } };
  constructor: new (document: unknown[][]) => ReturnType<Nlp>;
}

/**
 * The terms `nlp(text)` (then `.compute('root')`) gives each text, parsed as one document. compromise
 * tags every sentence on its own, so the tags are the same (test/unit/extractTagMany.test.ts), but
 * one parse of many sentences skips its per-call set-up: a third of the time on short texts.
 */
export function parseMany(texts: string[]): RawTerm[][] {
  const empty = nlp('') as unknown as Internals;
  const { world } = empty;
  const document: unknown[][] = [];
  const spans: Array<[number, number]> = [];
  for (const text of texts) {
    // nlp('') is a document without sentences and is not tagged; fromString('') is the same.
    const sentences = text ? world.methods.one.tokenize.fromString(text, world) : [];
    spans.push([document.length, sentences.length]);
    document.push(...sentences);
  }
  if (document.length) {
    const doc = new empty.constructor(document);
    doc.compute(world.hooks);
    doc.compute('root');
  }
  return spans.map(([at, count]) => rawTermsOf(document.slice(at, at + count) as CompromiseTerm[][]));
}

/** The fields of compromise's own term objects that tagging reads. */
interface CompromiseTerm {
  text?: string;
  normal?: string;
  root?: string;
  tags?: Set<string>;
  pre?: string;
  post?: string;
}

/** The terms of parsed sentences, in order (the parsed objects themselves, not doc.json(), which copies every term first). */
export function rawTermsOf(sentences: CompromiseTerm[][]): RawTerm[] {
  const raw: RawTerm[] = [];
  for (const sentence of sentences) for (const term of sentence) raw.push({ text: term.text ?? '', normal: term.normal ?? '', root: term.root, tags: [...(term.tags ?? [])], pre: term.pre ?? '', post: term.post ?? '' });
  return raw;
}

/** One term of compromise's JSON output. */
export interface RawTerm {
  text: string;
  normal: string;
  root?: string;
  tags: string[];
  pre: string;
  post: string;
}
