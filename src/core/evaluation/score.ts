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
//   "X count", abbreviations nr/num/no/max/min read in full, synonyms, also written as one word) with one
//   typo allowed in words of 4+ letters; then, for what is still unmatched, loosely (attributesLooselyMatch:
//   a plural gold name ~ "X count", a trailing date/time/rating/level/score/amount word left out, head word). Precision counts every sourced
//   field of a found entity; a field is right when it matches an attribute of a class mapped there,
//   of its ancestors or (unfound) descendants, or it is the enum field that found a child class or
//   an enumeration. Only for texts whose gold has attributes.
// - Relations: unordered pairs of spec entities after mapping both gold ends (so composition's
//   whole->part and belongsTo's child->parent agree); kinds are ignored, except that a gold
//   many-to-many (or an association class, or an association the gold gives no multiplicities for)
//   is also found through a join entity with a relation to both ends. An association class's attaching
//   line (PlantUML `(A, B) .. C`) is part of the A–B association, not a second one: one gold relation,
//   found by a join entity linked to both (looked for first) or a direct link; other carriers of that
//   pair are neither right nor wrong. An association of a class holds for its subclasses: links of
//   subclasses found as entities of their own carry it (each right, the gold relation found once).
//   Inheritance itself is left to the entity score; associations to an enumeration are left to
//   the enum score. Ends found through a role map to User.
// - Rules: implemented (a spec rule of that kind on the mapped entity; `range` is also a field with
//   min/max there, `unique` also a unique field), listed (the sentence stating it is notUnderstood,
//   notImplemented or partial in accountSentences()), otherwise silently dropped.
// The per-element scorers live in entityMatch, fieldScore, relationScore, ruleScore and roleScore;
// this module scores a whole text, and summary adds texts up.
import { accountSentences, summarizeAccounts, type AccountingSummary } from '../../model/project/accounting';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { GoldText } from './gold';
import { nameKey, NO_SYNONYMS } from './names';
import type { Counts, ScoreOptions } from './counts';
import { matchEntities, type EntityMatching } from './entityMatch';
import { scoreFields, type FieldScore } from './fieldScore';
import { scoreRelations, type RelationScore } from './relationScore';
import { scoreRules, type RuleScore } from './ruleScore';
import { scoreRoles, type RoleScore } from './roleScore';

export * from './gold';
export * from './names';
export * from './counts';
export * from './entityMatch';
export * from './fieldScore';
export * from './relationScore';
export * from './ruleScore';
export * from './roleScore';
export * from './summary';

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

