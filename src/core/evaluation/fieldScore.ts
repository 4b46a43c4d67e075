// Fields: the gold attributes of every found class vs the spec's sourced fields (see score.ts's header).
import type { Entity, Field, ProjectSpec } from '../../model/project/projectSpec';
import type { GoldText } from './gold';
import { attributeKey, attributesLooselyMatch, NO_SYNONYMS, oneTypoApart } from './names';
import { zeroCounts, type Counts, type ScoreOptions } from './counts';
import { ancestors, parentsOf, type EntityMatch, type EntityMatching } from './entityMatch';

export interface FieldScore extends Counts {
  missing: string[];
  extra: string[];
}

/** Whether the spec's entity is the User that auth signs in with email and password (sources: the sign-in sentences). */
const signsInByPassword = (spec: ProjectSpec, entity: string): boolean => entity === 'User' && spec.auth.kind === 'emailPassword' && spec.auth.sources.length > 0;

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
    const matches = (pass: 'exact' | 'typo' | 'loose', w: (typeof wanted)[number], k: string, i: number) =>
      pass === 'exact' ? k === w.key : pass === 'typo' ? oneTypoApart(k, w.key) : attributesLooselyMatch(w.attribute, fields[i].name, specName, synonyms) || attributesLooselyMatch(w.attribute, fields[i].name, w.owner, synonyms);
    // Loosest last, so a field is taken by the gold attribute it names exactly when there is one.
    for (const pass of ['exact', 'typo', 'loose'] as const) {
      wanted.forEach((w, wi) => {
        if (found.has(wi)) return;
        const fi = fieldKeys.findIndex((k, i) => !taken.has(i) && matches(pass, w, k, i));
        if (fi < 0) return;
        taken.add(fi);
        found.add(wi);
      });
    }
    // A User whose app signs in by password has one: the spec keeps it in auth, not as a field.
    if (signsInByPassword(spec, specName)) wanted.forEach((w, wi) => w.key === 'password' && found.add(wi));
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

