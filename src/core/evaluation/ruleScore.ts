// Rules: implemented, listed with a reason, or silently dropped, and why a rule was missed
// (see score.ts's header).
import type { SentenceAccount } from '../../model/project/accounting';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { ruleLanguage } from '../extract/rules/clauses';
import { plainOf } from '../extract/sentences';
import type { GoldRule, GoldText } from './gold';
import { namesMatch, NO_SYNONYMS } from './names';
import type { ScoreOptions } from './counts';
import { resolveGoldName, type EntityMatching } from './entityMatch';

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

