// Totals over a corpus: every per-text score added up.
import type { AccountingSummary } from '../../model/project/accounting';
import { addCounts, zeroCounts, type Counts } from './counts';
import { missReasonsByKind, rulesByKind, type RuleCounts, type RuleScore } from './ruleScore';
import type { TextScore } from './score';

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
  const sum = emptySummary(scores.length);
  for (const s of scores) {
    addEntities(sum, s);
    if (s.fields) {
      addCounts(sum.fields, s.fields);
      sum.fields.texts++;
    }
    if (s.relations) {
      addCounts(sum.relations, s.relations);
      sum.relations.texts++;
    }
    if (s.rules) addRules(sum.rules, s.rules);
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

function emptySummary(texts: number): Summary {
  return {
    texts,
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
}

function addEntities(sum: Summary, s: TextScore): void {
  addCounts(sum.entitiesStrict, s.entitiesStrict);
  addCounts(sum.entities, s.entities.counts);
  sum.byRole += s.entities.byRole;
  sum.byInheritanceEnum += s.entities.byInheritanceEnum;
  sum.enums.total += s.entities.enums.total;
  sum.enums.matched += s.entities.enums.matched;
  sum.enums.asEntity += s.entities.enums.asEntity;
  sum.enums.asField += s.entities.enums.asField;
}

function addRules(sum: Summary['rules'], rules: RuleScore): void {
  sum.texts++;
  sum.total += rules.total;
  sum.implemented += rules.implemented;
  sum.listed += rules.listed;
  sum.dropped += rules.dropped;
  for (const [kind, c] of Object.entries(rulesByKind(rules.results))) {
    const into = (sum.byKind[kind] ??= { total: 0, implemented: 0, listed: 0, dropped: 0 });
    into.total += c.total;
    into.implemented += c.implemented;
    into.listed += c.listed;
    into.dropped += c.dropped;
  }
  for (const [kind, reasons] of Object.entries(missReasonsByKind(rules.results))) {
    const into = (sum.missReasons[kind] ??= {});
    for (const [reason, n] of Object.entries(reasons)) into[reason] = (into[reason] ?? 0) + n;
  }
}
