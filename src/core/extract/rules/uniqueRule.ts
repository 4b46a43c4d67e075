// How a uniqueness rule is made, whatever the phrasing: the value (found or added as a field), made
// unique alone or per a scope (a link or a field). The phrasings are read in unique.ts and uniqueOnce.ts.
import type { DraftEntity, DraftField } from '../draft';
import { belongsTo, pickRelation } from './links';
import { addOrNote, ensureField, fieldIn, mentionsIn, note, type RuleContext } from './context';
import { stripArticles, wordsOf } from './words';

const PHRASE_STOP = new Set(['that', 'which', 'and', 'so', 'because', 'want', 'where', 'while', 'but', 'obviously', 'if', 'then', 'i', 'we', 'has', 'have', 'had', 'with', 'is', 'are', 'be', 'gets', 'get', 'got', 'needs', 'need', 'must', 'should', 'can', 'will', 'may', 'keep', 'keeps', 'store', 'stores', 'record', 'records', 'a', 'an', 'the', 'each', 'every', 'its', 'their', 'his', 'her', 'our', 'your', 'my', 'any']);

/** The last noun phrase of a fragment ("bikes have a frame number" -> frame number; "the reference number of a household" whole). */
export function lastPhrase(fragment: string): string[] {
  const cut = Math.max(...[',', ';', ':', '(', ')', '.'].map((c) => fragment.lastIndexOf(c)));
  const ws = wordsOf(cut >= 0 ? fragment.slice(cut + 1) : fragment).filter((w) => !/^(only|also|obviously|always)$/.test(w));
  const out: string[] = [];
  for (let i = ws.length - 1; i >= 0; i--) {
    // An article after "of" belongs to the phrase ("number of a household").
    if (PHRASE_STOP.has(ws[i]) && !(ws[i - 1] === 'of' && out.length && /^(a|an|the|each|every|its|their)$/.test(ws[i]))) break;
    out.unshift(ws[i]);
  }
  return stripArticles(out);
}

/** The relation or field a scope phrase names on `entity` ("within a team" -> team relation). */
export function scopeOn(ctx: RuleContext, entity: DraftEntity, words: string[]): string | undefined {
  const m = mentionsIn(ctx, words).find((x) => x.start === 0);
  if (m) {
    const rel = belongsTo(ctx, entity, m.entity);
    if (rel.length) return pickRelation(entity, rel, words).name;
  }
  const field = fieldIn(entity, words, 1.8);
  if (field) return field.name;
  // "per day" -> the row's date; "per year" -> its year.
  const w = words[0];
  if (/^(day|date)$/.test(w)) return entity.fields.find((f) => f.type === 'date')?.name ?? entity.fields.find((f) => f.type === 'datetime' && /date|day/i.test(f.name))?.name;
  if (/^(year|season|month|week)$/.test(w)) return fieldIn(entity, [w], 1.5)?.name;
  return undefined;
}


/** Makes `field` unique (alone or with the scope) and adds the rule. */
export function uniqueOn(ctx: RuleContext, entity: DraftEntity, field: DraftField | undefined, fieldWords: string[], scopeWords: string[] | undefined, label: string): void {
  let f = field;
  if (!f) {
    if (!fieldWords.length || fieldWords.length > 4) {
      note(ctx, `Looks like a uniqueness rule (${label}), but the value that must be unique was not found on ${entity.name}.`);
      return;
    }
    f = ensureField(ctx, entity, fieldWords, fieldWords.includes('email') ? 'email' : 'string', { required: true });
    if (!f) {
      note(ctx, `Looks like a uniqueness rule (${label}), but no field could be named for it on ${entity.name}.`);
      return;
    }
  }
  f.sources.add(ctx.sentence.id);
  const fields = [f.name];
  if (scopeWords?.length) {
    // "per volunteer and event": one scope per part.
    const parts = scopeWords.join(' ').split(/\s+(?:and|&)\s+|\s*,\s*/).map((p) => stripArticles(wordsOf(p))).filter((p) => p.length);
    for (const part of parts) {
      const scope = scopeOn(ctx, entity, part);
      if (!scope) {
        note(ctx, `Looks like ${f.name} must be unique per ${part.join(' ')}, but ${entity.name} has no link or field for "${part.join(' ')}".`);
        return;
      }
      if (scope !== f.name && !fields.includes(scope)) fields.push(scope);
    }
  } else f.unique = true;
  addOrNote(ctx, { kind: 'unique', entity: entity.name, fields, sources: [ctx.sentence.id] }, label);
}
