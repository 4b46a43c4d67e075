// How records are linked: belongsTo relations between two entities, the row a verb makes between
// people and a record ("book" a class -> Booking), and which of several relations a phrase means.
import type { DraftEntity, DraftRelation } from '../draft';
import { ACTION_NOUNS, singular } from '../lexicon';
import type { Mention, RuleContext } from './context';
import { verbLemma } from './words';

export function belongsTo(ctx: Pick<RuleContext, 'draft'>, from: DraftEntity, to: DraftEntity): DraftRelation[] {
  return ctx.draft.relations.filter((r) => r.kind === 'belongsTo' && r.from === from.name && r.to === to.name);
}

/** The relation whose name the words mention, else the owner link, else the first. */
export function pickRelation(entity: DraftEntity, relations: DraftRelation[], words: string[]): DraftRelation {
  const hints = words.filter(Boolean).map((w) => singular(w.toLowerCase()).replace(/[^a-z]/g, '')).filter((w) => w.length > 2);
  return relations.find((r) => hints.some((w) => r.name.toLowerCase().includes(w))) ?? relations.find((r) => r.name === entity.ownerRelation) ?? relations[0];
}

/** The records a noun names, alone or as the head of a compound ("booking", "class booking"). */
export function recordsNamed(ctx: Pick<RuleContext, 'draft'>, nouns: string[]): DraftEntity[] {
  return ctx.draft.entities.filter((e) => nouns.some((n) => e.key === n || e.key.endsWith(` ${n}`)));
}

/** The row a verb makes between records: score -> Score, book -> Booking, rent -> Rental, put in -> ParcelItem. */
export function rowOf(ctx: Pick<RuleContext, 'draft'>, verb: string, parents: DraftEntity[]): DraftEntity | undefined {
  const lemmas = [...new Set([verbLemma(verb), verb.replace(/(?:es|s)$/, ''), verb.replace(/s$/, ''), verb.replace(/e?d$/, ''), verb.replace(/ing$/, '')])];
  const nouns = lemmas.flatMap((lemma) => [ACTION_NOUNS[lemma], lemma, `${lemma}ing`, `${lemma}al`, `${lemma}ment`, `${lemma}ation`]).filter(Boolean);
  const named = recordsNamed(ctx, nouns);
  const unique = [...new Set(parents)];
  const linked = (e: DraftEntity) => unique.every((p) => belongsTo(ctx, e, p).length);
  return named.find(linked) ?? (unique.length ? ctx.draft.entities.find((e) => !unique.includes(e) && linked(e)) : undefined) ?? named[0];
}

/** The relation from a row to the person or record a mention names. */
export function relationTo(ctx: Pick<RuleContext, 'draft'>, row: DraftEntity, mention: Pick<Mention, 'entity' | 'role'>, words: string[]): DraftRelation | undefined {
  const rels = belongsTo(ctx, row, mention.entity);
  if (!rels.length) return undefined;
  return pickRelation(row, rels, mention.role ? [mention.role, ...words] : words);
}
