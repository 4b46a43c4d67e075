// Status workflows: "draft → submitted → approved or rejected", "moves from open to in progress to
// closed", "goes through these steps: a, b, c", "status: new, in progress, done". The states become
// the values of the entity's enum status field (added when missing) and the order its transitions.
import type { Draft, DraftEntity, DraftField } from '../draft';
import { addOrNote, candidates, ensureField, fieldIn, mentionsIn, note, type RuleContext } from './context';
import { parseNumber, PARTICIPLE, stripArticles, wordsOf } from './words';
import { guarded } from '../guardedRegExp';

interface States {
  main: string[];
  /** "… → accepted or rejected": alternatives after the last main state. */
  branches: string[];
  /** "…, or declined at any point": reachable from every main state but the last. */
  side: string[];
}

const ARROW = /\s*(?:→|->|=>|\s>\s)\s*/;
const QUALIFIER = /\s+(?:by|at|from|if|when|whenever|in case|once|after|before|so|which|for|because|unless|until|with|any time|anytime)\b.*$/;
const LEAD_VERB = guarded(/^.*\b(?:goes|go|going|moves?|moving|is|are|from|through|flows?|runs?|passes|progress(?:es)?|transitions?|lifecycle|follows?|steps?|stages?|states?|statuses)\b\s*/);
const TYPE_WORDS = /^(?:choice|choices|enum|select|dropdown|list|one of|options?|values?|text|status|state)\s*[:,]?\s*/;

/** The order of states a workflow rule gives a field (its chain from the initial state), if any. */
export function workflowOrder(draft: Draft, entity: string, field: string): string[] | undefined {
  const rule = draft.rules.find((r) => r.kind === 'statusWorkflow' && r.entity === entity && r.field === field);
  if (!rule || rule.kind !== 'statusWorkflow') return undefined;
  const order = [rule.initial];
  for (let i = 0; i < 50; i++) {
    const next = rule.transitions.find((t) => t.from === order[order.length - 1] && !order.includes(t.to));
    if (!next) break;
    order.push(next.to);
  }
  return order;
}

/** An enum value from written words: "in progress" -> in_progress; undefined when it is not a short state. */
export function stateValue(text: string): string | undefined {
  const ws = wordsOf(text.replace(QUALIFIER, '')).filter((w) => !/^(a|an|the|it|is|then|finally|and)$/.test(w));
  if (!ws.length || ws.length > 3) return undefined;
  // "from one to five stars" is a range of numbers, not states.
  if (parseNumber(ws[0]) !== undefined) return undefined;
  const value = ws.join('_').replace(/-/g, '_').replace(/'/g, '');
  return /^[a-z][a-z0-9_]{0,62}$/.test(value) ? value : undefined;
}

/** The last part of a chain: "closed", "accepted or rejected", "done, or rejected by me". */
function lastSegment(segment: string, states: States): boolean {
  const side = /^(.*?),\s*(?:or|and)\s+(.+)$/.exec(segment);
  const body = side ? side[1] : segment;
  const alternatives = body.split(/\s+or\s+/);
  for (const alt of alternatives) {
    const v = stateValue(alt);
    if (!v) return false;
  }
  const values = alternatives.map((a) => stateValue(a)!);
  if (values.length === 1) states.main.push(values[0]);
  else states.branches.push(...values);
  if (side) {
    for (const part of side[2].split(/\s*(?:,|\bor\b)\s*/).filter(Boolean)) {
      const v = stateValue(part);
      if (v) states.side.push(v);
    }
  }
  return true;
}

/** States of an arrow chain, with what comes before the first state (the subject). */
export function parseArrowChain(plain: string): { states: States; preamble: string } | undefined {
  const segments = plain.replace(/[.;]\s*$/, '').split(ARROW);
  if (segments.length < 3 && !(segments.length === 2 && /\bor\b/.test(segments[1]))) return undefined;
  let first = segments[0];
  let preamble = '';
  const colon = first.lastIndexOf(':');
  if (colon >= 0) {
    preamble = first.slice(0, colon);
    first = first.slice(colon + 1);
  }
  first = first.replace(TYPE_WORDS, '');
  const comma = first.lastIndexOf(',');
  if (comma >= 0) first = first.slice(comma + 1);
  const lead = LEAD_VERB.exec(first);
  if (lead && wordsOf(first).length > 1) {
    preamble = `${preamble} ${lead[0]}`.trim();
    first = first.slice(lead[0].length);
  }
  // What is left of the first segment may still carry its subject ("films submitted"): the state is its last words.
  const firstWords = wordsOf(first);
  const states: States = { main: [], branches: [], side: [] };
  const initial = stateValue(firstWords.slice(-Math.min(firstWords.length, firstWords.length > 3 ? 1 : 3)).join(' '));
  if (!initial) return undefined;
  if (firstWords.length > 3) preamble = `${preamble} ${firstWords.slice(0, -1).join(' ')}`.trim();
  states.main.push(initial);
  for (const segment of segments.slice(1, -1)) {
    const v = stateValue(segment);
    if (!v) return undefined;
    states.main.push(v);
  }
  if (!lastSegment(segments[segments.length - 1], states)) return undefined;
  return { states, preamble };
}

function isStatusField(field: DraftField): boolean {
  return /(?:^|[a-z])(?:status|state|stage|phase)$/i.test(field.name) || /^(status|state|stage|phase|lifecycle)$/.test(field.name);
}

/** The entity and status field a workflow is about, from the clause words around the states. */
function target(ctx: RuleContext, preamble: string, all: string[]): { entity?: DraftEntity; field?: DraftField; fieldWords: string[]; guessed?: boolean } {
  const fieldWords = ctx.clause.subjectField ?? statusWords(preamble);
  const mentioned = mentionsIn(ctx, preamble).filter((m) => !m.person || m.entity.name !== 'User').map((m) => m.entity);
  // (A record's name inside a state, "under review", is no mention of that record.)
  const stateWords = new Set(all.flatMap((state) => state.split('_')));
  const inSentence = mentionsIn(ctx, ctx.sentence.plain).filter((m) => m.entity.name !== 'User' && !m.entity.key.split(' ').every((w) => stateWords.has(w))).map((m) => m.entity);
  const pool = mentioned.length ? mentioned : ctx.clause.subjectField ? candidates(ctx, []) : [...inSentence, ...candidates(ctx, [])];
  const overlap = (f: DraftField) => f.type === 'enum' && (f.enumValues ?? []).filter((v) => all.includes(v)).length >= Math.min(2, all.length);
  // A field the words name, or an enum sharing the states, or a status field, on the likeliest entity.
  for (const entity of pool) {
    const named = fieldWords.length ? fieldIn(entity, fieldWords, 2.5) : undefined;
    if (named && (named.type === 'enum' || isStatusField(named) || fieldWords.length)) return { entity, field: named, fieldWords };
    const shared = entity.fields.find(overlap);
    if (shared) return { entity, field: shared, fieldWords };
    if (mentioned.includes(entity) || (!mentioned.length && !ctx.clause.subjectField && inSentence[0] === entity)) {
      const status = entity.fields.find((f) => isStatusField(f) && (f.type === 'enum' || f.type === 'string'));
      return { entity, field: status, fieldWords };
    }
  }
  const hinted = ctx.draft.entities.find((e) => e.name === ctx.hint);
  // Nothing named nearby ("Status: open -> closed" under its own heading): the one record with a status field.
  const withStatus = ctx.draft.entities.filter((e) => e.name !== 'User' && e.fields.some((f) => isStatusField(f) && (f.type === 'enum' || f.type === 'string')));
  if (!mentioned.length && !inSentence.length && !hinted && withStatus.length === 1) {
    return { entity: withStatus[0], field: withStatus[0].fields.find((f) => isStatusField(f) && (f.type === 'enum' || f.type === 'string')), fieldWords, guessed: true };
  }
  return { entity: mentioned[0] ?? inSentence[0] ?? hinted, fieldWords };
}

function statusWords(preamble: string): string[] {
  const ws = stripArticles(wordsOf(preamble));
  const i = ws.findIndex((w) => /^(status|state|stage|phase)$/.test(w));
  if (i < 0) return [];
  return ws.slice(Math.max(0, i - 1), i + 1).filter((w) => !/^(the|a|an|its|their)$/.test(w));
}

/** Builds the rule (adding or extending the enum field) for states read from a clause. */
function applyWorkflow(ctx: RuleContext, states: States, preamble: string, label: string): boolean {
  const all = [...new Set([...states.main, ...states.branches, ...states.side])];
  if (all.length < 2) return false;
  const { entity, field: found, fieldWords: named, guessed } = target(ctx, preamble, all);
  // "a ticket status": the record's name is not part of the field's.
  const key = entity ? entity.key.split(' ') : [];
  const fieldWords = named.length > key.length && key.every((w, i) => named[i] === w || named[i] === `${w}s`) ? named.slice(key.length) : named.length === key.length && key.length && key.every((w, i) => named[i] === w) ? [] : named;
  if (!entity) {
    note(ctx, `Looks like a status workflow (${all.join(' → ')}), but no record type was found for it.`);
    return true;
  }
  let field = found;
  if (field && field.type === 'enum' && !entity.fieldsFromText) {
    // Assumed default values give way to the states the text wrote down.
    field.enumValues = all;
    field.default = all[0];
    field.sources.add(ctx.sentence.id);
  } else if (field && field.type === 'enum') {
    const missing = all.filter((v) => !field!.enumValues?.includes(v));
    if (missing.length) field.enumValues = [...(field.enumValues ?? []), ...missing];
    field.sources.add(ctx.sentence.id);
  } else if (field && field.type === 'string') {
    field.type = 'enum';
    field.enumValues = all;
    field.default = all[0];
    field.required = true;
    field.sources.add(ctx.sentence.id);
  } else if (!field) {
    field = ensureField(ctx, entity, fieldWords.length ? fieldWords : ['status'], 'enum', { enumValues: all });
  }
  if (!field || field.type !== 'enum') {
    note(ctx, `Looks like a status workflow on ${entity.name}, but its field ${found?.name ?? 'status'} is not a list of values.`);
    return true;
  }
  const transitions: Array<{ from: string; to: string }> = [];
  const add = (from: string, to: string) => {
    if (from !== to && !transitions.some((t) => t.from === from && t.to === to)) transitions.push({ from, to });
  };
  for (let i = 0; i + 1 < states.main.length; i++) add(states.main[i], states.main[i + 1]);
  const lastMain = states.main[states.main.length - 1];
  for (const b of states.branches) add(lastMain, b);
  const sideFrom = states.branches.length ? states.main : states.main.slice(0, -1);
  for (const s of states.side) for (const from of sideFrom.length ? sideFrom : states.main) add(from, s);
  const added = addOrNote(ctx, { kind: 'statusWorkflow', entity: entity.name, field: field.name, initial: states.main[0], transitions, sources: [ctx.sentence.id] }, label);
  // The text named no record: the workflow went to the only one with a status, which the user should confirm.
  if (added && guessed) note(ctx, `The status workflow (${all.join(' → ')}) names no record type; it was put on ${entity.name}, the only one with a ${field.name} field. Check that it belongs there.`);
  return true;
}

/** "draft → submitted → under review → accepted or rejected" (also "->", "=>", " > "). */
export function workflowArrows(ctx: RuleContext): boolean {
  if (!ARROW.test(ctx.clause.plain) || !/→|->|=>|\s>\s/.test(ctx.clause.plain)) return false;
  const chain = parseArrowChain(ctx.clause.plain);
  if (!chain) return false;
  return applyWorkflow(ctx, chain.states, chain.preamble, ctx.clause.plain.slice(0, 120));
}

/** "Orders move from received to assigned to in review to delivered". */
export function workflowMoves(ctx: RuleContext): boolean {
  const m = /^(.*?)\b(?:moves?|go(?:es)?|progress(?:es)?|pass(?:es)?|transitions?|flows?|changes?|runs?)\s+from\s+(.+?)\s+to\s+(.+)$/.exec(ctx.clause.plain.replace(/[.;]\s*$/, ''));
  if (!m) return false;
  const states = statesOf([m[2], ...m[3].split(/\s+to\s+/)]);
  return states ? applyWorkflow(ctx, states, m[1], ctx.clause.plain.slice(0, 120)) : false;
}

/** States read from a sequence of parts: each but the last one state, the last one state or a branch. */
function statesOf(parts: string[]): States | undefined {
  const states: States = { main: [], branches: [], side: [] };
  for (const part of parts.slice(0, -1)) {
    const v = stateValue(part);
    if (!v) return undefined;
    states.main.push(v);
  }
  return lastSegment(parts[parts.length - 1], states) ? states : undefined;
}

/** "is placed, paid and then shipped": the first state, then the rest of the chain (a participle or a join word first). */
const CHAIN = guarded(new RegExp(String.raw`^(.*?)\b(?:is|are|gets?|get)\s+(first\s+)?([a-z]+(?: [a-z]+)?)\s*((?:,\s*(?:and\s+)?|\s+and\s+|\s+)(?:(?:then|later|next|finally|afterwards)\b|${PARTICIPLE}\b).+)$`));
/** Between two states of the chain: a join word, a comma, or " and " before the next participle. */
const CHAIN_SPLIT = new RegExp(String.raw`\s*,?\s*\b(?:and\s+)?(?:then|later|next|finally|afterwards)\b\s*,?\s*|\s*,\s*(?:and\s+)?|\s+and\s+(?!(?:then|later|next|finally)\b)(?=${PARTICIPLE}\b)`);

/**
 * "starts as open, then becomes in progress, and finally closed"; "is created as a draft, then
 * submitted, then approved"; "can be moved from open to resolved, and from resolved to closed".
 */
export function workflowThen(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;!]\s*$/, '');
  // "starts as open, then …"; "starts pending and is then approved or rejected" (no "as").
  const start =
    /^(.*?)\b(?:starts?|begins?|is created|are created|is opened|are opened|comes? in)\s+(?:out\s+)?(?:as|in|with status|in status|in the state)\s+(?:an?\s+)?(.+)$/.exec(plain) ??
    /^(.*?)\b(?:starts?|begins?)\s+(?:out\s+)?([a-z]+(?: [a-z]+)?\s+(?:and\s+)?(?:(?:is|are|gets?|becomes?)\s+)?(?:then|later|next|finally)\b.+)$/.exec(plain);
  if (start) {
    const parts = start[2]
      .split(/\s*,?\s*\b(?:and\s+)?(?:(?:is|are|gets?|becomes?)\s+)?(?:then|after that|afterwards|finally|eventually|later|next)\b\s*,?\s*/)
      .map((p) => p.replace(/^(?:it\s+|they\s+)?(?:becomes?|moves? to|goes to|go to|changes? to|turns?|is set to|gets?|is|are)\s+(?:an?\s+)?/, '').trim())
      .filter(Boolean);
    if (parts.length < 2) return false;
    const states = statesOf(parts);
    return states ? applyWorkflow(ctx, states, start[1], plain.slice(0, 120)) : false;
  }
  // "orders are placed, then packed, then shipped"; "an order is first placed, later packed and finally
  // shipped": a passive chain of states joined by then / later / finally (two joins, or "first" and one).
  // Also a comma list with one such join: "a ticket is opened, assigned, and finally closed".
  const chain = CHAIN.exec(plain);
  if (chain && /\b(?:then|later|next|finally|afterwards)\b/.test(chain[4])) {
    const joins = chain[4].match(/\b(?:then|later|next|finally|afterwards)\b|,/g) ?? [];
    const parts = [chain[3], ...chain[4].split(CHAIN_SPLIT)]
      .map((p) => p.replace(/^(?:it\s+|they\s+)?(?:is|are|gets?|becomes?)\s+/, '').trim())
      .filter(Boolean);
    if (parts.length >= 2 && (joins.length >= 2 || chain[2]) && parts.slice(0, -1).every((p) => p.split(' ').length <= 2) && parts[parts.length - 1].split(' ').length <= 5) {
      const states = statesOf(parts);
      return states ? applyWorkflow(ctx, states, chain[1], plain.slice(0, 120)) : false;
    }
  }
  // "from open to resolved, and from resolved to closed": each "from A to B" is one step.
  const steps = [...plain.matchAll(/\bfrom\s+([a-z][a-z -]{0,25}?)\s+to\s+([a-z][a-z -]{0,25}?)(?=\s*(?:,|;|$|\band\b|\bor\b))/g)];
  if (steps.length < 2) return false;
  const pairs: Array<[string, string]> = [];
  for (const step of steps) {
    const a = stateValue(step[1]);
    const b = stateValue(step[2]);
    if (!a || !b) return false;
    pairs.push([a, b]);
  }
  // One chain: each step starts where an earlier one ended (or at the first state).
  const states: States = { main: [pairs[0][0], pairs[0][1]], branches: [], side: [] };
  for (const [a, b] of pairs.slice(1)) {
    if (states.main[states.main.length - 1] !== a || states.main.includes(b)) return false;
    states.main.push(b);
  }
  return applyWorkflow(ctx, states, plain.slice(0, steps[0].index), plain.slice(0, 120));
}

/** "goes through the same steps: booked, in progress, done, collected"; "status: new, in progress, done". */
export function workflowSteps(ctx: RuleContext): boolean {
  const plain = ctx.clause.plain.replace(/[.;]\s*$/, '');
  // "goes through the same steps: booked, done", and without the colon: "goes through placed, paid and shipped".
  const through =
    /^(.*?)\b(?:goes|go|moves?|passes|runs|progresses) through\b[^:]*:\s*(.+)$/.exec(plain) ??
    /^(.*?)\b(?:goes|go|moves?|passes|pass|runs|run|progresses|progress) through\s+(?:the\s+)?(?:(?:stages|states|steps|statuses|phases)\s+)?((?:[a-z]+(?: [a-z]+)?,\s*){1,}[a-z]+(?: [a-z]+)?(?:,?\s+(?:and|then)\s+[a-z]+(?: [a-z]+)?)?)$/.exec(plain);
  const labelled = /^((?:[a-z]+ ){0,2}(?:status|state|stage|lifecycle)(?: of (?:an? |the )?[a-z ]+?)?)(?: is| are| goes)?:\s*(.+)$/.exec(plain);
  // "The lifecycle of a ticket is open, in progress, resolved, closed": words that mean an order need no colon.
  const ordered = /^((?:[a-z]+ ){0,2}(?:lifecycle|life cycle|workflow|stages|steps|phases)(?: of (?:an? |the |each |every )?[a-z ]+?)?) (?:is|are)\s+(.+)$/.exec(plain);
  const m = through ?? labelled ?? ordered;
  if (!m) return false;
  const list = m[2].replace(TYPE_WORDS, '');
  if (/[/()]/.test(list)) return false;
  const items = list.split(/\s*,\s*(?:and\s+|then\s+)?|\s+(?:and|then)\s+/).map((s) => s.trim()).filter(Boolean);
  if (items.length < 3 || items.some((i) => wordsOf(i).length > 3)) return false;
  const states: States = { main: [], branches: [], side: [] };
  for (const item of items) {
    const v = stateValue(item);
    if (!v) return false;
    states.main.push(v);
  }
  return applyWorkflow(ctx, states, m[1], plain.slice(0, 120));
}

const ORDERED = ['draft', 'new', 'todo', 'to_do', 'backlog', 'open', 'pending', 'requested', 'submitted', 'booked', 'scheduled', 'confirmed', 'approved', 'accepted', 'paid', 'in_progress', 'processing', 'in_review', 'review', 'packed', 'shipped', 'delivered', 'done', 'completed', 'resolved', 'closed', 'returned', 'archived'];
const TERMINAL_SIDE = new Set(['cancelled', 'canceled', 'rejected', 'declined', 'failed', 'no_show', 'refunded']);

/**
 * Status values the text listed in a clear order (pending, paid, shipped, delivered; cancelled on
 * the side) are a workflow even without arrows. Only statuses the text wrote down, and only fields
 * without a workflow read from a sentence.
 */
export function workflowFromValues(draft: Draft): void {
  for (const entity of draft.entities.filter((e) => e.fieldsFromText)) {
    for (const field of entity.fields) {
      if (field.type !== 'enum' || !/^(status|state|stage)$/.test(field.name) || !field.enumValues) continue;
      if (draft.rules.some((r) => r.kind === 'statusWorkflow' && r.entity === entity.name && r.field === field.name)) continue;
      const main = field.enumValues.filter((v) => !TERMINAL_SIDE.has(v));
      const side = field.enumValues.filter((v) => TERMINAL_SIDE.has(v));
      if (main.length < 2 || !main.every((v) => ORDERED.includes(v))) continue;
      const ranks = main.map((v) => ORDERED.indexOf(v));
      if (!ranks.every((r, i) => i === 0 || r > ranks[i - 1])) continue;
      const transitions: Array<{ from: string; to: string }> = [];
      for (let i = 0; i + 1 < main.length; i++) transitions.push({ from: main[i], to: main[i + 1] });
      for (const s of side) for (const v of main.slice(0, -1)) transitions.push({ from: v, to: s });
      const sources = [...field.sources].sort((a, b) => a - b);
      draft.rules.push({ kind: 'statusWorkflow', entity: entity.name, field: field.name, initial: main[0], transitions, sources });
      for (const s of sources) draft.used.add(s);
    }
  }
}
