// Scores an extracted ProjectSpec against a gold annotation of the same requirements text: the
// library behind bench/eval-extractor.mjs. Pure (no `vscode`, no file system): the bench and the
// unit tests read the files and pass rows in.
//
// Decisions (the bench's header and README say the same):
// - Entities: gold classes (not enums) vs spec entities, one-to-one, names compared as in
//   names.ts (case, plural, compound, synonyms). STRICT = equal names; LENIENT = also head-word
//   (JournalEntry ~ Entry). Fields, relations and rules use the lenient mapping.
//   Other ways a gold class counts as found (in both variants, reported apart):
//   * inheritance: a child class with no entity of its own is found when the entity its nearest
//     found ancestor maps to has an enum field with a value naming the child ("pilot", or
//     "passenger" for PassengerPlane under Airplane);
//   * people who sign in: a gold class WITHOUT attributes (or in a corpus with no attribute gold)
//     is found when it is a role of the spec's sign-in (spec.auth.roles); it maps to User.
//   A spec entity counts for precision when it maps a gold class, or it is User and some class was
//   found as a role. Not counted at all (neither right nor wrong): spec entities named like a gold
//   enumeration (a lookup table is a fair model of an enum), like a name of the gold's non-punish
//   groups, a join entity that carries a gold many-to-many relation, and User when the gold says
//   the app has sign-in but lists no User class (the dev/holdout convention: users are implicit);
//   relations to such a neutral entity are not counted either.
//   A gold class WITH attributes that the spec made a sign-in role is not found, but relations and
//   rules of it map to User.
// - Enumerations (gold kind "enum") are kept out of entity precision/recall and reported apart: found
//   when the spec has an entity of that name, or an enum field named like it (full name or its head,
//   e.g. `status` for BookingStatus) or whose values share at least min(2, #literals) of its literals.
// - Fields: the gold attributes of every found class (an `id` attribute is skipped: every generated
//   table has one) vs the spec fields with a source sentence (fields without sources are assumed,
//   not extracted). Names compared by attributeKey (entity-name prefix dropped, "number of X" ~
//   "X count", synonyms) with one typo allowed in words of 4+ letters. Precision counts every sourced
//   field of a found entity; a field is right when it matches an attribute of a class mapped there,
//   of its ancestors or (unfound) descendants, or it is the enum field that found a child class or
//   an enumeration. Only for texts whose gold has attributes.
// - Relations: unordered pairs of spec entities after mapping both gold ends (so composition's
//   whole->part and belongsTo's child->parent agree); kinds are ignored, except that a gold
//   many-to-many (or an association class, or an association the gold gives no multiplicities for)
//   is also found through a join entity with a relation to both ends. Inheritance is left to the entity score; associations to an enumeration are left to
//   the enum score. Ends found through a role map to User.
// - Rules: implemented (a spec rule of that kind on the mapped entity; `range` is also a field with
//   min/max there, `unique` also a unique field), listed (the sentence stating it is notUnderstood,
//   notImplemented or partial in accountSentences()), otherwise silently dropped.
import { accountSentences, summarizeAccounts, type AccountingSummary, type SentenceAccount } from '../../model/project/accounting';
import type { Entity, Field, ProjectSpec } from '../../model/project/projectSpec';
import { ruleLanguage } from '../extract/rules/clauses';
import { plainOf } from '../extract/sentences';
import type { GoldEntity, GoldRelation, GoldRule, GoldText } from './gold';
import { attributeKey, nameKey, namesMatch, nameTokens, NO_SYNONYMS, oneTypoApart, stemMatches, Synonyms } from './names';

export * from './gold';
export * from './names';

/** Matched counts on both sides: recall = goldMatched / gold, precision = specMatched / spec. */
export interface Counts {
  gold: number;
  goldMatched: number;
  spec: number;
  specMatched: number;
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export const zeroCounts = (): Counts => ({ gold: 0, goldMatched: 0, spec: 0, specMatched: 0 });

export function addCounts(into: Counts, more: Counts): Counts {
  into.gold += more.gold;
  into.goldMatched += more.goldMatched;
  into.spec += more.spec;
  into.specMatched += more.specMatched;
  return into;
}

/** Precision and recall are NaN when there is nothing to divide by; F1 is then NaN too. */
export function prf(counts: Counts): Scores {
  const precision = counts.spec ? counts.specMatched / counts.spec : Number.NaN;
  const recall = counts.gold ? counts.goldMatched / counts.gold : Number.NaN;
  const f1 = Number.isNaN(precision) || Number.isNaN(recall) ? Number.NaN : precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface ScoreOptions {
  synonyms?: Synonyms;
}

// ---------------------------------------------------------------- entities

export type EntityRoute = 'name' | 'inheritanceEnum' | 'role';

export interface EntityMatch {
  /** Index into the gold entities. */
  gold: number;
  goldName: string;
  spec: string;
  route: EntityRoute;
  /** For inheritanceEnum: "Entity.field=value"; for role: the role. */
  via?: string;
}

export interface EntityMatching {
  counts: Counts;
  /** Gold class index -> how it was found. */
  matches: Map<number, EntityMatch>;
  missing: string[];
  extra: string[];
  /** Spec entities counted neither right nor wrong, with why. */
  neutral: string[];
  byRole: number;
  byInheritanceEnum: number;
  enums: EnumScore;
  /** "Entity.field" of enum fields that found a child class or an enumeration. */
  enumFields: Set<string>;
  /**
   * Gold classes not found (they have attributes) whose name is a sign-in role of the spec: User.
   * Relations and rules use it; the entity score does not.
   */
  roleFallback: Map<number, string>;
}

export interface EnumScore {
  total: number;
  matched: number;
  asEntity: number;
  asField: number;
  missing: string[];
}

const isEnum = (entity: GoldEntity) => entity.kind === 'enum';
const realLiterals = (entity: GoldEntity) => (entity.literals ?? []).filter((l) => /[A-Za-z0-9]/.test(l));

/** Index of the gold entity a (possibly stemmed) gold name refers to. */
export function resolveGoldName(gold: GoldText, name: string, synonyms: Synonyms = NO_SYNONYMS): number {
  const key = nameKey(name, synonyms);
  const exact = gold.entities.findIndex((e) => nameKey(e.name, synonyms) === key);
  if (exact >= 0) return exact;
  return gold.entities.findIndex((e) => stemMatches(name, e.name));
}

/** Parent index of every gold class that has one (inheritance: from = child, to = parent). */
function parentsOf(gold: GoldText, synonyms: Synonyms): Map<number, number[]> {
  const parents = new Map<number, number[]>();
  for (const relation of gold.relations) {
    if (relation.kind !== 'inheritance') continue;
    const child = resolveGoldName(gold, relation.from, synonyms);
    const parent = resolveGoldName(gold, relation.to, synonyms);
    if (child < 0 || parent < 0 || child === parent) continue;
    parents.set(child, [...(parents.get(child) ?? []), parent]);
  }
  return parents;
}

function ancestors(index: number, parents: Map<number, number[]>): number[] {
  const out: number[] = [];
  const queue = [...(parents.get(index) ?? [])];
  while (queue.length) {
    const next = queue.shift()!;
    if (next === index || out.includes(next)) continue;
    out.push(next);
    queue.push(...(parents.get(next) ?? []));
  }
  return out;
}

/** Whether an enum value names a child class: its whole name, or the name without the parent's head ("passenger" for PassengerPlane under Airplane). */
export function valueNamesChild(value: string, child: string, parent: string, synonyms: Synonyms = NO_SYNONYMS): boolean {
  const v = nameKey(value, synonyms);
  if (!v) return false;
  const c = nameTokens(child, synonyms);
  if (c.join('') === v) return true;
  const p = nameTokens(parent, synonyms);
  if (c.length > 1 && p.length) {
    const head = c[c.length - 1];
    const parentHead = p[p.length - 1];
    if ((head === parentHead || parentHead.endsWith(head)) && c.slice(0, -1).join('') === v) return true;
    if (p.every((t, i) => c[i] === t) && c.length > p.length && c.slice(p.length).join('') === v) return true;
  }
  return false;
}

const roleList = (spec: ProjectSpec): string[] => (spec.auth.kind === 'none' ? [] : spec.auth.roles);

function enumFieldFor(entity: GoldEntity, spec: ProjectSpec, synonyms: Synonyms): { entity: string; field: string } | undefined {
  const key = nameKey(entity.name, synonyms);
  const tokens = nameTokens(entity.name, synonyms);
  const literals = new Set(realLiterals(entity).map((l) => nameKey(l, synonyms)));
  const needed = Math.min(2, literals.size);
  for (const specEntity of spec.entities) {
    for (const field of specEntity.fields) {
      if (field.type !== 'enum') continue;
      const fieldTokens = nameTokens(field.name, synonyms);
      const named =
        fieldTokens.join('') === key ||
        (fieldTokens.length <= tokens.length && fieldTokens.every((t, i) => tokens[tokens.length - fieldTokens.length + i] === t));
      const shared = needed ? (field.enumValues ?? []).filter((v) => literals.has(nameKey(v, synonyms))).length : 0;
      if (named || (needed && shared >= needed)) return { entity: specEntity.name, field: field.name };
    }
  }
  return undefined;
}

/** Maps gold classes to spec entities (see the header for the routes) and counts entity precision/recall. */
export function matchEntities(gold: GoldText, spec: ProjectSpec, lenient: boolean, options: ScoreOptions = {}): EntityMatching {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const matches = new Map<number, EntityMatch>();
  const used = new Set<string>();
  const classes = gold.entities.map((e, i) => ({ e, i })).filter(({ e }) => !isEnum(e));
  const specKeys = spec.entities.map((s) => nameKey(s.name, synonyms));

  const byName = (test: (goldName: string, specEntity: Entity, specIndex: number) => boolean) => {
    for (const { e, i } of classes) {
      if (matches.has(i)) continue;
      const found = spec.entities.findIndex((s, si) => !used.has(s.name) && test(e.name, s, si));
      if (found < 0) continue;
      used.add(spec.entities[found].name);
      matches.set(i, { gold: i, goldName: e.name, spec: spec.entities[found].name, route: 'name' });
    }
  };
  byName((g, _s, si) => nameKey(g, synonyms) === specKeys[si]);
  if (lenient) byName((g, s) => namesMatch(g, s.name, true, synonyms));

  // Children found as a value of an enum field on the entity their nearest found ancestor maps to.
  const parents = parentsOf(gold, synonyms);
  const enumFields = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const { e, i } of classes) {
      if (matches.has(i)) continue;
      const ancestor = ancestors(i, parents).find((a) => matches.has(a) && matches.get(a)!.route !== 'role');
      if (ancestor === undefined) continue;
      const target = spec.entities.find((s) => s.name === matches.get(ancestor)!.spec);
      for (const field of target?.fields ?? []) {
        if (field.type !== 'enum') continue;
        const value = (field.enumValues ?? []).find((v) => valueNamesChild(v, e.name, gold.entities[ancestor].name, synonyms));
        if (value === undefined) continue;
        matches.set(i, { gold: i, goldName: e.name, spec: target!.name, route: 'inheritanceEnum', via: `${target!.name}.${field.name}=${value}` });
        enumFields.add(`${target!.name}.${field.name}`);
        changed = true;
        break;
      }
    }
  }

  // People who sign in: a role of the spec's auth, mapped to User.
  const roles = roleList(spec);
  const user = spec.entities.find((s) => s.name === 'User')?.name ?? 'User';
  const roleFallback = new Map<number, string>();
  for (const { e, i } of classes) {
    if (matches.has(i)) continue;
    const role = roles.find((r) => nameKey(r, synonyms) === nameKey(e.name, synonyms));
    if (role === undefined) continue;
    if (gold.has.attributes && e.attributes.length > 0) roleFallback.set(i, user);
    else matches.set(i, { gold: i, goldName: e.name, spec: user, route: 'role', via: role });
  }

  // Enumerations.
  const enums: EnumScore = { total: 0, matched: 0, asEntity: 0, asField: 0, missing: [] };
  const enumEntities = new Set<string>();
  for (const e of gold.entities.filter(isEnum)) {
    enums.total++;
    const entity = spec.entities.find((s) => !used.has(s.name) && namesMatch(e.name, s.name, lenient, synonyms));
    if (entity) {
      enumEntities.add(entity.name);
      enums.matched++;
      enums.asEntity++;
      continue;
    }
    const field = enumFieldFor(e, spec, synonyms);
    if (field) {
      enumFields.add(`${field.entity}.${field.field}`);
      enums.matched++;
      enums.asField++;
    } else enums.missing.push(e.name);
  }

  // Counts.
  const counts = zeroCounts();
  const missing: string[] = [];
  for (const { e, i } of classes) {
    const found = matches.has(i);
    if (e.optional && !found) continue;
    counts.gold++;
    if (found) counts.goldMatched++;
    else missing.push(e.name);
  }
  const roleFound = [...matches.values()].some((m) => m.route === 'role');
  const extra: string[] = [];
  const neutral: string[] = [];
  // A gold that says "sign-in" without listing a User class leaves the users implicit.
  const implicitUser = gold.has.auth && gold.auth === true;
  for (const s of spec.entities) {
    if (used.has(s.name) || (roleFound && s.name === user)) {
      counts.spec++;
      counts.specMatched++;
    } else if (implicitUser && s.name === user && spec.auth.kind !== 'none') neutral.push(`${s.name} (the signed-in users, implicit in the gold)`);
    else if (enumEntities.has(s.name)) neutral.push(`${s.name} (an enumeration)`);
    else if (gold.nonPunish.some((group) => group.some((name) => namesMatch(name, s.name, lenient, synonyms)))) neutral.push(`${s.name} (not punished)`);
    else {
      counts.spec++;
      extra.push(s.name);
    }
  }
  const values = [...matches.values()];
  return {
    counts,
    matches,
    missing,
    extra,
    neutral,
    byRole: values.filter((m) => m.route === 'role').length,
    byInheritanceEnum: values.filter((m) => m.route === 'inheritanceEnum').length,
    enums,
    enumFields,
    roleFallback,
  };
}

// ---------------------------------------------------------------- fields

export interface FieldScore extends Counts {
  missing: string[];
  extra: string[];
}

/** Fields the extractor took from the text (a field with no source sentence is an assumption). */
export const explicitFields = (entity: Entity): Field[] => entity.fields.filter((f) => f.sources.length > 0);

export function scoreFields(gold: GoldText, spec: ProjectSpec, matching: EntityMatching, options: ScoreOptions = {}): FieldScore {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const score: FieldScore = { ...zeroCounts(), missing: [], extra: [] };
  const parents = parentsOf(gold, synonyms);
  const children = new Map<number, number[]>();
  for (const [child, ps] of parents) for (const p of ps) children.set(p, [...(children.get(p) ?? []), child]);
  const bySpec = new Map<string, EntityMatch[]>();
  for (const m of matching.matches.values()) if (m.route !== 'role') bySpec.set(m.spec, [...(bySpec.get(m.spec) ?? []), m]);

  for (const [specName, mapped] of bySpec) {
    const entity = spec.entities.find((s) => s.name === specName);
    if (!entity) continue;
    const fields = explicitFields(entity);
    const fieldKeys = fields.map((f) => attributeKey(f.name, specName, synonyms));
    const taken = new Set<number>();
    const wanted = mapped.flatMap((m) =>
      gold.entities[m.gold].attributes.map((attribute) => ({ owner: gold.entities[m.gold].name, attribute, key: attributeKey(attribute, gold.entities[m.gold].name, synonyms) })),
    ).filter((w) => w.key && w.key !== 'id');
    const found = new Set<number>();
    for (const pass of ['exact', 'typo'] as const) {
      wanted.forEach((w, wi) => {
        if (found.has(wi)) return;
        const fi = fieldKeys.findIndex((k, i) => !taken.has(i) && (pass === 'exact' ? k === w.key : oneTypoApart(k, w.key)));
        if (fi < 0) return;
        taken.add(fi);
        found.add(wi);
      });
    }
    score.gold += wanted.length;
    score.goldMatched += found.size;
    wanted.forEach((w, wi) => !found.has(wi) && score.missing.push(`${specName}.${w.attribute} (gold ${w.owner})`));

    if (!gold.has.attributes) continue;
    // Attributes elsewhere in the hierarchy are right too (not counted for recall).
    const related = new Set<number>();
    for (const m of mapped) {
      for (const a of ancestors(m.gold, parents)) related.add(a);
      const queue = [...(children.get(m.gold) ?? [])];
      while (queue.length) {
        const c = queue.shift()!;
        if (related.has(c) || matching.matches.has(c)) continue;
        related.add(c);
        queue.push(...(children.get(c) ?? []));
      }
    }
    const relatedKeys = [...related].flatMap((r) => gold.entities[r].attributes.map((a) => attributeKey(a, gold.entities[r].name, synonyms)));
    fields.forEach((field, fi) => {
      score.spec++;
      const key = fieldKeys[fi];
      const right =
        taken.has(fi) ||
        matching.enumFields.has(`${specName}.${field.name}`) ||
        relatedKeys.some((k) => k === key || oneTypoApart(k, key));
      if (right) score.specMatched++;
      else score.extra.push(`${specName}.${field.name}`);
    });
  }
  return score;
}

// ---------------------------------------------------------------- relations

export interface RelationScore extends Counts {
  missing: string[];
  extra: string[];
  /** Spec entities that carry a gold many-to-many as a join entity. */
  joinEntities: string[];
}

/** Gold relations a join entity may carry: many-to-many, association classes, and associations of unknown multiplicity. */
const mayBeJoined = (r: GoldRelation) => /^many-?to-?many$/i.test(r.kind) || !!r.associationClass || !!r.unknownMultiplicity;

export function scoreRelations(gold: GoldText, spec: ProjectSpec, matching: EntityMatching, options: ScoreOptions = {}): RelationScore {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const score: RelationScore = { ...zeroCounts(), missing: [], extra: [], joinEntities: [] };
  const items = spec.relations.map((r) => ({ r, used: false, neutral: false }));
  const neutralEntities = new Set(matching.neutral.map((n) => n.split(' ')[0]));

  /** A gold end -> spec entity; "enum" for an enumeration; undefined when not found. */
  const mapEnd = (name: string): { spec?: string; folded: boolean; isEnum: boolean } => {
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
  const samePair = (r: { from: string; to: string }, a: string, b: string) => (r.from === a && r.to === b) || (r.from === b && r.to === a);

  const golds = gold.relations.filter((r) => r.kind !== 'inheritance' && r.kind !== 'dependency');
  const planned = golds
    .map((relation) => {
      const pairs = [[relation.from, relation.to], ...(relation.alternative ? [relation.alternative] : [])].map(([a, b]) => [mapEnd(a), mapEnd(b)] as const);
      return { relation, pairs };
    })
    .filter(({ pairs }) => !pairs[0].some((end) => end.isEnum));
  // Relations between entities found by name first, so folded ones (through an enum value or a role) may share theirs.
  planned.sort((x, y) => Number(x.pairs[0].some((e) => e.folded)) - Number(y.pairs[0].some((e) => e.folded)));

  for (const { relation, pairs } of planned) {
    let matched = false;
    for (const [a, b] of pairs) {
      if (matched || !a.spec || !b.spec) continue;
      const folded = a.folded || b.folded;
      const item = items.find((it) => (!it.used || folded) && samePair(it.r, a.spec!, b.spec!));
      if (item) {
        item.used = true;
        matched = true;
      } else if (mayBeJoined(relation)) {
        for (const join of spec.entities) {
          if (join.name === a.spec || join.name === b.spec) continue;
          const legA = items.find((it) => it.r.kind === 'belongsTo' && it.r.from === join.name && it.r.to === a.spec);
          const legB = items.find((it) => it !== legA && it.r.kind === 'belongsTo' && it.r.from === join.name && it.r.to === b.spec);
          if (!legA || !legB) continue;
          legA.used = legB.used = matched = true;
          if (!score.joinEntities.includes(join.name)) score.joinEntities.push(join.name);
          break;
        }
      }
    }
    if (relation.optional && !matched) continue;
    score.gold++;
    if (matched) score.goldMatched++;
    else score.missing.push(`${relation.from} – ${relation.to} (${relation.kind}${pairs[0][0].spec && pairs[0][1].spec ? `, as ${pairs[0][0].spec} – ${pairs[0][1].spec}` : ', an end not found'})`);
  }

  // An association class's own links to the two classes it joins are fine (the gold leaves them implicit).
  for (const relation of golds) {
    if (!relation.associationClass) continue;
    const c = mapEnd(relation.associationClass).spec;
    const ends = [mapEnd(relation.from).spec, mapEnd(relation.to).spec];
    if (!c) continue;
    for (const it of items) if (!it.used && ends.some((e) => e && samePair(it.r, c, e))) it.neutral = true;
  }
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
  return score;
}

// ---------------------------------------------------------------- rules

export type RuleOutcome = 'implemented' | 'listed' | 'dropped';

export interface RuleResult {
  gold: GoldRule;
  outcome: RuleOutcome;
  /** The spec entity the gold entity maps to. */
  entity?: string;
  /** The requirement sentence found for the rule's text, and what accountSentences() says of it. */
  sentence?: number;
  status?: string;
  /** Why a rule that was not implemented was missed: a fixed category (no requirement text), see missReason(). */
  reason?: string;
}

export interface RuleScore {
  total: number;
  implemented: number;
  listed: number;
  dropped: number;
  results: RuleResult[];
}

/** Rule outcomes of one gold rule kind (or of all kinds). */
export interface RuleCounts {
  total: number;
  implemented: number;
  listed: number;
  dropped: number;
}

/** Outcomes per gold rule kind, over any number of rule results (aggregate numbers only). */
export function rulesByKind(results: readonly RuleResult[]): Record<string, RuleCounts> {
  const out: Record<string, RuleCounts> = {};
  for (const r of results) {
    const c = (out[r.gold.kind] ??= { total: 0, implemented: 0, listed: 0, dropped: 0 });
    c.total++;
    c[r.outcome]++;
  }
  return out;
}

const textTokens = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** Share of the words of `needle` that occur in `haystack` (1 when it occurs verbatim). */
export function textOverlap(needle: string, haystack: string): number {
  const n = textTokens(needle);
  if (!n.length) return 0;
  const h = textTokens(haystack);
  if (` ${h.join(' ')} `.includes(` ${n.join(' ')} `)) return 1;
  const set = new Set(h);
  return n.filter((t) => set.has(t)).length / n.length;
}

/** The id of the requirement sentence that best contains `text` (at least half of its words), if any. */
export function findSentence(spec: ProjectSpec, text: string): number | undefined {
  let best: { id: number; overlap: number } | undefined;
  for (const sentence of spec.requirements.sentences) {
    const overlap = textOverlap(text, sentence.text);
    if (overlap >= 0.5 && (!best || overlap > best.overlap)) best = { id: sentence.id, overlap };
  }
  return best?.id;
}

function implemented(kind: string, entity: string | undefined, spec: ProjectSpec, sentence: number | undefined): boolean {
  const sameKind = spec.rules.filter((r) => (r as { kind: string }).kind === kind);
  if (entity) {
    if (sameKind.some((r) => r.entity === entity)) return true;
    const target = spec.entities.find((s) => s.name === entity);
    if (kind === 'range' && target?.fields.some((f) => f.min !== undefined || f.max !== undefined)) return true;
    if (kind === 'unique' && target?.fields.some((f) => f.unique)) return true;
    return false;
  }
  return sentence !== undefined && sameKind.some((r) => r.sources.includes(sentence));
}

const LISTED = new Set(['notUnderstood', 'notImplemented', 'partial']);

export function scoreRules(gold: GoldText, spec: ProjectSpec, matching: EntityMatching, accounts: readonly SentenceAccount[], options: ScoreOptions = {}): RuleScore {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const score: RuleScore = { total: 0, implemented: 0, listed: 0, dropped: 0, results: [] };
  for (const rule of gold.rules) {
    score.total++;
    const index = resolveGoldName(gold, rule.entity, synonyms);
    const entity =
      index >= 0 && matching.matches.has(index)
        ? matching.matches.get(index)!.spec
        : index >= 0 && matching.roleFallback.has(index)
          ? matching.roleFallback.get(index)
          : spec.entities.find((s) => namesMatch(rule.entity, s.name, true, synonyms))?.name;
    const sentence = findSentence(spec, rule.text);
    const status = accounts.find((a) => a.id === sentence)?.status;
    let outcome: RuleOutcome;
    if (implemented(rule.kind, entity, spec, sentence)) outcome = 'implemented';
    else if (
      (status && LISTED.has(status)) ||
      [...spec.notUnderstood, ...spec.unimplemented].some((item) => textOverlap(rule.text, item.text) >= 0.6)
    )
      outcome = 'listed';
    else outcome = 'dropped';
    score[outcome]++;
    const result: RuleResult = { gold: rule, outcome, entity, sentence, status };
    if (outcome !== 'implemented') result.reason = missReason(result, spec, accounts);
    score.results.push(result);
  }
  return score;
}

/**
 * Reasons the extractor gives (notUnderstood / unimplemented), reduced to fixed categories. The
 * reasons quote the requirement ("(at most 3 per day)"), so only the category may be printed for a
 * corpus whose texts must not be shown. First match wins; the order puts the specific causes first.
 */
const REASON_CATEGORIES: Array<[RegExp, string]> = [
  [/^Not in English/, 'not English'],
  [/^In an optional or bonus part/, 'optional part'],
  [/^Too short|^No action or statement|^It talks about|^No record type, field, relation or rule|^Read, but nothing in the data model/, 'nothing recognised in the sentence'],
  [/^This sentence reads like \d+ rules/, 'some of several rules not made'],
  [/^Reads like a business rule, but Takoss could not/, 'rule words, no rule made (final check)'],
  [/^The .* was made from this sentence, but it names/, 'rule made on a record the sentence does not name'],
  [/^Also sets a condition/, 'condition not enforced'],
  [/^Also reads like/, 'other rule kind made'],
  [/^Reads like .*not recognised as a rule/, 'rule words, no pattern matched'],
  [/^Reads like .*it was recognised, but no rule could be made/, 'pattern took it, made nothing'],
  [/but not that only .* may/, 'role said without "only" (rule suggested)'],
  [/not a sign-in role|not (?:a|one of the) roles?|no sign-in|is not a role/, 'role not a sign-in role'],
  [/\bno link\b|linked many|has no link|are linked ma/, 'link missing'],
  [/\bno (?:\w+ )?field\b|field could be named|could not both be found|has no \w+ field|is an? \w+ field, not|value that must be unique was not found|no capacity field|no date field|has no (?:status|state)/, 'entity found, field missing or wrong type'],
  [/not found|no record type|not a record type|were not both found|is not a record/, 'record not found'],
  [/does not say|not clear|unclear/, 'rule incomplete in the text'],
  [/can only compare|not enforced|is not checked|are not checked|only .* is enforced/, 'not expressible in the spec'],
  [/does not fit the data model|contradicts/, 'rule did not validate'],
  [/^Automatic side effects/, 'not generated: side effects'],
  [/^Notifications/, 'not generated: notifications'],
  [/^Totals, reports/, 'not generated: reports/totals'],
  [/^Search and filtering/, 'not generated: search'],
  [/^Payments/, 'not generated: payments'],
  [/^Import and export/, 'not generated: import/export'],
  [/^Custom views/, 'not generated: custom views'],
  [/^This behaviour is not generated/, 'not generated: UI behaviour'],
  [/^Looks like|^Read as|^Says that/, 'rule recognised, not made (other cause)'],
];

export function reasonCategory(reason: string): string {
  return REASON_CATEGORIES.find(([re]) => re.test(reason))?.[1] ?? 'other listed reason';
}

/**
 * Why a gold rule was not implemented, as a fixed category (never the requirement's words):
 * the entity it is about was not found, a rule was made of another kind or on another entity,
 * the sentence is listed with a reason (its category), or it was claimed by a field/entity and
 * nothing says why no rule was made (with or without rule words in it).
 */
export function missReason(result: RuleResult, spec: ProjectSpec, accounts: readonly SentenceAccount[]): string {
  const { gold, entity, sentence } = result;
  const fromSentence = sentence === undefined ? [] : spec.rules.filter((r) => r.sources.includes(sentence));
  const prefix = result.outcome === 'listed' ? 'listed' : 'dropped';
  // A value range or uniqueness made as a field's bounds / unique flag counts as a rule of that kind.
  const fieldKinds = spec.entities.flatMap((e) =>
    e.fields
      .filter((f) => sentence !== undefined && f.sources?.includes(sentence))
      .flatMap((f) => [...(f.min !== undefined || f.max !== undefined ? ['range'] : []), ...(f.unique ? ['unique'] : [])]),
  );
  const kindsMade = [...new Set([...fromSentence.map((r) => (r as { kind: string }).kind), ...fieldKinds])].sort();
  if (!entity) {
    if (result.outcome === 'listed') return `${prefix}: rule's entity not found`;
    return `${prefix}: rule's entity not found, ${kindsMade.length ? `made ${kindsMade.join('+')} elsewhere` : 'no rule made'}`;
  }
  if (kindsMade.includes(gold.kind)) return `${prefix}: ${gold.kind} rule made on another entity`;
  const otherKinds = kindsMade;
  if (otherKinds.length) return `${prefix}: made as ${otherKinds.join('+')} instead`;
  const notes = [...spec.notUnderstood, ...spec.unimplemented].filter((n) => (sentence !== undefined && n.sources.includes(sentence)) || textOverlap(gold.text, n.text) >= 0.6);
  if (notes.length) return `${prefix}: ${reasonCategory(notes[0].reason)}`;
  if (sentence === undefined) return `${prefix}: sentence not found in the requirements`;
  const account = accounts.find((a) => a.id === sentence);
  if (!account || account.status === 'unaccounted') return `${prefix}: sentence unaccounted`;
  const claimed = [...new Set(account.elements.map((e) => e.split(' ')[0]))].sort().join('/');
  return `${prefix}: claimed by ${claimed || 'nothing'}, ${ruleLanguage(plainOf(account.text)) ? 'rule words not listed' : 'no rule-like clause found'}`;
}

/** Miss reasons per gold rule kind: kind -> category -> count (aggregate numbers only). */
export function missReasonsByKind(results: readonly RuleResult[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const r of results) {
    if (r.outcome === 'implemented' || !r.reason) continue;
    const into = (out[r.gold.kind] ??= {});
    into[r.reason] = (into[r.reason] ?? 0) + 1;
  }
  return out;
}

// ---------------------------------------------------------------- roles, auth, the whole text

export interface RoleScore extends Counts {
  missing: string[];
  extra: string[];
}

/** Gold roles vs spec.auth.roles, one-to-one by name (synonyms: administrator ~ admin). */
export function scoreRoles(goldRoles: readonly string[], spec: ProjectSpec, options: ScoreOptions = {}): RoleScore {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const found = roleList(spec);
  const taken = new Set<number>();
  const score: RoleScore = { gold: goldRoles.length, goldMatched: 0, spec: found.length, specMatched: 0, missing: [], extra: [] };
  for (const role of goldRoles) {
    const i = found.findIndex((r, fi) => !taken.has(fi) && nameKey(r, synonyms) === nameKey(role, synonyms));
    if (i < 0) score.missing.push(role);
    else taken.add(i);
  }
  score.goldMatched = score.specMatched = taken.size;
  found.forEach((r, i) => !taken.has(i) && score.extra.push(r));
  return score;
}

export interface TextScore {
  id: string;
  corpus: string;
  group?: string;
  form?: string;
  entitiesStrict: Counts;
  entities: EntityMatching;
  fields?: FieldScore;
  relations?: RelationScore;
  rules?: RuleScore;
  auth?: { expected: boolean; found: boolean };
  roles?: RoleScore;
  notStored?: { total: number; became: string[] };
  zeroEntities: boolean;
  accounting: AccountingSummary;
  /** Sentences nothing in the spec comes from and nothing explains: silent drops. */
  unaccounted: string[];
}

/** Scores one extracted spec against its gold. */
export function scoreText(gold: GoldText, spec: ProjectSpec, options: ScoreOptions = {}): TextScore {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const strict = matchEntities(gold, spec, false, options);
  const entities = matchEntities(gold, spec, true, options);
  const accounts = accountSentences(spec);
  const score: TextScore = {
    id: gold.id,
    corpus: gold.corpus,
    group: gold.group,
    form: gold.form,
    entitiesStrict: strict.counts,
    entities,
    zeroEntities: spec.entities.length === 0,
    accounting: summarizeAccounts(accounts),
    unaccounted: accounts.filter((a) => a.status === 'unaccounted').map((a) => a.text),
  };
  if (gold.has.attributes) score.fields = scoreFields(gold, spec, entities, options);
  if (gold.has.relations) {
    score.relations = scoreRelations(gold, spec, entities, options);
    // A join entity that carries a gold many-to-many is not a wrong entity.
    for (const join of score.relations.joinEntities) {
      for (const m of [strict, entities]) {
        const at = m.extra.indexOf(join);
        if (at < 0) continue;
        m.extra.splice(at, 1);
        m.counts.spec--;
        m.neutral.push(`${join} (join entity)`);
      }
    }
  }
  if (gold.has.rules) score.rules = scoreRules(gold, spec, entities, accounts, options);
  if (gold.has.auth && gold.auth !== undefined) score.auth = { expected: gold.auth, found: spec.auth.kind !== 'none' };
  if (gold.has.roles) score.roles = scoreRoles(gold.roles, spec, options);
  if (gold.has.notStored) {
    const keys = spec.entities.map((s) => nameKey(s.name, synonyms));
    score.notStored = { total: gold.notStored.length, became: gold.notStored.filter((noun) => keys.includes(nameKey(noun, synonyms))) };
  }
  return score;
}

// ---------------------------------------------------------------- totals

export interface Summary {
  texts: number;
  entitiesStrict: Counts;
  entities: Counts;
  byRole: number;
  byInheritanceEnum: number;
  enums: { total: number; matched: number; asEntity: number; asField: number };
  fields: Counts & { texts: number };
  relations: Counts & { texts: number };
  rules: { texts: number; total: number; implemented: number; listed: number; dropped: number; byKind: Record<string, RuleCounts>; missReasons: Record<string, Record<string, number>> };
  auth: { texts: number; right: number };
  roles: Counts & { texts: number };
  notStored: { texts: number; total: number; became: number };
  zeroEntities: number;
  accounting: AccountingSummary;
}

export function summarize(scores: readonly TextScore[]): Summary {
  const sum: Summary = {
    texts: scores.length,
    entitiesStrict: zeroCounts(),
    entities: zeroCounts(),
    byRole: 0,
    byInheritanceEnum: 0,
    enums: { total: 0, matched: 0, asEntity: 0, asField: 0 },
    fields: { ...zeroCounts(), texts: 0 },
    relations: { ...zeroCounts(), texts: 0 },
    rules: { texts: 0, total: 0, implemented: 0, listed: 0, dropped: 0, byKind: {}, missReasons: {} },
    auth: { texts: 0, right: 0 },
    roles: { ...zeroCounts(), texts: 0 },
    notStored: { texts: 0, total: 0, became: 0 },
    zeroEntities: 0,
    accounting: { sentences: 0, mapped: 0, partial: 0, notImplemented: 0, notUnderstood: 0, ignored: 0, context: 0, unaccounted: 0 },
  };
  for (const s of scores) {
    addCounts(sum.entitiesStrict, s.entitiesStrict);
    addCounts(sum.entities, s.entities.counts);
    sum.byRole += s.entities.byRole;
    sum.byInheritanceEnum += s.entities.byInheritanceEnum;
    sum.enums.total += s.entities.enums.total;
    sum.enums.matched += s.entities.enums.matched;
    sum.enums.asEntity += s.entities.enums.asEntity;
    sum.enums.asField += s.entities.enums.asField;
    if (s.fields) {
      addCounts(sum.fields, s.fields);
      sum.fields.texts++;
    }
    if (s.relations) {
      addCounts(sum.relations, s.relations);
      sum.relations.texts++;
    }
    if (s.rules) {
      sum.rules.texts++;
      sum.rules.total += s.rules.total;
      sum.rules.implemented += s.rules.implemented;
      sum.rules.listed += s.rules.listed;
      sum.rules.dropped += s.rules.dropped;
      for (const [kind, c] of Object.entries(rulesByKind(s.rules.results))) {
        const into = (sum.rules.byKind[kind] ??= { total: 0, implemented: 0, listed: 0, dropped: 0 });
        into.total += c.total;
        into.implemented += c.implemented;
        into.listed += c.listed;
        into.dropped += c.dropped;
      }
      for (const [kind, reasons] of Object.entries(missReasonsByKind(s.rules.results))) {
        const into = (sum.rules.missReasons[kind] ??= {});
        for (const [reason, n] of Object.entries(reasons)) into[reason] = (into[reason] ?? 0) + n;
      }
    }
    if (s.auth) {
      sum.auth.texts++;
      if (s.auth.expected === s.auth.found) sum.auth.right++;
    }
    if (s.roles) {
      addCounts(sum.roles, s.roles);
      sum.roles.texts++;
    }
    if (s.notStored) {
      sum.notStored.texts++;
      sum.notStored.total += s.notStored.total;
      sum.notStored.became += s.notStored.became.length;
    }
    if (s.zeroEntities) sum.zeroEntities++;
    for (const key of Object.keys(sum.accounting) as (keyof AccountingSummary)[]) sum.accounting[key] += s.accounting[key];
  }
  return sum;
}
