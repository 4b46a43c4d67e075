// Entities: gold classes mapped to spec entities (by name, through an enum value for a child class,
// or as a sign-in role), enumerations found apart, and the entity counts (see score.ts's header).
import type { Entity, ProjectSpec } from '../../model/project/projectSpec';
import type { GoldEntity, GoldText } from './gold';
import { nameKey, namesMatch, nameTokens, NO_SYNONYMS, stemMatches, type Synonyms } from './names';
import { zeroCounts, type Counts, type ScoreOptions } from './counts';

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

export const isEnum = (entity: GoldEntity) => entity.kind === 'enum';
const realLiterals = (entity: GoldEntity) => (entity.literals ?? []).filter((l) => /[A-Za-z0-9]/.test(l));

/** Index of the gold entity a (possibly stemmed) gold name refers to. */
export function resolveGoldName(gold: GoldText, name: string, synonyms: Synonyms = NO_SYNONYMS): number {
  const key = nameKey(name, synonyms);
  const exact = gold.entities.findIndex((e) => nameKey(e.name, synonyms) === key);
  if (exact >= 0) return exact;
  return gold.entities.findIndex((e) => stemMatches(name, e.name));
}

/** Parent index of every gold class that has one (inheritance: from = child, to = parent). */
export function parentsOf(gold: GoldText, synonyms: Synonyms): Map<number, number[]> {
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

/** Every ancestor of a gold class, nearest first. */
export function ancestors(index: number, parents: Map<number, number[]>): number[] {
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

export const roleList = (spec: ProjectSpec): string[] => (spec.auth.kind === 'none' ? [] : spec.auth.roles);

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
/** Maps gold classes to spec entities (see the header for the routes) and counts entity precision/recall. */
export function matchEntities(gold: GoldText, spec: ProjectSpec, lenient: boolean, options: ScoreOptions = {}): EntityMatching {
  const synonyms = options.synonyms ?? NO_SYNONYMS;
  const classes = gold.entities.map((e, i) => ({ e, i })).filter(({ e }) => !isEnum(e));
  const { matches, used } = matchByName(classes, spec, lenient, synonyms);
  const enumFields = matchChildrenByEnum(gold, classes, spec, matches, synonyms);
  const user = spec.entities.find((s) => s.name === 'User')?.name ?? 'User';
  const roleFallback = matchRoles(gold, classes, spec, matches, user, synonyms);
  const { enums, enumEntities } = findEnums(gold, spec, lenient, used, enumFields, synonyms);
  const { counts, missing, extra, neutral } = countEntities(gold, classes, spec, { lenient, matches, used, enumEntities, user }, synonyms);
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

/** A gold class with its index in gold.entities. */
type GoldClass = { e: GoldEntity; i: number };

/** Equal names first, then (lenient) head-word names; each spec entity is used once. */
function matchByName(classes: GoldClass[], spec: ProjectSpec, lenient: boolean, synonyms: Synonyms): { matches: Map<number, EntityMatch>; used: Set<string> } {
  const matches = new Map<number, EntityMatch>();
  const used = new Set<string>();
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
  return { matches, used };
}

/** Children found as a value of an enum field on the entity their nearest found ancestor maps to; returns those fields ("Entity.field"). */
function matchChildrenByEnum(gold: GoldText, classes: GoldClass[], spec: ProjectSpec, matches: Map<number, EntityMatch>, synonyms: Synonyms): Set<string> {
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
  return enumFields;
}

/** People who sign in: a role of the spec's auth, mapped to User (only a fallback for classes with attributes). */
function matchRoles(gold: GoldText, classes: GoldClass[], spec: ProjectSpec, matches: Map<number, EntityMatch>, user: string, synonyms: Synonyms): Map<number, string> {
  const roles = roleList(spec);
  const roleFallback = new Map<number, string>();
  for (const { e, i } of classes) {
    if (matches.has(i)) continue;
    const role = roles.find((r) => nameKey(r, synonyms) === nameKey(e.name, synonyms));
    if (role === undefined) continue;
    if (gold.has.attributes && e.attributes.length > 0) roleFallback.set(i, user);
    else matches.set(i, { gold: i, goldName: e.name, spec: user, route: 'role', via: role });
  }
  return roleFallback;
}

/** Enumerations: found as an entity not used by a class, or as an enum field (added to enumFields). */
function findEnums(gold: GoldText, spec: ProjectSpec, lenient: boolean, used: Set<string>, enumFields: Set<string>, synonyms: Synonyms): { enums: EnumScore; enumEntities: Set<string> } {
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
  return { enums, enumEntities };
}

/** Recall over the (not optional or found) classes; precision over the spec entities not counted neutral. */
function countEntities(
  gold: GoldText,
  classes: GoldClass[],
  spec: ProjectSpec,
  found: { lenient: boolean; matches: Map<number, EntityMatch>; used: Set<string>; enumEntities: Set<string>; user: string },
  synonyms: Synonyms,
): { counts: Counts; missing: string[]; extra: string[]; neutral: string[] } {
  const { lenient, matches, used, enumEntities, user } = found;
  const counts = zeroCounts();
  const missing: string[] = [];
  for (const { e, i } of classes) {
    const isFound = matches.has(i);
    if (e.optional && !isFound) continue;
    counts.gold++;
    if (isFound) counts.goldMatched++;
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
  return { counts, missing, extra, neutral };
}
