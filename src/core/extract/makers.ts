// "Books have an ISBN, a title and an author": who made a work in a catalogue is a name kept with
// it, not a user of the app. People named as fields are read as links to the users who sign in
// ("a reporter and an assignee", applyFields.ts); the maker of a thing is a user only when people
// make that thing in the app ("Users write posts. A post has … an author") or the maker signs in.
import { findEntity, addField, type Draft } from './draft';
import { pluralizeWord } from '../../model/project/naming';
import type { SentenceInfo } from './sentences';
import { singular, STAFF_ROLES } from './lexicon';

/** Person words that name who made a work. */
const MAKERS = /^(?:author|writer|creator|composer|artist|director|illustrator|publisher|photographer|painter|designer|manufacturer|producer|translator|narrator|performer|architect|inventor)$/;
/** Verbs of making a thing (present, past and participle forms). */
const MAKING = String.raw`(?:write|writes|wrote|written|writing|post|posts|posted|create|creates|created|creating|publish|publishes|published|upload|uploads|uploaded|submit|submits|submitted|add|adds|added|compose|composes|composed|author|authors|authored|draft|drafts|drafted|make|makes|made|produce|produces|produced|design|designs|designed|record|records|recorded|paint|paints|painted|share|shares|shared)`;

/** Turns user links named after a maker into name fields where nobody makes that record in the app. */
export function keepMakersAsNames(draft: Draft, sentences: SentenceInfo[], roleWords: Set<string>): void {
  for (const relation of [...draft.relations]) {
    if (relation.to !== 'User' || relation.kind !== 'belongsTo' || !MAKERS.test(relation.name) || roleWords.has(relation.name)) continue;
    const entity = findEntity(draft, relation.from);
    if (!entity || madeInApp(entity.key, relation.name, sentences)) continue;
    draft.relations.splice(draft.relations.indexOf(relation), 1);
    addField(entity, { words: [relation.name], type: 'string', required: relation.required }, [...relation.sources][0]);
  }
}

/**
 * The verbs of a maker's own craft: "users compose songs" makes the composer a user of the app, "the
 * director adds songs" does not. Makers not named here (author, creator) make with any verb of making.
 */
const CRAFT: Record<string, string> = {
  composer: 'compos', writer: 'writ|wrote', painter: 'paint', photographer: 'photograph|upload|tak|took|shoot|shot', illustrator: 'illustrat|draw|drew',
  director: 'direct', translator: 'translat', narrator: 'narrat|record', performer: 'perform|record', architect: 'design', inventor: 'invent',
  designer: 'design', manufacturer: 'manufactur|mak|made|produc', producer: 'produc|record', publisher: 'publish', artist: 'paint|draw|drew|creat|mak|made|record|upload|compos',
};

/**
 * Whether a sentence says people make the record ("users write posts", "a post is written by …").
 * Staff who add things to a catalogue ("librarians add books") keep it: the book's author is a name.
 */
function madeInApp(key: string, maker: string, sentences: SentenceInfo[]): boolean {
  const words = key.split(' ');
  const record = [...words.slice(0, -1), `(?:${words[words.length - 1]}|${pluralizeWord(words[words.length - 1])})`].join(' ');
  const made = new RegExp(String.raw`(?:\b([a-z]+)\s+(?:(?:can|may|will|must|should|also)\s+)?)?\b(${MAKING})\s+(?:(?:a|an|the|their|his|her|its|our|my|new|own)\s+)*(?:[a-z-]+\s+)?${record}\b|\b${record}\s+(?:is|are|get|gets)\s+(${MAKING})\b`, 'g');
  const craft = CRAFT[maker] ? new RegExp(`^(?:${CRAFT[maker]})`) : undefined;
  return sentences.some((s) =>
    [...s.plain.matchAll(made)].some((m) => {
      const verb = m[2] ?? m[3];
      if (craft) return craft.test(verb);
      // ("we add books", "librarians add books": a catalogue kept by its staff; "users add recipes" are theirs.)
      return !(/^add/.test(verb) && m[1] && (STAFF_ROLES[singular(m[1])] || /^(?:we|i)$/.test(m[1])));
    }),
  );
}
