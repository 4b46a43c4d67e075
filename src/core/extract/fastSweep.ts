// A faster drop-in for compromise's `bulkMatch`, the step of its tagger that picks which of its
// ~570 correction patterns to try on each clause. compromise 14.17 walks all ~730 keys of its
// pattern index for every clause and then de-duplicates the hits through a plain object; on
// requirement texts (many short clauses and phrases) that bookkeeping was about a third of the
// tagger's time. This version visits only the clause's own words and tags, in the same key order,
// and keeps every other step as compromise does it, so the tags that come out are the same
// (test/unit/extractFastSweep.test.ts compares both on sentences of its own).

import { matchClause, type Matcher, type MatchPattern, type Pointer } from './fastMatch';

/** One pattern of a compromise sweep net (the fields bulkMatch reads). */
export interface SweepMatch {
  match: string;
  needs: string[];
  wants: string[];
  minWant: number;
  minWords: number;
  ifNo?: string[];
  unTag?: unknown;
}

/** compromise's compiled pattern list: patterns by the word or '#Tag' they need or want. */
export interface SweepNet {
  hooks: Record<string, SweepMatch[]>;
  always: SweepMatch[];
}

type Clause = unknown[];

/** The compromise methods bulkMatch uses. */
export interface SweepMethods {
  one: {
    cacheDoc(document: Clause[]): Array<Set<string>>;
  } & Matcher;
}

export type SweepFound = SweepMatch & { pointer: Pointer };

/** A net's keys in order, and each pattern filed under the fewest keys that it cannot fit without. */
interface NetIndex {
  keys: string[];
  position: Map<string, number>;
  /** undefined when two patterns share a match text: compromise then tries only the first, so the plain walk is kept. */
  triggers?: Map<string, SweepMatch[]>;
  /** Each pattern's keys by position, with the pattern's place in that key's list (compromise's order of trying). */
  places?: Map<SweepMatch, Array<{ key: string; at: number; rank: number }>>;
}

const indexes = new WeakMap<SweepNet, NetIndex>();

function indexOf(net: SweepNet): NetIndex {
  let index = indexes.get(net);
  if (!index) {
    const keys = Object.keys(net.hooks);
    const position = new Map(keys.map((key, i) => [key, i]));
    const triggers = triggersOf(net);
    const places = triggers && placesOf(net, keys, position);
    index = places ? { keys, position, triggers, places } : { keys, position };
    indexes.set(net, index);
  }
  return index;
}

/** A pattern that needs words fits only when one of them (the rarest) is there; one that only wants words, when one of those is. */
function triggersOf(net: SweepNet): Map<string, SweepMatch[]> | undefined {
  const patterns = new Set(Object.values(net.hooks).flat());
  if (new Set([...patterns].map((p) => p.match)).size !== patterns.size) return undefined;
  const triggers = new Map<string, SweepMatch[]>();
  const rarity = (key: string): number => (key.startsWith('#') ? 1e6 : 0) + (net.hooks[key]?.length ?? 0);
  for (const pattern of patterns) {
    const keys = pattern.needs.length ? [pattern.needs.reduce((a, b) => (rarity(b) < rarity(a) ? b : a))] : pattern.wants;
    for (const key of new Set(keys)) triggers.set(key, [...(triggers.get(key) ?? []), pattern]);
  }
  return triggers;
}

/** Where compromise meets each pattern; undefined (the plain walk is kept) when a pattern names a key the net has no list for. */
function placesOf(net: SweepNet, keys: string[], position: Map<string, number>): NetIndex['places'] {
  const places: NonNullable<NetIndex['places']> = new Map();
  for (const pattern of new Set(Object.values(net.hooks).flat())) {
    const own: Array<{ key: string; at: number; rank: number }> = [];
    for (const key of new Set([...pattern.needs, ...pattern.wants])) {
      const at = position.get(key);
      if (at === undefined) return undefined;
      own.push({ key, at, rank: net.hooks[keys[at]].indexOf(pattern) });
    }
    places.set(pattern, own.sort((a, b) => a.at - b.at));
  }
  return places;
}

/** Whether a pattern's needed, excluded and wanted words fit the clause (compromise's trim-down). */
function fits(pattern: SweepMatch, haves: Set<string>): boolean {
  if (!pattern.needs.every((need) => haves.has(need))) return false;
  if (pattern.ifNo !== undefined && pattern.ifNo.some((no) => haves.has(no))) return false;
  return pattern.wants.length === 0 || pattern.wants.filter((want) => haves.has(want)).length >= pattern.minWant;
}

/** compromise's walk: every key of the clause in key order, each pattern once, at its first key. */
function walkKeys(net: SweepNet, { keys, position }: NetIndex, haves: Set<string>): SweepMatch[] {
  const hit: number[] = [];
  for (const item of haves) {
    const at = position.get(item);
    if (at !== undefined) hit.push(at);
  }
  hit.sort((a, b) => a - b);
  // A pattern listed under several keys is tried once, at its first key (even when it does not fit there).
  const seen = new Set<string>();
  const out: SweepMatch[] = [];
  for (const at of hit) for (const pattern of net.hooks[keys[at]]) {
    if (seen.has(pattern.match)) continue;
    seen.add(pattern.match);
    if (fits(pattern, haves)) out.push(pattern);
  }
  return out;
}

/** The same patterns in the same order, looking only at patterns triggered by the clause's words. */
function triggeredPatterns({ triggers, places }: Required<Pick<NetIndex, 'triggers' | 'places'>>, haves: Set<string>): SweepMatch[] {
  const tried = new Set<SweepMatch>();
  const ranked: Array<{ pattern: SweepMatch; at: number; rank: number }> = [];
  for (const item of haves) for (const pattern of triggers.get(item) ?? []) {
    if (tried.has(pattern)) continue;
    tried.add(pattern);
    if (!fits(pattern, haves)) continue;
    // compromise meets the pattern first under the earliest of its keys the clause has (one fits, so one is there).
    const first = places.get(pattern)!.find((place) => haves.has(place.key))!;
    ranked.push({ pattern, at: first.at, rank: first.rank });
  }
  return ranked.sort((a, b) => a.at - b.at || a.rank - b.rank).map((r) => r.pattern);
}

/** The patterns worth trying on one clause, in the order compromise tries them. */
function candidates(net: SweepNet, haves: Set<string>, termCount: number): SweepMatch[] {
  const index = indexOf(net);
  const found = index.triggers && index.places ? triggeredPatterns({ triggers: index.triggers, places: index.places }, haves) : walkKeys(net, index, haves);
  return [...found, ...net.always].filter((pattern) => termCount >= pattern.minWords);
}

/** compromise's methods.one.bulkMatch(document, net, methods, opts), with the same results in the same order. */
export function bulkMatch(document: Clause[], net: SweepNet, methods: SweepMethods, opts: { matchOne?: boolean } = {}): SweepFound[] {
  const docCache = methods.one.cacheDoc(document);
  const results: SweepFound[] = [];
  for (let n = 0; n < document.length; n++) {
    for (const pattern of candidates(net, docCache[n], document[n].length)) {
      // (Tried only where the pattern's first token can start: fastMatch.ts.)
      const ptrs = matchClause(document[n], pattern as SweepMatch & MatchPattern, methods.one);
      if (!ptrs.length) continue;
      for (const ptr of ptrs) {
        ptr[0] = n;
        results.push(Object.assign({}, pattern, { pointer: ptr }));
      }
      if (opts.matchOne === true) return [results[0]];
    }
  }
  return results;
}
