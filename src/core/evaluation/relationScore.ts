// Relations: unordered pairs of spec entities after mapping both gold ends; a gold many-to-many
// or association class may also be carried by a join entity (see score.ts's header).
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { GoldRelation, GoldText } from './gold';
import { namesMatch, NO_SYNONYMS, stemMatches, type Synonyms } from './names';
import { zeroCounts, type Counts, type ScoreOptions } from './counts';
import { isEnum, resolveGoldName, type EntityMatching } from './entityMatch';

export interface RelationScore extends Counts {
  missing: string[];
  extra: string[];
  /** Spec entities that carry a gold many-to-many as a join entity. */
  joinEntities: string[];
}

/** Gold relations a join entity may carry: many-to-many, association classes, and associations of unknown multiplicity. */
const mayBeJoined = (r: GoldRelation) => /^many-?to-?many$/i.test(r.kind) || !!r.associationClass || !!r.unknownMultiplicity;

/** A spec relation and what scoring made of it. */
interface SpecRelation {
  r: ProjectSpec['relations'][number];
  used: boolean;
  neutral: boolean;
}

/** A gold end mapped: the spec entity (none when not found), whether found other than by name, whether an enumeration. */
interface MappedEnd {
  spec?: string;
  folded: boolean;
  isEnum: boolean;
}

type EndMapper = (name: string) => MappedEnd;

const samePair = (r: { from: string; to: string }, a: string, b: string) => (r.from === a && r.to === b) || (r.from === b && r.to === a);

export function scoreRelations(gold: GoldText, spec: ProjectSpec, matching: EntityMatching, options: ScoreOptions = {}): RelationScore {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const score: RelationScore = { ...zeroCounts(), missing: [], extra: [], joinEntities: [] };
  const items: SpecRelation[] = spec.relations.map((r) => ({ r, used: false, neutral: false }));
  const mapEnd = endMapper(gold, spec, matching, synonyms);
  const golds = withAssociationClassesAttached(gold.relations.filter((r) => r.kind !== 'inheritance' && r.kind !== 'dependency'));
  const descendants = descendantsOf(gold.relations);
  for (const { relation, pairs } of planRelations(golds, mapEnd)) {
    const matched = matchRelation(relation, pairs, spec, items, score.joinEntities) || matchInherited(relation, items, mapEnd, descendants);
    if (relation.optional && !matched) continue;
    score.gold++;
    if (matched) score.goldMatched++;
    else score.missing.push(`${relation.from} – ${relation.to} (${relation.kind}${pairs[0][0].spec && pairs[0][1].spec ? `, as ${pairs[0][0].spec} – ${pairs[0][1].spec}` : ', an end not found'})`);
  }
  markAssociationClassLinks(golds, items, mapEnd);
  countSpecRelations(items, matching, score);
  return score;
}

/**
 * A UML association class is one association whose links carry attributes: PlantUML writes it as
 * the association (`House "*" -- "*" Company`) plus a line attaching the class to that pair
 * (`(House, Company) .. JobLog`), and the gold keeps both lines as two relations. The attaching
 * line is folded into the association of the same pair (one gold relation, found by a direct link
 * or, as for any association class, by a join entity linked to both ends); an association class
 * with no association line of its own stays a relation by itself.
 */
export function withAssociationClassesAttached(golds: GoldRelation[]): GoldRelation[] {
  const out = golds.map((r) => ({ ...r }));
  const pairKey = (r: GoldRelation) => [r.from.toLowerCase(), r.to.toLowerCase()].sort().join('|');
  const attached = new Set<GoldRelation>();
  for (const line of out) {
    if (!line.associationClass) continue;
    const base = out.find((r) => r !== line && !r.associationClass && !attached.has(r) && !attached.has(line) && pairKey(r) === pairKey(line));
    if (!base) continue;
    base.associationClass = line.associationClass;
    attached.add(line);
  }
  return out.filter((r) => !attached.has(r));
}

/** A gold end -> spec entity; "enum" for an enumeration; undefined when not found. */
function endMapper(gold: GoldText, spec: ProjectSpec, matching: EntityMatching, synonyms: Synonyms): EndMapper {
  return (name) => {
    const index = resolveGoldName(gold, name, synonyms);
    if (index >= 0) {
      if (isEnum(gold.entities[index])) return { folded: false, isEnum: true };
      const m = matching.matches.get(index);
      if (!m && matching.roleFallback.has(index)) return { spec: matching.roleFallback.get(index), folded: true, isEnum: false };
      return { spec: m?.spec, folded: !!m && m.route !== 'name', isEnum: false };
    }
    const direct = spec.entities.find((s) => namesMatch(name, s.name, true, synonyms) || stemMatches(name, s.name));
    return { spec: direct?.name, folded: false, isEnum: false };
  };
}

/** The gold relations with their mapped end pairs (the alternative reading second), enum relations left out, name-found first. */
function planRelations(golds: GoldRelation[], mapEnd: EndMapper): Array<{ relation: GoldRelation; pairs: Array<readonly [MappedEnd, MappedEnd]> }> {
  const planned = golds
    .map((relation) => {
      const pairs = [[relation.from, relation.to], ...(relation.alternative ? [relation.alternative] : [])].map(([a, b]) => [mapEnd(a), mapEnd(b)] as const);
      return { relation, pairs };
    })
    .filter(({ pairs }) => !pairs[0].some((end) => end.isEnum));
  // Relations between entities found by name first, so folded ones (through an enum value or a role) may share theirs.
  planned.sort((x, y) => Number(x.pairs[0].some((e) => e.folded)) - Number(y.pairs[0].some((e) => e.folded)));
  return planned;
}

/** Whether a spec relation (or, for a many-to-many, a join entity) carries the gold relation; marks what it used. */
function matchRelation(relation: GoldRelation, pairs: Array<readonly [MappedEnd, MappedEnd]>, spec: ProjectSpec, items: SpecRelation[], joinEntities: string[]): boolean {
  for (const [a, b] of pairs) {
    if (!a.spec || !b.spec) continue;
    const folded = a.folded || b.folded;
    // (An association class is a class linked to both ends: a join entity is its form in a spec, looked for first.)
    if (relation.associationClass && joinedThrough(spec, items, a.spec, b.spec, joinEntities)) return true;
    const item = items.find((it) => (!it.used || folded) && samePair(it.r, a.spec!, b.spec!));
    if (item) {
      item.used = true;
      return true;
    }
    if (mayBeJoined(relation) && joinedThrough(spec, items, a.spec, b.spec, joinEntities)) return true;
  }
  return false;
}

/** Gold class -> its subclasses, transitively (lower-cased names). */
function descendantsOf(relations: GoldRelation[]): (name: string) => string[] {
  const children = new Map<string, string[]>();
  for (const r of relations) if (r.kind === 'inheritance') children.set(r.to.toLowerCase(), [...(children.get(r.to.toLowerCase()) ?? []), r.from]);
  return (name) => {
    const out: string[] = [];
    const walk = (n: string) => {
      for (const c of children.get(n.toLowerCase()) ?? []) if (!out.includes(c) && out.length < 50) (out.push(c), walk(c));
    };
    walk(name);
    return out;
  };
}

/**
 * An association of a class holds for each of its subclasses: "an airline employs employees", with
 * pilots and flight attendants kinds of employee, is carried by a spec that links Pilot and
 * FlightAttendant to Airline (each subclass found as an entity of its own). Every such link is
 * right; the gold relation is found once.
 */
function matchInherited(relation: GoldRelation, items: SpecRelation[], mapEnd: EndMapper, descendants: (name: string) => string[]): boolean {
  const expand = (name: string) => [mapEnd(name).spec, ...descendants(name).map((d) => mapEnd(d).spec)].filter((e): e is string => !!e);
  const [froms, tos] = [expand(relation.from), expand(relation.to)];
  const carriers = items.filter((it) => !it.used && froms.some((a) => tos.some((b) => a !== b && samePair(it.r, a, b))));
  for (const it of carriers) it.used = true;
  return carriers.length > 0;
}

/** A join entity with a belongsTo to each end carries a many-to-many between them. */
function joinedThrough(spec: ProjectSpec, items: SpecRelation[], a: string, b: string, joinEntities: string[]): boolean {
  for (const join of spec.entities) {
    if (join.name === a || join.name === b) continue;
    const legA = items.find((it) => it.r.kind === 'belongsTo' && it.r.from === join.name && it.r.to === a);
    const legB = items.find((it) => it !== legA && it.r.kind === 'belongsTo' && it.r.from === join.name && it.r.to === b);
    if (!legA || !legB) continue;
    legA.used = legB.used = true;
    if (!joinEntities.includes(join.name)) joinEntities.push(join.name);
    return true;
  }
  return false;
}

/**
 * An association class's own links to the two classes it joins are fine (the gold leaves them
 * implicit): those of the entity named like the class, and any other carrier of the same
 * association (a direct link between the ends, a second join entity linked to both).
 */
function markAssociationClassLinks(golds: GoldRelation[], items: SpecRelation[], mapEnd: EndMapper): void {
  for (const relation of golds) {
    if (!relation.associationClass) continue;
    const c = mapEnd(relation.associationClass).spec;
    const [a, b] = [mapEnd(relation.from).spec, mapEnd(relation.to).spec];
    if (c) for (const it of items) if (!it.used && [a, b].some((e) => e && samePair(it.r, c, e))) it.neutral = true;
    if (!a || !b || a === b) continue;
    for (const it of items) if (!it.used && samePair(it.r, a, b)) it.neutral = true;
    const legsOf = (join: string, end: string) => items.filter((it) => it.r.kind === 'belongsTo' && it.r.from === join && it.r.to === end);
    for (const join of new Set(items.map((it) => it.r.from))) {
      if (join === a || join === b) continue;
      const [legsA, legsB] = [legsOf(join, a), legsOf(join, b)];
      if (legsA.length && legsB.length) for (const it of [...legsA, ...legsB]) if (!it.used) it.neutral = true;
    }
  }
}

/** Precision: used relations are right; those of neutral entities or association classes are not counted; the rest are extra. */
function countSpecRelations(items: SpecRelation[], matching: EntityMatching, score: RelationScore): void {
  const neutralEntities = new Set(matching.neutral.map((n) => n.split(' ')[0]));
  for (const it of items) {
    if (it.used) {
      score.spec++;
      score.specMatched++;
    } else if (it.neutral || neutralEntities.has(it.r.from) || neutralEntities.has(it.r.to)) continue;
    else {
      score.spec++;
      score.extra.push(`${it.r.from} – ${it.r.to} (${it.r.kind} ${it.r.name})`);
    }
  }
}
