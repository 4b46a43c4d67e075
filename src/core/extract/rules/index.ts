// Business rules read from the requirements, one module per rule kind. Every pattern is a general
// grammatical shape ("at most N X per Y", "X can't be V-ed twice", "only R can V X", …) bound to the
// draft's entities, fields and relations; a rule is added only when it validates. A clause that
// carries rule language but became no rule gets a notUnderstood entry saying why: nothing is
// dropped silently. Sentences that produced rules are marked used.
import type { Draft } from '../draft';
import type { SentenceInfo } from '../sentences';
import { capacityCompare, capacityFull, capacityLimit, capacityNumberOf } from './capacity';
import { clausesOf, ruleLanguage, type SentenceClauses } from './clauses';
import { kindWords, mentionsIn, note, type RuleClause, type RuleContext } from './context';
import { dateOrder } from './dateOrder';
import { overlapDoubleBooked, overlapExplicit, overlapSameTime } from './noOverlap';
import { assignedToThem, notByOthers, onlyOwner, ownCreated, ownOwn } from './ownership';
import { rangeBetween, rangeCompare, rangeOutOf } from './ranges';
import { refuseActor, refuseAfterDate, refuseAfterState, refuseFieldPast, refuseInState, refuseOnlyWhile, refuseStateAnywhere, refuseTimeMargin, refuseTimePast } from './refuseWhen';
import { manageRole, onlyBy, onlyOnes, onlyRole, restrictedTo, roleForAction, roleForbidden, roleMayChange, roleReadOnly } from './roleRequired';
import { uniqueAdjective, uniqueAnnotated, uniqueDistinct, uniqueIdentifiable, uniqueIdentifiedBy, uniqueNoTwo, uniqueOnce, uniqueOneOwner, uniquePer, uniqueValue } from './unique';
import { workflowArrows, workflowFromValues, workflowMoves, workflowSteps, workflowThen } from './workflow';
import { wordsOf } from './words';
import { boundedFields, saySubjectMismatch } from './ruleSubject';
import { guarded } from '../guardedRegExp';
import { sayGivenValue } from './givenValues';
import { roleRuleInState } from './roleInState';

export type RulePattern = (ctx: RuleContext) => boolean;

/** Every pattern, in the order they read a clause (each decides for itself whether the clause is its). */
export const PATTERNS: Array<{ name: string; run: RulePattern }> = [
  { name: 'workflowArrows', run: workflowArrows },
  { name: 'workflowMoves', run: workflowMoves },
  { name: 'workflowSteps', run: workflowSteps },
  { name: 'workflowThen', run: workflowThen },
  { name: 'overlapExplicit', run: overlapExplicit },
  { name: 'overlapDoubleBooked', run: overlapDoubleBooked },
  { name: 'overlapSameTime', run: overlapSameTime },
  { name: 'uniqueValue', run: uniqueValue },
  { name: 'uniqueAnnotated', run: uniqueAnnotated },
  { name: 'uniqueAdjective', run: uniqueAdjective },
  { name: 'uniqueOnce', run: uniqueOnce },
  { name: 'uniquePer', run: uniquePer },
  { name: 'uniqueNoTwo', run: uniqueNoTwo },
  { name: 'uniqueDistinct', run: uniqueDistinct },
  { name: 'uniqueOneOwner', run: uniqueOneOwner },
  { name: 'uniqueIdentifiedBy', run: uniqueIdentifiedBy },
  { name: 'uniqueIdentifiable', run: uniqueIdentifiable },
  { name: 'dateOrder', run: dateOrder },
  { name: 'capacityLimit', run: capacityLimit },
  { name: 'capacityFull', run: capacityFull },
  { name: 'capacityCompare', run: capacityCompare },
  { name: 'capacityNumberOf', run: capacityNumberOf },
  { name: 'rangeBetween', run: rangeBetween },
  { name: 'rangeOutOf', run: rangeOutOf },
  { name: 'rangeCompare', run: rangeCompare },
  { name: 'ownOwn', run: ownOwn },
  { name: 'onlyOwner', run: onlyOwner },
  { name: 'notByOthers', run: notByOthers },
  { name: 'assignedToThem', run: assignedToThem },
  { name: 'ownCreated', run: ownCreated },
  { name: 'roleReadOnly', run: roleReadOnly },
  { name: 'onlyRole', run: onlyRole },
  { name: 'onlyBy', run: onlyBy },
  { name: 'onlyOnes', run: onlyOnes },
  { name: 'restrictedTo', run: restrictedTo },
  { name: 'roleForAction', run: roleForAction },
  { name: 'roleForbidden', run: roleForbidden },
  { name: 'manageRole', run: manageRole },
  { name: 'refuseInState', run: refuseInState },
  { name: 'refuseActor', run: refuseActor },
  { name: 'refuseTimePast', run: refuseTimePast },
  { name: 'refuseOnlyWhile', run: refuseOnlyWhile },
  { name: 'refuseAfterState', run: refuseAfterState },
  { name: 'refuseFieldPast', run: refuseFieldPast },
  { name: 'refuseAfterDate', run: refuseAfterDate },
  { name: 'refuseTimeMargin', run: refuseTimeMargin },
  { name: 'refuseStateAnywhere', run: refuseStateAnywhere },
  { name: 'roleMayChange', run: roleMayChange },
];

export interface RuleInputs {
  roles: string[];
  roleWords: Set<string>;
  ensureOwner: (entity: string, source: number) => boolean;
}

/** The entity a heading is ("### Cleaning tasks", "4. Reviews" -> Review); not one it merely mentions ("Farm app notes"). */
function headingEntity(draft: Draft, inputs: RuleInputs, sentence: SentenceInfo): string | undefined {
  const words = wordsOf(sentence.plain).filter((w) => !/^(\d+|the|a|an|of|and|our|my|your)$/.test(w));
  const found = mentionsIn({ draft, roles: inputs.roles, roleWords: inputs.roleWords }, words).filter((m) => m.entity.name !== 'User');
  if (found.length !== 1 || found[0].start !== 0 || found[0].end !== words.length - 1) return undefined;
  return found[0].entity.name;
}

/** Runs every pattern on one clause; says why when it carries rule language and nothing took it. */
/** The rule kinds a specific cue of ruleLanguage() can be enforced as (a value range is a field's bounds). */
const CUE_KINDS: Record<string, string[]> = {
  'a sequence of states': ['statusWorkflow'],
  'a rule against overlapping bookings': ['noOverlap', 'unique', 'capacity'],
  'a uniqueness rule': ['unique', 'noOverlap', 'capacity'],
  'a limit': ['capacity', 'range', 'unique', 'refuseWhen', 'dateOrder'],
  'a range of values': ['range', 'capacity'],
  'a limit per something': ['capacity', 'unique', 'range', 'noOverlap'],
  'a capacity limit': ['capacity'],
  'an ownership rule': ['ownership', 'roleRequired'],
  'a condition to meet first': ['refuseWhen', 'statusWorkflow'],
};

/** "… if the member is a guest", "unless they …": a condition the rules made from the clause may not carry. */
const CONDITION = /\b(?:if|unless|whenever|as long as|except when|except if)\s+(?:a|an|the|they|it|he|she|someone|somebody|anyone|there|[a-z]+s)\b/;

/**
 * "after they are shipped", "once an order is paid", "when a job is done": a state the row must be in,
 * said with a verb of being; a time word alone is no condition ("the end date must be after the start date").
 * ("while" is left out: as often a contrast, "… by a number, while a bus is identified by its plate".)
 * Groups: the moment word, the words before the state ("already", "not"), the state.
 */
const STATE_CONDITION = guarded(
  /\b(when|once|after|before|until|as soon as)\s+(?:(?:a|an|the|its|their|this|that|his|her)\s+(?:(?!(?:a|an|the)\s)[a-z-]+\s+){0,2}?[a-z-]+|they|it|he|she)\s+(?:is|are|was|were|gets?|got|becomes?|has|have|had)\s+((?:(?:already|been|not|no longer|fully|finally)\s+)*)([a-z]+(?:ed|en|ne|id|ld|nt)|open|closed|full|over|complete|active|live|public|locked|due|overdue|late|empty)\b/,
);

export function readClause(ctx: RuleContext, patterns = PATTERNS): void {
  const before = ctx.draft.rules.length;
  const bounded = boundedFields(ctx);
  readClauseRules(ctx, patterns);
  saySubjectMismatch(ctx, before, bounded);
  sayGivenValue(ctx, bounded);
}

function readClauseRules(ctx: RuleContext, patterns = PATTERNS): void {
  let recognised = false;
  const before = ctx.draft.rules.length;
  const rulesBefore = ctx.outcome.rules;
  const rangesBefore = ctx.outcome.ranges ?? 0;
  for (const pattern of patterns) if (pattern.run(ctx)) recognised = true;
  const says = ruleLanguage(ctx.clause.plain);
  const made = ctx.outcome.rules - rulesBefore;
  // (A date order is itself about "after"/"before": "due after the order was received" is its comparison.)
  const condition = CONDITION.exec(ctx.clause.plain) ?? (ctx.draft.rules.slice(before).some((r) => r.kind === 'dateOrder') ? null : STATE_CONDITION.exec(ctx.clause.plain));
  // (A role rule said of one value has its note, and may still be narrowed by a state: "only managers can change the price after it is done".)
  if (made && (!ctx.outcome.notes || ctx.outcome.fieldScoped) && condition) {
    // "… can't exceed 3 hours if the member is a guest": the rule made applies always; the condition is not carried.
    const kinds = ctx.draft.rules.slice(before).map((r) => r.kind as string);
    if (made > kinds.length) kinds.push('range');
    if (!kinds.some((k) => k === 'refuseWhen' || k === 'statusWorkflow')) {
      // A role rule in a state the record stores becomes a refusal the roles are excepted from.
      if (!CONDITION.test(ctx.clause.plain) && roleRuleInState(ctx, ctx.draft.rules.slice(before), condition)) return;
      note(ctx, `Also sets a condition ("${condition[0]} …"); the ${[...new Set(kinds)].map((k) => (k === 'range' ? 'value range' : `${kindWords(k as never)} rule`)).join(' and ')} made from it applies always, the condition is not enforced.`);
      return;
    }
  }
  if (made && !ctx.outcome.notes && says && CUE_KINDS[says]) {
    // A rule was made, but not the kind the clause's wording asks for ("… at most 3 …" became only an ownership rule).
    const added = ctx.draft.rules.slice(before);
    const kinds = ctx.draft.rules.filter((r) => r.sources.includes(ctx.sentence.id)).map((r) => r.kind as string);
    // (A range bounds a field and is no rule of the list; rules added meanwhile for other reasons, an owner link's, are not what it made.)
    if ((ctx.outcome.ranges ?? 0) > rangesBefore || (made > added.length && made > kinds.length)) kinds.push('range');
    if (!kinds.some((k) => CUE_KINDS[says].includes(k))) {
      note(ctx, `Also reads like ${says}; that part was not turned into a rule (only ${[...new Set(kinds)].map((k) => (k === 'range' ? 'a value range' : `a ${kindWords(k as never)} rule`)).join(' and ')} was).`);
    }
    return;
  }
  if (ctx.outcome.rules || ctx.outcome.notes) return;
  if (!says) return;
  // A pattern that took the clause but made no rule and said nothing would drop it silently: said here.
  if (recognised) {
    note(ctx, `Reads like ${says}; it was recognised, but no rule could be made from it. Add it as a rule, or ignore it.`);
    return;
  }
  note(ctx, `Reads like ${says}, but it was not recognised as a rule Takoss can enforce (capacity, unique, no overlap, ownership, role, status workflow, date order, value range or refusal).`);
}

export function findRules(
  draft: Draft,
  sentences: SentenceInfo[],
  roles: string[],
  roleWords: Set<string>,
  ensureOwner: (entity: string, source: number) => boolean,
): void {
  const inputs: RuleInputs = { roles, roleWords, ensureOwner };
  // The states a record goes through are read first: a refusal written before the workflow
  // ("… only while it is still new", then "requests go new → scheduled → done") needs its values.
  // Both passes read the same clauses: cut once.
  const clauses = new Map<SentenceInfo, SentenceClauses>();
  const clausesFor = (sentence: SentenceInfo): SentenceClauses => {
    let cut = clauses.get(sentence);
    if (!cut) clauses.set(sentence, (cut = clausesOf(sentence)));
    return cut;
  };
  readAll(draft, sentences, inputs, WORKFLOW_PATTERNS, clausesFor);
  readAll(draft, sentences, inputs, PATTERNS, clausesFor);
  workflowFromValues(draft);
}

const WORKFLOW_PATTERNS = PATTERNS.filter((p) => p.name.startsWith('workflow'));

/** One pass of these patterns over every clause, with the hints of the surrounding text. */
function readAll(draft: Draft, sentences: SentenceInfo[], inputs: RuleInputs, patterns: typeof PATTERNS, clausesFor: (sentence: SentenceInfo) => SentenceClauses): void {
  const { roles, roleWords } = inputs;
  const first = patterns !== PATTERNS;
  let section: string | undefined;
  let previous: string | undefined;
  for (const sentence of sentences) {
    if (sentence.heading) {
      section = headingEntity(draft, inputs, sentence);
      previous = undefined;
      continue;
    }
    if (sentence.optional) continue;
    const { clauses, narrator } = clausesFor(sentence);
    let made = 0;
    let hint = section ?? previous;
    for (const clause of clauses) {
      const listed = clause.listSubject ? mentionsIn({ draft, roles, roleWords }, clause.listSubject).find((m) => m.entity.name !== 'User' && m.end === clause.listSubject!.length - 1) : undefined;
      const ctx = contextFor(draft, sentence, clause, inputs, { hint: listed?.entity.name ?? hint, section: listed?.entity.name ?? section, narrator });
      // A "so that" reason restating the rule just made is not a second requirement.
      if (clause.purpose && made) continue;
      if (first) for (const pattern of patterns) pattern.run(ctx);
      else readClause(ctx);
      made += ctx.outcome.rules;
      const subject = mentionsIn(ctx, clause.plain).find((m) => m.entity.name !== 'User');
      if (subject) hint = subject.entity.name;
    }
    const firstMention = mentionsIn({ draft, roles, roleWords }, sentence.plain).find((m) => m.entity.name !== 'User');
    if (firstMention) previous = firstMention.entity.name;
  }
}

export function contextFor(draft: Draft, sentence: SentenceInfo, clause: RuleClause, inputs: RuleInputs, extra: { hint?: string; section?: string; narrator?: string } = {}): RuleContext {
  return { draft, sentence, clause, roles: inputs.roles, roleWords: inputs.roleWords, ensureOwner: inputs.ensureOwner, hint: extra.hint, section: extra.section, narrator: extra.narrator, outcome: { rules: 0, notes: 0 } };
}

export { clausesOf, ruleLanguage } from './clauses';
