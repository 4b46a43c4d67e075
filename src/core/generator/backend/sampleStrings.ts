// Example text values (the n-th row) from what a field means and the entity's domain: a Recipe's
// title is a dish, a Bug's title reads like a bug, a guest name is a person, a phone is a 555
// number. Unknown records fall back to "<Entity label> <n>", which is always on-domain.
import type { BackendModel, Column, EntityModel } from './model';
import { entityNouns, isPersonEntity, namesOfNoun, singularWords, wordingOf, type Wording } from './sampleWording';
import {
  BIOS, COMPANIES, INGREDIENT_LISTS, NOTES, ORGANISATION_NOUNS, PEOPLE, PERSON_NOUNS, PET_NAMES, PET_NOUNS, RECORD_NAMES, REMARKS, STEP_LISTS,
} from './sampleVocabulary';

/** Words that make a field the record's own name or title. */
const TITLE_WORDS = new Set(['name', 'title', 'subject', 'summary', 'headline', 'heading', 'caption', 'label', 'topic', 'full']);
const CODE_WORDS = new Set(['sku', 'code', 'reference', 'ref', 'serial', 'barcode']);
/** Things identified by a code ("INV-1001", "VAT-1001") rather than a plain number (room 101). */
const DOCUMENT_NOUNS = new Set([
  'invoice', 'order', 'receipt', 'quote', 'bill', 'contract', 'policy', 'account', 'case', 'claim', 'shipment', 'purchase order', 'vat', 'tax',
  'licence', 'license', 'permit', 'membership', 'tracking', 'registration', 'ticket', 'booking', 'reservation', 'certificate', 'batch', 'lot',
  'job', 'inventory', 'sample', 'staff', 'student', 'employee', 'customer', 'member',
]);
/** Code words that say nothing of what is coded: the entity's noun makes the prefix. */
const GENERIC_CODES = new Set(['code', 'reference', 'ref']);
/** Fields that hold a picture: an image URL. */
const IMAGE_WORDS = new Set(['photo', 'image', 'picture', 'avatar', 'logo', 'thumbnail', 'cover']);
const REMARK_NOUNS = new Set(['comment', 'reply', 'review', 'feedback', 'answer', 'response', 'message', 'rating', 'testimonial']);
/** Fields that hold a short note about the row ("note", "specialRequest"). */
const NOTE_WORDS = new Set(['note', 'remark', 'instruction', 'request', 'comment', 'memo']);
const BODY_WORDS = new Set(['body', 'content', 'text', 'message', 'comment', 'remark', 'feedback', 'review']);

interface Ctx {
  column: Column;
  entity: EntityModel;
  model: BackendModel;
  wording: Wording;
  /** The field's singular words, name first ("guestName" -> guest, name). */
  words: string[];
}

function contextOf(column: Column, entity: EntityModel, model: BackendModel): Ctx {
  const words = [...new Set([...singularWords(column.prop), ...singularWords(column.field?.label ?? '')])];
  return { column, entity, model, wording: wordingOf(model), words };
}

const has = (ctx: Ctx, ...candidates: string[]) => candidates.some((word) => ctx.words.includes(word));
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const slug = (text: string, separator: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, separator).replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');

/** The n-th value of a list; past its end "<fallback> <n>", so every n gets its own value. */
function nth(list: readonly string[], n: number, fallback: string): string {
  return n <= list.length ? list[n - 1] : `${fallback} ${n}`;
}

/**
 * The n-th person of this entity: each entity starts three names further into the list, so the
 * example patients are not also the example doctors. Past the list: undefined.
 */
function personOf(ctx: Ctx, n: number): string | undefined {
  if (n > PEOPLE.length) return undefined;
  const offset = Math.max(0, ctx.model.entities.indexOf(ctx.entity)) * 3;
  return PEOPLE[(offset + n - 1) % PEOPLE.length];
}

/** The n-th person's name, as a field of a person wants it. */
function personPart(ctx: Ctx, n: number, fallback: string): string {
  const person = personOf(ctx, n);
  if (!person) return `${fallback} ${n}`;
  const [first, ...rest] = person.split(' ');
  if (has(ctx, 'first', 'given', 'forename')) return first;
  if (has(ctx, 'last', 'surname', 'family')) return rest.join(' ');
  if (has(ctx, 'username', 'handle', 'login', 'nickname', 'nick')) return slug(person, '_');
  if (has(ctx, 'display')) return `${first} ${rest.join(' ')[0]}.`;
  return person;
}

/** The names the records of this entity go by: sentence examples first, then the domain's words. */
function recordNames(ctx: Ctx): string[] {
  const { entity, wording } = ctx;
  const examples = wording.examples.get(entity.entity.name) ?? [];
  const nouns = entityNouns(entity);
  const known = nouns.some((noun) => ORGANISATION_NOUNS.has(noun))
    ? COMPANIES
    : nouns.some((noun) => PET_NOUNS.has(noun))
      ? PET_NAMES
      : nouns.map((noun) => namesOfNoun(noun, wording)).find(Boolean) ?? [];
  return [...examples, ...known.filter((name) => !examples.includes(name))];
}

/** Words of a field name that make it a count or a limit, not a thing ("maxPeople"). */
const COUNT_WORDS = new Set(['max', 'min', 'maximum', 'minimum', 'total', 'count', 'number', 'no', 'num']);

/**
 * The noun a field is named after: its last word ("parentCategory" -> category), or the word before
 * a name or title ("guestName" -> guest); none for counts and limits.
 */
function fieldNoun(column: Column): string | undefined {
  const nameWords = singularWords(column.prop).filter((word) => word.length > 1);
  if (nameWords.some((word) => COUNT_WORDS.has(word))) return undefined;
  const head = nameWords.at(-1);
  return head && TITLE_WORDS.has(head) ? nameWords.at(-2) : head;
}

/** A value from a vocabulary the field's own noun names ("venue", "city", "productName" -> product). */
function fieldNounValue(ctx: Ctx, n: number, label: string): string | undefined {
  const noun = fieldNoun(ctx.column);
  if (!noun) return undefined;
  if (PET_NOUNS.has(noun)) return nth(PET_NAMES, n, label);
  if (PERSON_NOUNS.has(noun)) return personPart(ctx, n, label);
  if (ORGANISATION_NOUNS.has(noun)) return nth(COMPANIES, n, label);
  if (IMAGE_WORDS.has(noun)) return `https://example.com/images/${ctx.entity.names.route}-${n}.jpg`;
  const names = namesOfNoun(noun, ctx.wording);
  return names ? nth(names, n, label) : undefined;
}

/** Which of the row's address fields this is (a pickup and a delivery address differ). */
function addressIndex(ctx: Ctx): number {
  const addresses = ctx.entity.columns.filter((c) => c.field && singularWords(c.prop).includes('address'));
  return Math.max(0, addresses.indexOf(ctx.column));
}

/**
 * "vatNumber" -> VAT-1001, "sku" -> SKU-1001, a zone's "code" -> ZON-1001; a room, flat or desk
 * number is a plain 101.
 */
function numberValue(ctx: Ctx, n: number): string {
  const nameWords = singularWords(ctx.column.prop);
  const qualifier = nameWords.find((word) => !COUNT_WORDS.has(word) && !CODE_WORDS.has(word) && word !== 'id');
  const code = nameWords.find((word) => CODE_WORDS.has(word));
  const nouns = entityNouns(ctx.entity);
  if (code) return `${prefix(qualifier ?? (GENERIC_CODES.has(code) ? nouns[0] : code))}-${1000 + n}`;
  const document = [...nameWords, ...nouns].find((noun) => DOCUMENT_NOUNS.has(noun));
  return document ? `${prefix(document)}-${1000 + n}` : String(100 + n);
}

/** Identifiers and contact details, recognised by the field's words. */
function formattedValue(ctx: Ctx, n: number): string | undefined {
  if (has(ctx, 'phone', 'mobile', 'telephone', 'tel', 'fax', 'cell')) return `+1 555 01${pad(n, 2)}`;
  if (has(ctx, 'isbn')) return isbn(n);
  if (has(ctx, 'email')) return emailValue(ctx, n);
  if (has(ctx, 'url', 'website', 'homepage', 'link')) return `https://example.com/${ctx.entity.names.route}/${n}`;
  if (has(ctx, 'zip', 'postcode', 'postal')) return pad(10000 + n * 101, 5);
  if (singularWords(ctx.column.prop).includes('plate')) return `AB-${100 + n}-CD`;
  if (has(ctx, 'address')) {
    const k = n + addressIndex(ctx);
    return `${nth(RECORD_NAMES.street, k, 'Street')}, ${nth(RECORD_NAMES.city, k, 'City')}`;
  }
  if (has(ctx, 'number', 'no', 'num', ...CODE_WORDS)) return numberValue(ctx, n);
  return undefined;
}

/** "ticket" -> TIC, "sku" -> SKU: a short upper-case code prefix. */
function prefix(word: string): string {
  return word.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase() || 'REF';
}

/** A well-formed ISBN-13 (978 prefix, valid check digit), different for each n. */
function isbn(n: number): string {
  const digits = `978${pad(1_000_000 + n * 7919, 9).slice(-9)}`;
  const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (i % 2 ? 3 : 1), 0);
  const check = (10 - (sum % 10)) % 10;
  return `${digits.slice(0, 3)}-${digits.slice(3, 4)}-${digits.slice(4, 8)}-${digits.slice(8)}-${check}`;
}

/** An address for the person or organisation the row is (or the field names), else `<field><n>@example.com`. */
function emailValue(ctx: Ctx, n: number): string {
  const nouns = entityNouns(ctx.entity);
  const organisation = ctx.words.some((w) => ORGANISATION_NOUNS.has(w)) || (!ctx.words.some((w) => PERSON_NOUNS.has(w)) && nouns.some((w) => ORGANISATION_NOUNS.has(w)));
  const person = ctx.words.some((w) => PERSON_NOUNS.has(w)) || isPersonEntity(ctx.entity);
  if (organisation && n <= COMPANIES.length) return `orders@${slug(COMPANIES[n - 1], '-')}.example.com`;
  const name = person ? personOf(ctx, n) : undefined;
  if (name) return `${slug(name, '.')}@example.com`;
  return `${ctx.column.prop.toLowerCase()}${n}@example.com`;
}

/** An example address of an email column: the row's person or organisation when it is one. */
export function emailSample(column: Column, n: number, entity: EntityModel, model: BackendModel): string {
  return emailValue(contextOf(column, entity, model), n);
}

/** The entity's own name or title for row n. */
function titleValue(ctx: Ctx, n: number): string {
  const label = ctx.entity.entity.label;
  return isPersonEntity(ctx.entity) ? personPart(ctx, n, label) : nth(recordNames(ctx), n, label);
}

/** A one-line example value of a string (or email/url) column. */
export function stringSample(column: Column, n: number, entity: EntityModel, model: BackendModel): string {
  const ctx = contextOf(column, entity, model);
  const label = column.field?.label ?? column.prop;
  const noun = singularWords(column.prop).at(-1) ?? '';
  const value =
    formattedValue(ctx, n) ??
    (NOTE_WORDS.has(noun) ? nth(NOTES, n, label) : undefined) ??
    fieldNounValue(ctx, n, label) ??
    (ctx.words.some((word) => TITLE_WORDS.has(word)) ? titleValue(ctx, n) : undefined) ??
    `${label} ${n}`;
  return fitLength(value, column, n);
}

/** The title the row's text fields talk about: its own title-like field's value, else "<Entity> <n>". */
function rowTitle(ctx: Ctx, n: number): string {
  const titleColumn = ctx.entity.columns.find((c) => c.field && c.type === 'string' && singularWords(c.prop).some((w) => TITLE_WORDS.has(w)));
  return titleColumn ? stringSample(titleColumn, n, ctx.entity, ctx.model) : `${ctx.entity.entity.label} ${n}`;
}

/** An example value of a text column: lists keep their line breaks, comments read like comments. */
export function textSample(column: Column, n: number, entity: EntityModel, model: BackendModel): string {
  const ctx = contextOf(column, entity, model);
  const label = column.field?.label ?? column.prop;
  const i = (n - 1) % 3;
  let value: string;
  if (has(ctx, 'ingredient')) value = INGREDIENT_LISTS[i];
  else if (has(ctx, 'instruction', 'step', 'method', 'direction', 'preparation')) value = STEP_LISTS[i];
  else if (has(ctx, 'address')) value = `${nth(RECORD_NAMES.street, n, 'Street')}\n${nth(RECORD_NAMES.city, n, 'City')}`;
  else if (has(ctx, 'bio', 'about') && isPersonEntity(entity)) value = nth(BIOS, n, `${label} ${n}.`);
  else if (has(ctx, 'note', 'remark', 'memo')) value = nth(NOTES, n, `${label} ${n}.`);
  else if (entityNouns(entity).some((noun) => REMARK_NOUNS.has(noun)) && ctx.words.some((w) => BODY_WORDS.has(w)))
    value = nth(REMARKS[ctx.wording.theme] ?? REMARKS.default, n, `${label} ${n}.`);
  else value = `${label} of ${rowTitle(ctx, n).replace(/[.?!]+$/, '')}.`;
  return fitLength(value, column, n);
}

/**
 * The value within the column's length limits: cut to its maximum (a unique column keeps `n` at the
 * end, so cutting never makes two rows equal) and padded to its minimum.
 */
function fitLength(value: string, column: Column, n: number): string {
  const max = column.type === 'text' ? (column.max ?? 100_000) : Math.min(column.max ?? 255, 255);
  const min = Math.max(column.min ?? 0, column.notNull ? 1 : 0);
  let fitted = value;
  if (fitted.length > max) {
    const suffix = column.unique ? String(n) : '';
    fitted = `${fitted.slice(0, Math.max(0, max - suffix.length)).trimEnd()}${suffix}`.slice(-max);
  }
  if (fitted.trim().length < min) fitted = fitted.trim().padEnd(min, fitted.trim() ? '.' : 'x');
  return fitted;
}
