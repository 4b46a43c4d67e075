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
  triggers?: Map<string, Trigger[]>;
  /** The net's patterns by Trigger id (the triggered walk's numbers). */
  byId?: SweepMatch[];
}

/**
 * One pattern as the triggered walk reads it: its place in the net (`id`), and each of its keys with
 * where compromise meets it (the key's position, the pattern's rank in that key's list), earliest first.
 */
interface Trigger {
  pattern: SweepMatch;
  id: number;
  placeKeys: string[];
  /** (position * RANKS + rank) of each place key: the order compromise tries the pattern in. */
  placeOrder: number[];
}

/** Ranks fit below this in a place's order number (a key's list is far shorter); larger lists keep the plain walk. */
const RANKS = 1 << 12;

const indexes = new WeakMap<SweepNet, NetIndex>();

function indexOf(net: SweepNet): NetIndex {
  let index = indexes.get(net);
  if (!index) {
    const keys = Object.keys(net.hooks);
    const position = new Map(keys.map((key, i) => [key, i]));
    index = { keys, position, ...triggersOf(net, keys, position) };
    indexes.set(net, index);
  }
  return index;
}

/**
 * A pattern that needs words fits only when one of them (the rarest) is there; one that only wants
 * words, when one of those is. undefined (the plain walk is kept) when two patterns share a match
 * text, or a pattern names a key the net has no list for.
 */
function triggersOf(net: SweepNet, keys: string[], position: Map<string, number>): { triggers: Map<string, Trigger[]>; byId: SweepMatch[] } | undefined {
  const patterns = [...new Set(Object.values(net.hooks).flat())];
  if (new Set(patterns.map((p) => p.match)).size !== patterns.length) return undefined;
  const triggers = new Map<string, Trigger[]>();
  const rarity = (key: string): number => (key.startsWith('#') ? 1e6 : 0) + (net.hooks[key]?.length ?? 0);
  for (const [id, pattern] of patterns.entries()) {
    const places: Array<{ key: string; order: number }> = [];
    for (const key of new Set([...pattern.needs, ...pattern.wants])) {
      const at = position.get(key);
      if (at === undefined) return undefined;
      const rank = net.hooks[keys[at]].indexOf(pattern);
      if (rank >= RANKS) return undefined;
      places.push({ key, order: at * RANKS + rank });
    }
    places.sort((a, b) => a.order - b.order);
    const trigger: Trigger = { pattern, id, placeKeys: places.map((p) => p.key), placeOrder: places.map((p) => p.order) };
    const keysOf = pattern.needs.length ? [pattern.needs.reduce((a, b) => (rarity(b) < rarity(a) ? b : a))] : pattern.wants;
    for (const key of new Set(keysOf)) triggers.set(key, [...(triggers.get(key) ?? []), trigger]);
  }
  return { triggers, byId: patterns };
}

/** Whether a pattern's needed, excluded and wanted words fit the clause (compromise's trim-down). */
function fits(pattern: SweepMatch, haves: Set<string>): boolean {
  for (const need of pattern.needs) if (!haves.has(need)) return false;
  if (pattern.ifNo !== undefined) for (const no of pattern.ifNo) if (haves.has(no)) return false;
  if (pattern.wants.length === 0) return true;
  let wanted = 0;
  for (const want of pattern.wants) if (haves.has(want)) wanted++;
  return wanted >= pattern.minWant;
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

/** Which patterns the current clause has tried (by id): a clause's number, so nothing is cleared between clauses. */
let triedBy = new Uint32Array(0);
let clauseNumber = 0;

/**
 * The same patterns in the same order, looking only at patterns triggered by the clause's words:
 * each is met under the earliest of its keys the clause has (one fits, so one is there), ordered by
 * that key's position and the pattern's rank in its list. No objects per clause: one number each.
 */
function triggeredPatterns(triggers: Map<string, Trigger[]>, haves: Set<string>, termCount: number, byId: SweepMatch[]): SweepMatch[] {
  if (triedBy.length < byId.length) triedBy = new Uint32Array(byId.length);
  if (++clauseNumber === 0xffffffff) {
    triedBy.fill(0);
    clauseNumber = 1;
  }
  const orders: number[] = [];
  for (const item of haves) {
    const list = triggers.get(item);
    if (list === undefined) continue;
    for (const trigger of list) {
      if (triedBy[trigger.id] === clauseNumber) continue;
      triedBy[trigger.id] = clauseNumber;
      const pattern = trigger.pattern;
      if (termCount < pattern.minWords || !fits(pattern, haves)) continue;
      let place = 0;
      while (!haves.has(trigger.placeKeys[place])) place++;
      orders.push(trigger.placeOrder[place] * byId.length + trigger.id);
    }
  }
  orders.sort((a, b) => a - b);
  return orders.map((order) => byId[order % byId.length]);
}

/** The patterns worth trying on one clause, in the order compromise tries them. */
function candidates(net: SweepNet, haves: Set<string>, termCount: number): SweepMatch[] {
  const index = indexOf(net);
  const { triggers, byId } = index;
  if (triggers && byId && net.always.length === 0) return triggeredPatterns(triggers, haves, termCount, byId);
  const found = triggers && byId ? triggeredPatterns(triggers, haves, 0, byId) : walkKeys(net, index, haves);
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
