// "Nothing dropped silently": every sentence the final spec does not cite, and every sentence that
// reads like a rule none was built from, is listed in notUnderstood with why.
import type { ProjectSpec } from '../../model/project/projectSpec';
import { accountSentences } from '../../model/project/accounting';

/**
 * The last guarantee of "nothing dropped silently": a sentence that was read but that nothing in
 * the final model cites (what it gave was merged away or failed validation) is listed with why.
 */
export function accountForEverySentence(spec: ProjectSpec): ProjectSpec {
  const missing = accountSentences(spec).filter((a) => a.status === 'unaccounted');
  const unbuiltRules = rulesNotBuilt(spec);
  if (!missing.length && !unbuiltRules.length) return spec;
  const notUnderstood = [
    ...spec.notUnderstood,
    ...unbuiltRules,
    ...missing.map((a) => ({
      text: a.text.slice(0, 2000),
      reason: 'Read, but nothing in the data model comes from this sentence (it may describe the organisation or the context, or what it named was merged into another record).',
      sources: [a.id],
      suggestions: [],
    })),
  ];
  return { ...spec, notUnderstood };
}

const RULE_LANGUAGE = /\b(?:only|must(?:n't| not)?|cannot|can't|can not|may not|not allowed|never|at most|at least|no more than|no less than|unique|twice|maximum|minimum|max|min|limited to|up to|must be (?:after|before)|overlap\w*|double[- ]book\w*)\b|→|->/;

/**
 * A sentence that reads like a rule but from which no rule (nor a field limit) was built, and that
 * nothing lists yet: said, so a dropped rule is never silent.
 */
function rulesNotBuilt(spec: ProjectSpec): ProjectSpec['notUnderstood'] {
  // How many rules (and field limits) each sentence gave.
  const ruled = new Map<number, number>();
  const count = (sources: readonly number[]) => sources.forEach((s) => ruled.set(s, (ruled.get(s) ?? 0) + 1));
  for (const rule of spec.rules) count(rule.sources);
  for (const entity of spec.entities) {
    for (const field of entity.fields) if (field.min !== undefined || field.max !== undefined || field.unique) count(field.sources);
  }
  const listed = new Set([...spec.notUnderstood, ...spec.unimplemented].flatMap((n) => n.sources));
  const out: ProjectSpec['notUnderstood'] = [];
  for (const sentence of spec.requirements.sentences) {
    if (sentence.heading || listed.has(sentence.id) || !RULE_LANGUAGE.test(sentence.text.toLowerCase())) continue;
    // "one active permit per vehicle; a resident can hold at most 2 permits": each clause with rule
    // language should give a rule; the clauses beyond the rules built are said.
    const clauses = sentence.text.split(/;|\.\s|,\s*(?:and|but)\s|\s(?:and|but)\s(?=(?:only|no|nobody|each|every)\b)/i).filter((c) => RULE_LANGUAGE.test(c.toLowerCase()));
    const built = ruled.get(sentence.id) ?? 0;
    if (built >= Math.max(1, clauses.length)) continue;
    if (built > 0) {
      out.push({
        text: sentence.text.slice(0, 2000),
        reason: `This sentence reads like ${clauses.length} rules, but only ${built} could be built; check the others and add them as rules, or ignore them.`,
        sources: [sentence.id],
        suggestions: [],
      });
      continue;
    }
    out.push({
      text: sentence.text.slice(0, 2000),
      reason: 'Reads like a business rule, but Takoss could not turn it into one (the records, fields or roles it names were not all found). Add it as a rule, or ignore it.',
      sources: [sentence.id],
      suggestions: [],
    });
  }
  return out;
}
