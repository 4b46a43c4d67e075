// Names derived from the spec, in one place so every layer agrees (table names, routes, labels).

const IRREGULAR_PLURALS: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  mouse: 'mice',
  goose: 'geese',
  foot: 'feet',
  tooth: 'teeth',
  datum: 'data',
  criterion: 'criteria',
  index: 'indexes',
  status: 'statuses',
  quiz: 'quizzes',
};
const IRREGULAR_SINGULARS: Record<string, string> = Object.fromEntries(
  Object.entries(IRREGULAR_PLURALS).map(([singular, plural]) => [plural, singular]),
);
/** Words whose singular and plural are the same, or that are uncountable. */
const UNCHANGED = new Set(['series', 'species', 'news', 'equipment', 'information', 'software', 'staff', 'feedback', 'inventory']);

function keepCase(original: string, replacement: string): string {
  return original[0] === original[0].toUpperCase() ? replacement[0].toUpperCase() + replacement.slice(1) : replacement;
}

/** English plural of a single lower- or capitalised word. */
export function pluralizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (UNCHANGED.has(lower)) return word;
  if (IRREGULAR_PLURALS[lower]) return keepCase(word, IRREGULAR_PLURALS[lower]);
  if (/(s|x|z|ch|sh)$/.test(lower)) return word + 'es';
  if (/[^aeiou]y$/.test(lower)) return word.slice(0, -1) + 'ies';
  if (/(?:[^f]fe|[lr]f)$/.test(lower)) return word.replace(/fe?$/, 'ves');
  return word + 's';
}

/** English singular of a single word (best effort; leaves singular words alone). */
export function singularizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (UNCHANGED.has(lower)) return word;
  if (IRREGULAR_SINGULARS[lower]) return keepCase(word, IRREGULAR_SINGULARS[lower]);
  if (IRREGULAR_PLURALS[lower]) return word;
  if (/(ss|us|is)$/.test(lower)) return word;
  if (/ies$/.test(lower) && lower.length > 4) return word.slice(0, -3) + 'y';
  if (/(ches|shes|xes|zes|sses)$/.test(lower)) return word.slice(0, -2);
  if (/ves$/.test(lower) && !/(eves|oves)$/.test(lower)) return word.slice(0, -3) + 'f';
  if (/[^s]s$/.test(lower)) return word.slice(0, -1);
  return word;
}

/** Splits camelCase, PascalCase, snake_case, kebab-case and spaced words. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export function pascalCase(name: string): string {
  return words(name)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('');
}

export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  return pascal ? pascal[0].toLowerCase() + pascal.slice(1) : pascal;
}

export function snakeCase(name: string): string {
  return words(name).join('_');
}

export function kebabCase(name: string): string {
  return words(name).join('-');
}

/**
 * The indefinite article for a noun, by its sound: "an event", "an hour", "a user", "a unit",
 * "a one-off" (a vowel letter alone says "an user", the slip a reader notices).
 */
export function article(noun: string): 'a' | 'an' {
  const word = noun.trim().toLowerCase();
  if (/^(hour|honest|honou?r|heir)/.test(word)) return 'an';
  if (/^(u[bcfgklmnprstvz][aeiou]|uni|eu|ewe|one\b|once\b)/.test(word)) return 'a';
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

/** "an event", "a user"; `capital` for the start of a sentence ("An event"). */
export function withArticle(noun: string, capital = false): string {
  const word = article(noun);
  return `${capital ? word[0].toUpperCase() + word.slice(1) : word} ${noun}`;
}

/** "purchaseOrder" -> "Purchase order". */
export function humanize(name: string): string {
  const text = words(name).join(' ');
  return text ? text[0].toUpperCase() + text.slice(1) : text;
}

/** Pluralizes the last word of a multi-word name: PurchaseOrder -> PurchaseOrders. */
export function pluralizeName(name: string): string {
  const match = /^(.*?)([A-Z]?[a-z0-9]+)$/.exec(name);
  if (!match) return name + 's';
  return match[1] + pluralizeWord(match[2]);
}

/** Names every layer uses for one entity. */
export interface EntityNames {
  /** PurchaseOrder */
  pascal: string;
  /** purchaseOrder */
  camel: string;
  /** purchaseOrders */
  camelPlural: string;
  /** PurchaseOrders */
  pascalPlural: string;
  /** purchase_orders (SQL table) */
  table: string;
  /** purchase-orders (URL segment, file names) */
  route: string;
}

/** Route names the generator's own files already take in a folder where each entity gets a file named by its
 *  route (backend/test/rules.test.ts beside backend/test/{entity}.test.ts); a unit test derives the list from the
 *  layer tables and fails when a new fixed file needs to join it. */
export const GENERATOR_ROUTE_NAMES = new Set(['rules', 'secrets', 'access', 'admin', 'auth', 'client']);

/** An entity's route: its plural in kebab case, unless the generator's own files use that name ("Rule" -> rule-records). */
function routeName(entityName: string, pascalPlural: string): string {
  const route = kebabCase(pascalPlural);
  return GENERATOR_ROUTE_NAMES.has(route) ? `${kebabCase(entityName)}-records` : route;
}

export function entityNames(entityName: string): EntityNames {
  const pascalPlural = pluralizeName(entityName);
  return {
    pascal: entityName,
    camel: camelCase(entityName),
    camelPlural: camelCase(pascalPlural),
    pascalPlural,
    table: snakeCase(pascalPlural),
    route: routeName(entityName, pascalPlural),
  };
}

/** SQL/TS identifiers that a generated name must not collide with. */
export const RESERVED_FIELD_NAMES = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'constructor',
  'prototype',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
]);
