// Splits requirement text into sentences the rest of the extractor works on. Markdown is
// understood just enough: headings, bullets (a bullet is its own sentence and remembers the
// sentence ending in ':' that introduced it), code fences (skipped) and "Bonus"/"Optional"
// sections (flagged so auth cues there are not taken as core requirements).

import { restoreNegations, tagSentence } from './nlp';
import { isSeparatorRow, splitRow, tableToSentences } from './tables';
import { guarded } from './guardedRegExp';
import { twoNoteLines } from './noteLines';

export interface SentenceInfo {
  id: number;
  /** The sentence as written (trimmed, capped in length). */
  text: string;
  /** Lower-case text with markdown emphasis and URLs removed, used for matching. */
  plain: string;
  bullet: boolean;
  heading: boolean;
  /** For a bullet: the id of the sentence ending in ':' that introduced its list. */
  leadId?: number;
  /** Inside a "Bonus"/"Optional"/"Extra" section or an "Optional:" remark. */
  optional: boolean;
  /** The markdown heading the sentence stands under ("Lost and found items"). */
  section?: string;
}

export interface SplitResult {
  sentences: SentenceInfo[];
  warnings: string[];
}

export const MAX_SENTENCES = 2000;
const MAX_SENTENCE_CHARS = 1500;
const MAX_TEXT_CHARS = 100_000;
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'eg', 'ie', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'no', 'approx', 'incl']);
/** Words that open a sentence, never a name: after "etc." they end the sentence before. */
const ETC_THEN_SENTENCE = /^(?:The|A|An|Each|Every|All|Some|For|In|If|When|Once|After|Before|It|They|This|These|Those|There|We|You|I|Our|Its|Their|Also|However|Then|Finally|Moreover|Furthermore)\b/;
const OPTIONAL_HEADING = /\b(bonus|optional|extras?|nice to have|stretch|future|out of scope)\b/i;

/** Removes control characters (keeps newlines and tabs) so odd input cannot confuse matching. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\ufeff]/g, ' ');
}

/** Lower-case matching form: emphasis markers, checkboxes and URLs removed, spaces collapsed. */
export function plainOf(text: string): string {
  // Shorthand of quick notes: "w/ name", "w/o", "y/n".
  const unabbreviated = text
    .replace(/\bw\/o\b/gi, 'without')
    .replace(/\bw\/(?=\s)/gi, 'with')
    .replace(/\b(?:y\/n|yes\/no)\b/gi, '(yes/no)');
  // ("passengers dont log in", "cant book": a negation written without its apostrophe.)
  return restoreNegations(unabbreviated)
    // "payments r recorded by admin only": a lower-case "r" before a participle is "are".
    .replace(/(?<=[a-z)] )r(?= [a-z]+(?:ed|en|t|ne)\b)/g, 'are')
    .replace(/https?:\/\/\S+/gi, ' ')
    // Identifiers written in camelCase are words: "postId" -> "post id", "authorName" -> "author name".
    .replace(/\b[a-z]{2,}(?:[A-Z][a-z0-9]+|ID\b)+\b/g, (w) => w.replace(/ID$/, 'Id').replace(/([a-z0-9])([A-Z])/g, '$1 $2'))
    .replace(/\b(?:GET|POST|PUT|PATCH|DELETE)\s+\/\S*/g, ' ')
    .replace(/\b(?:GET|POST|PUT|PATCH|DELETE)\b(?=\s+(?:requests?|endpoints?|method|calls?|to|at|on)\b)/g, 'http')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|[*_~]/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Splits one block of prose into sentences at . ! ? followed by a space and a capital/digit/quote. */
function splitProse(block: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  // "projects have a name. tasks belong to a project.": notes written all in lower case start their sentences in lower case too.
  const lowerCaseNotes = /^[^A-Za-z]*[a-z]/.test(block) && !/[.!?]\s+[A-Z]/.test(block);
  for (let i = 0; i < block.length; i++) {
    const ch = block[i];
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if ((ch === '.' || ch === '!' || ch === '?') && depth === 0) {
      const next = block[i + 1];
      if (next !== undefined && next !== ' ') continue;
      const after = block.slice(i + 1).trimStart();
      if (after && !/^[A-Z0-9"'(*`_\u201c[]/.test(after) && !(lowerCaseNotes && /^[a-z]/.test(after))) continue;
      if (ch === '.') {
        const word = /([A-Za-z.]+)$/.exec(block.slice(Math.max(0, i - 8), i))?.[1]?.toLowerCase() ?? '';
        // ("…, delivery date, etc. Each contract is …": after "etc." a word that opens a clause starts the next sentence.)
        if (ABBREVIATIONS.has(word) && !(word === 'etc' && ETC_THEN_SENTENCE.test(after))) continue;
      }
      out.push(block.slice(start, i + 1));
      start = i + 1;
    }
  }
  out.push(block.slice(start));
  return out.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s));
}

/** "plate number (unique), make, model.": short comma-separated items with no verb among them. */
function isFieldList(text: string): boolean {
  const bare = text.replace(/\([^()]*\)/g, ' ').replace(/[.!]\s*$/, '');
  const items = bare.split(/,|\band\b/).map((i) => i.trim()).filter(Boolean);
  if (items.length < 2 || items.some((i) => i.split(/\s+/).length > 4)) return false;
  return items.every(namesAField);
}

/**
 * Whether a short item names a field ("make", "date of birth") rather than saying something ("we
 * log in"). Taggers read bare list words as verbs ("make, model"); only a clause-like item counts.
 */
export function namesAField(item: string): boolean {
  const terms = tagSentence(item);
  if (terms.some((t) => t.pos === 'modal' || (t.pos === 'pron' && !t.possessive))) return false;
  return terms.length < 3 || !terms.some((t) => t.pos === 'verb' && !/(?:ed|ing)$/.test(t.w));
}

/** "US-12: As a patient …", "[REQ-3] The system shall …": tracker ids are labels, not words. */
function withoutTrackerId(text: string): string {
  return text.replace(/^\s*(?:\[\s*)?[A-Z]{1,6}[-_]\d+(?:\.\d+)*(?:\s*\])?\s*[:.)–-]?\s+(?=\S)/, '');
}

/** A stretch of the text: a heading, a bullet (with its continuation lines) or a paragraph.
 *  (`indent` of bullets and indented lines: deeper items belong to the item above them.) */
interface Block {
  kind: 'heading' | 'bullet' | 'para';
  text: string;
  lines?: string[];
  indent?: number;
}

/** The sentences read so far, what the next one inherits (section, lead) and what was dropped. */
interface Reading {
  sentences: SentenceInfo[];
  /** Pasted texts repeat themselves (quotes, templates): read each sentence once. */
  seen: Set<string>;
  repeated: number;
  truncated: boolean;
  section?: string;
  optionalSection: boolean;
  leadId?: number;
  /** Bullets (or "Customer:" lines) with deeper items under them, innermost last. */
  childLeads: Array<{ id: number; indent: number }>;
}

export function splitSentences(text: string): SplitResult {
  const warnings: string[] = [];
  let source = cleanText(text);
  if (source.length > MAX_TEXT_CHARS) {
    warnings.push(`The text is long (${source.length} characters); only the first ${MAX_TEXT_CHARS} were read.`);
    source = source.slice(0, MAX_TEXT_CHARS);
  }
  const blocks = readBlocks(source);
  splitPlainHeadings(blocks);
  splitNoteParagraphs(blocks);
  const reading: Reading = { sentences: [], seen: new Set(), repeated: 0, truncated: false, optionalSection: false, childLeads: [] };
  for (const [index, block] of blocks.entries()) {
    if (reading.truncated) break;
    if (!block.text.trim()) continue;
    const next = blocks[index + 1];
    if (block.kind === 'heading') readHeading(reading, block, next);
    else readBody(reading, block, next);
  }
  if (reading.truncated) warnings.push(`Only the first ${MAX_SENTENCES} sentences were read; the rest of the text was ignored.`);
  if (reading.repeated) warnings.push(`${reading.repeated} repeated sentence${reading.repeated === 1 ? ' was' : 's were'} read once.`);
  return { sentences: reading.sentences, warnings };
}

/** Adds one sentence (unless the cap is reached or it repeats one); its id, or undefined when dropped. */
function push(reading: Reading, raw: string, kind: { bullet: boolean; heading: boolean; optional: boolean }): number | undefined {
  const { sentences, seen, section, leadId } = reading;
  if (sentences.length >= MAX_SENTENCES) {
    reading.truncated = true;
    return undefined;
  }
  let textOut = withoutTrackerId(raw.replace(/\s+/g, ' ').trim());
  if (textOut.length > MAX_SENTENCE_CHARS) textOut = textOut.slice(0, MAX_SENTENCE_CHARS) + '…';
  const key = plainOf(textOut).replace(/[^a-z0-9 ]/g, '');
  if (key.length > 12 && !kind.heading) {
    if (seen.has(key)) {
      reading.repeated++;
      return undefined;
    }
    seen.add(key);
  }
  const id = sentences.length;
  sentences.push({ id, text: textOut, plain: plainOf(textOut), bullet: kind.bullet, heading: kind.heading, leadId: kind.bullet ? leadId : undefined, optional: kind.optional, ...(section && !kind.heading ? { section } : {}) });
  return id;
}

/** The text's lines grouped into headings, bullets and paragraphs; code fences are skipped. */
function readBlocks(source: string): Block[] {
  const blocks: Block[] = [];
  let inFence = false;
  const lines = source.split('\n');
  let lastHeading: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    if (/^\s*\|.*\|\s*$/.test(line) && index + 1 < lines.length && isSeparatorRow(lines[index + 1])) {
      index = addTable(blocks, lines, index, lastHeading) - 1;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const heading = addLine(blocks, line);
    if (heading !== undefined) lastHeading = heading;
    if (blocks.length > MAX_SENTENCES * 4) break;
  }
  return blocks;
}

/** A markdown table: read it whole (a table of fields becomes one list under its heading). The index after it. */
function addTable(blocks: Block[], lines: string[], index: number, lastHeading: string | undefined): number {
  let end = index;
  while (end < lines.length && /^\s*\|/.test(lines[end])) end++;
  const converted = tableToSentences(lines.slice(index, end), lastHeading);
  for (const text of converted ?? lines.slice(index, end).filter((l) => !isSeparatorRow(l)).map((l) => splitRow(l).join(', '))) blocks.push({ kind: 'bullet', text });
  return end;
}

/** One line: a heading, a bullet, an item indented under one, a blank, or more of the block above.
 *  Returns the heading's plain text when the line was a heading. */
function addLine(blocks: Block[], line: string): string | undefined {
  const heading = /^\s{0,3}#{1,6}\s+(.*)$/.exec(line);
  const bullet = /^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+(?:\[[ xX]\]\s*)?(.*)$/.exec(line);
  if (heading) {
    blocks.push({ kind: 'heading', text: heading[1] });
    return heading[1].replace(/[*_`#]/g, '').trim();
  }
  if (bullet) blocks.push({ kind: 'bullet', text: bullet[1], indent: /^\s*/.exec(line)![0].length });
  else if (!line.trim()) blocks.push({ kind: 'para', text: '' });
  else if (/^\s{2,}\S/.test(line) && /:\s*$/.test(blocks[blocks.length - 1]?.text ?? '') && blocks[blocks.length - 1]?.kind !== 'heading') {
    // "Customer:" then "  name: string": indented lines under a line that ends with a colon are its items.
    blocks.push({ kind: 'bullet', text: line.trim(), indent: /^\s*/.exec(line)![0].length });
  } else if (/^\s{2,}\S/.test(line) && blocks[blocks.length - 1]?.kind === 'bullet' && (blocks[blocks.length - 1].indent ?? 0) >= 2 && /^\s*\S+\s*:/.test(line)) {
    blocks.push({ kind: 'bullet', text: line.trim(), indent: /^\s*/.exec(line)![0].length });
  } else {
    const last = blocks[blocks.length - 1];
    if (last && last.text && (last.kind === 'para' || (last.kind === 'bullet' && /^\s/.test(line)))) {
      last.text += ' ' + line.trim();
      last.lines?.push(line.trim());
    } else blocks.push({ kind: 'para', text: line.trim(), lines: [line.trim()] });
  }
  return undefined;
}

/**
 * "Bookings" on a line of its own, then "A booking is for one studio, …": a title written without
 * markdown is a heading too, not the first words of the sentence under it. A title is short, has no
 * punctuation and no verb, and the line under it starts a new sentence.
 */
function splitPlainHeadings(blocks: Block[]): void {
  for (let b = blocks.length - 1; b >= 0; b--) {
    const lines = blocks[b].lines;
    if (blocks[b].kind !== 'para' || !lines || lines.length < 2 || !isPlainTitle(lines[0]) || !/^[A-Z]/.test(lines[1])) continue;
    const rest = lines.slice(1);
    blocks.splice(b, 1, { kind: 'heading', text: lines[0] }, { kind: 'para', text: rest.join(' '), lines: rest });
  }
}

function isPlainTitle(line: string): boolean {
  if (!/^[A-Z][A-Za-z' &/-]*$/.test(line) || line.split(/\s+/).length > 4) return false;
  if (/\b(?:and|or|of|the|a|an|to|with|for|in|on|by|at)$/i.test(line)) return false;
  const terms = tagSentence(line);
  // ("Studio bookings": the tagger may read a noun before a noun as a verb; "Customers book studios" has a subject first.)
  const nounBeforeNoun = terms.length === 2 && terms[0].pos === 'verb' && !/(?:s|ed|ing)$/.test(terms[0].w) && terms[1].pos === 'noun';
  return nounBeforeNoun || terms.every((term) => term.pos === 'noun' || term.pos === 'adj' || term.pos === 'conj' || term.pos === 'prep');
}

/** "loan: book title, due date, fine": a label and three or more items, on one line. */
const FIELD_LIST_LINE = guarded(/^[^:.!?]{2,40}(?::|\s=|\s-\s)\s*[^,+]+(?:[,+][^,+]+){2,}$/);
/** "kiln: name, location": a label, a colon and two or more short items, on one line. */
const COLON_LIST_LINE = guarded(/^[^:.!?,]{2,40}:\s*[^,.!?]{1,40}(?:,[^,.!?]{1,40})+\.?$/);

/** Quick notes put one statement on each line, without full stops ("cars: plate, model, seats",
 *  "end has to be after start"): such a paragraph is read line by line. Wrapped prose has full
 *  stops inside its lines and is read as before. */
function splitNoteParagraphs(blocks: Block[]): void {
  for (let b = blocks.length - 1; b >= 0; b--) {
    const lines = blocks[b].lines;
    if (blocks[b].kind !== 'para' || !lines || lines.length < 2) continue;
    // (Two lines are notes too when the first lists fields, "loan: book title, due date, fine", or both
    // are short colon lists, "kiln: name, location" / "glaze: name, colour".)
    if (lines.length === 2 && !FIELD_LIST_LINE.test(lines[0]) && !lines.every((line) => COLON_LIST_LINE.test(line)) && !twoNoteLines(lines)) continue;
    const ended = lines.filter((l) => /[.!?:;,]\s*$/.test(l)).length;
    const withStops = lines.filter((l) => /[.!?]\s/.test(l)).length;
    const continued = lines.slice(0, -1).filter((l) => /\b(?:and|or|the|a|an|to|of|with|for|in|on|by|that|which|is|are|be)\s*$/i.test(l)).length;
    if (ended <= 1 && withStops * 2 < lines.length && continued === 0) blocks.splice(b, 1, ...lines.map((l) => ({ kind: 'para' as const, text: l })));
  }
}

/** A heading starts a section (optional or not); "## Visitors" then "- name", "- email": it leads the bullets under it. */
function readHeading(reading: Reading, block: Block, next: Block | undefined): void {
  reading.section = block.text.replace(/[*_`#]/g, '').trim();
  reading.optionalSection = OPTIONAL_HEADING.test(block.text);
  reading.childLeads.length = 0;
  const id = push(reading, block.text, { bullet: false, heading: true, optional: reading.optionalSection });
  reading.leadId = next?.kind === 'bullet' ? id : undefined;
}

/** A bullet or paragraph: its sentences, each knowing the sentence that introduced its list. */
function readBody(reading: Reading, block: Block, next: Block | undefined): void {
  const { childLeads } = reading;
  let inlineOptional = false;
  const parts = splitProse(withoutTrackerId(block.text));
  pushTitle(reading, block, parts);
  // A bullet (or a "Customer:" line) with deeper items under it leads them ("1. Customer" / "   - name").
  if (block.kind !== 'bullet') childLeads.length = 0;
  const leadsChildren = parts.length === 1 && next?.kind === 'bullet' && (next.indent ?? 0) > (block.kind === 'bullet' ? (block.indent ?? 0) : -1) && (block.kind === 'bullet' || /:\s*$/.test(block.text));
  const parent = block.kind === 'bullet' ? childLeads.findLast((l) => l.indent < (block.indent ?? 0)) : undefined;
  if (block.kind === 'bullet' && parent) reading.leadId = parent.id;
  else if (block.kind === 'bullet' && childLeads.length) {
    childLeads.length = 0;
    reading.leadId = undefined;
  }
  parts.forEach((part, index) => {
    if (/^\W*optional\s*:/i.test(part)) inlineOptional = true;
    const id = push(reading, part, { bullet: block.kind === 'bullet' && index === 0, heading: false, optional: reading.optionalSection || inlineOptional });
    if (id === undefined) return;
    if (leadsChildren) {
      while (childLeads.length && childLeads[childLeads.length - 1].indent >= (block.indent ?? -1)) childLeads.pop();
      childLeads.push({ id, indent: block.kind === 'bullet' ? (block.indent ?? 0) : -1 });
      reading.leadId = id;
      return;
    }
    if (block.kind === 'para') reading.leadId = /:\s*$/.test(part) ? id : undefined;
    else if (/:\s*$/.test(part) && index === parts.length - 1) reading.leadId = id;
  });
}

/** A verb that makes a clause of the words before a colon ("each deal has a stage:", "orders are"). */
const CLAUSE_VERB = /\b(?:has|have|is|are|can|must|may|should|will|needs?|contains?|includes?|gets?|goes|go)\b/i;

/** "Event booking: organizers create events …": a paragraph's short prefix is a title, read as a heading. */
function pushTitle(reading: Reading, block: Block, parts: string[]): void {
  const titled = block.kind === 'para' ? /^([^:.!?]{2,40}?)(?::|\s[-–—])\s+(\S.{15,})$/s.exec(parts[0] ?? '') : null;
  // ("A deal has a stage: lead, won or lost": a clause with its verb before the colon is no title.)
  if (titled && titled[1].trim().split(/\s+/).length <= 5 && !/\b(optional|note|example|e\.g)\b/i.test(titled[1]) && !CLAUSE_VERB.test(titled[1]) && !isFieldList(titled[2])) {
    push(reading, titled[1], { bullet: false, heading: true, optional: reading.optionalSection });
    parts[0] = titled[2];
  }
}
