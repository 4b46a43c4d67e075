// Roles: gold roles vs the spec's sign-in roles.
import type { ProjectSpec } from '../../model/project/projectSpec';
import { nameKey, NO_SYNONYMS } from './names';
import type { Counts, ScoreOptions } from './counts';
import { roleList } from './entityMatch';

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
