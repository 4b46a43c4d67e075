// Gold annotations of requirement texts, in one shape whatever corpus they come from, so the
// extractor benchmark scores every corpus with the same code. Converters take parsed JSONL rows;
// reading files is the caller's job (this module does no I/O).

export interface GoldEntity {
  name: string;
  attributes: string[];
  /** `enum`: an enumeration, scored apart from classes. Anything else is a class. */
  kind?: string;
  literals?: string[];
  abstract?: boolean;
  /** Not counted against recall when missed (counted when found). */
  optional?: boolean;
}

export interface GoldRelation {
  from: string;
  to: string;
  /** association | many-to-many | composition | aggregation | inheritance (from = child) | belongsTo | manyToMany … */
  kind: string;
  /** The class of an association class (UML), e.g. Ticket between Flight and Passenger. */
  associationClass?: string;
  optional?: boolean;
  /** Another pair of ends the annotators accepted instead. */
  alternative?: [string, string];
  /** An association the gold gives no multiplicities for: it may be many-to-many. */
  unknownMultiplicity?: boolean;
}

export interface GoldRule {
  /** capacity | unique | ownership | roleRequired | statusWorkflow | dateOrder | range | noOverlap | refuseWhen */
  kind: string;
  entity: string;
  /** Words of the requirement sentence that states the rule. */
  text: string;
}

/** Which parts of a text the gold annotates; the rest is not scored for it. */
export interface GoldHas {
  attributes: boolean;
  relations: boolean;
  auth: boolean;
  roles: boolean;
  rules: boolean;
  notStored: boolean;
}

export interface GoldText {
  id: string;
  corpus: string;
  /** Corpus-specific subset, e.g. the source prefix ("seibert-ds3") or the text's form ("user stories"). */
  group?: string;
  form?: string;
  requirements: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
  auth?: boolean;
  roles: string[];
  rules: GoldRule[];
  /** Nouns the text mentions that should NOT become entities. */
  notStored: string[];
  /** Groups of names (e.g. subclass synonyms) an extractor is not punished for (VisualNarrator). */
  nonPunish: string[][];
  has: GoldHas;
}

type Row = Record<string, unknown>;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function entities(value: unknown): GoldEntity[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((e): e is Row => !!e && typeof e === 'object' && typeof (e as Row).name === 'string')
    .map((e) => ({
      name: text(e.name),
      attributes: strings(e.attributes),
      ...(typeof e.kind === 'string' ? { kind: e.kind } : {}),
      ...(Array.isArray(e.literals) ? { literals: strings(e.literals) } : {}),
      ...(e.abstract === true ? { abstract: true } : {}),
      ...(e.optional === true ? { optional: true } : {}),
    }));
}

function relations(value: unknown, markUnknown = false): GoldRelation[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is Row => !!r && typeof r === 'object' && typeof (r as Row).from === 'string' && typeof (r as Row).to === 'string')
    .map((r) => {
      const alternative = strings(r.alternative);
      return {
        from: text(r.from),
        to: text(r.to),
        kind: text(r.kind) || 'association',
        ...(typeof r.association_class === 'string' ? { associationClass: r.association_class } : {}),
        ...(r.optional === true ? { optional: true } : {}),
        ...(alternative.length === 2 ? { alternative: [alternative[0], alternative[1]] as [string, string] } : {}),
        ...(markUnknown && (r.kind ?? 'association') === 'association' && r.from_mult === undefined && r.to_mult === undefined ? { unknownMultiplicity: true } : {}),
      };
    });
}

function rules(value: unknown): GoldRule[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is Row => !!r && typeof r === 'object' && typeof (r as Row).kind === 'string')
    .map((r) => ({ kind: text(r.kind), entity: text(r.entity), text: text(r.text) }));
}

/** ../shared/eval/requirements.jsonl (and test/fixtures/requirements/eval.jsonl): entity names and auth only. */
export function goldFromEvalRow(row: Row, corpus = 'requirements'): GoldText {
  return {
    id: text(row.id),
    corpus,
    requirements: text(row.requirements),
    entities: strings(row.expected_entities).map((name) => ({ name, attributes: [] })),
    relations: [],
    auth: row.expects_auth === true,
    roles: [],
    rules: [],
    notStored: [],
    nonPunish: [],
    has: { attributes: false, relations: false, auth: true, roles: false, rules: false, notStored: false },
  };
}

/** ../shared/eval/gold/combined.jsonl: classes, attributes (not for user stories), enums, relations. No auth or roles. */
export function goldFromCombinedRow(row: Row, corpus = 'combined'): GoldText {
  const id = text(row.id);
  const ents = entities(row.entities);
  const groups = Array.isArray(row.non_punish_groups)
    ? (row.non_punish_groups as Row[]).map((g) => [text(g?.concept), ...strings(g?.synonyms)].filter(Boolean))
    : [];
  return {
    id,
    corpus,
    group: id.includes(':') ? id.slice(0, id.indexOf(':')) : undefined,
    requirements: text(row.requirements),
    entities: ents,
    relations: relations(row.relations, true),
    roles: [],
    rules: [],
    notStored: [],
    nonPunish: groups,
    // The user-story gold (VisualNarrator) lists classes and associations only.
    has: { attributes: ents.some((e) => e.attributes.length > 0), relations: true, auth: false, roles: false, rules: false, notStored: false },
  };
}

/** test/fixtures/requirements/gold/{dev,holdout}.jsonl: everything the spec can say. */
export function goldFromDevRow(row: Row, corpus: string): GoldText {
  return {
    id: text(row.id),
    corpus,
    form: text(row.form) || undefined,
    group: text(row.form) || undefined,
    requirements: text(row.requirements),
    entities: entities(row.entities),
    relations: relations(row.relations),
    auth: row.auth === true,
    roles: strings(row.roles),
    rules: rules(row.rules),
    notStored: strings(row.not_stored),
    nonPunish: [],
    has: { attributes: true, relations: true, auth: true, roles: true, rules: true, notStored: true },
  };
}
