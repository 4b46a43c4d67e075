// More ways people write a limit, a uniqueness, a role or an owner than the first cues of
// clauses.ts read (issue #11: a rule-like clause that became no rule is listed, never mapped
// silently). Each cue only says that a clause carries rule language; the patterns decide what rule
// it is. They are read after the first cues, in this order (the first that matches names the kind).
import { NUMBER } from './words';

export interface Cue {
  pattern: RegExp;
  says: string;
}

const re = (source: string): RegExp => new RegExp(source);

/** A counted thing after a number: not a period or a unit ("12 people", not "3 weeks", "9 am" or "10 km"). */
const COUNTED = String.raw`(?!(?:hours?|hrs?|days?|minutes?|mins?|weeks?|months?|years?|seconds?|secs?|nights?|times|percent|am|pm|h|km|kg|m|euros?|dollars?|pounds?)\b)[a-z]`;
/** A period or a unit a number of things is not counted in ("3-5 working days"). */
const PERIOD_WORD = String.raw`(?:hours?|hrs?|days?|minutes?|mins?|weeks?|months?|years?|seconds?|nights?|times|am|pm)\b`;
/** Kinds of things ("exactly two types of basement"): a list of values, not a count. */
const KINDS = String.raw`(?:types?|kinds?|sorts?|categories|classes|levels|versions|variants)\b`;
/** Words of a figure about the business ("we employ around 60 drivers and 6-7 others", "we receive 300-400 proposals"), not a limit. */
const ROUGHLY = String.raw`(?:around|about|roughly|approximately|some|employ|employs|receive|receives|get|gets)`;
/** Names of values that identify a record ("membership number", "ISBN", "badge code"). */
const ID_WORD = String.raw`(?:number|code|id|identifier|reference|key|pin|login|username|user name|handle|serial|barcode|badge|isbn|sku|plate|licen[cs]e)`;
/** Things a record has a number of places of. */
const PLACES = String.raw`(?:places|seats|spots|slots|beds|berths|spaces|tables|pitches|plots|bays|lockers|lanes|courts)`;
const GROUP_OF_PEOPLE = String.raw`(?:people|persons|guests|players|children|kids|adults|riders|passengers)`;

export const MORE_CUES: Cue[] = [
  // Places taken after a modal or a verb of holding: "a class can take 12 people", "each trip allows 8 riders" (not "takes 3 weeks").
  { pattern: re(String.raw`\b(?:can|may|could|will|is able to|are able to)\s+(?:take|transport|carry|accommodate|host|house|hold|contain|welcome|serve|accept|board|fit|seat|sleep|store|load|have)\s+(?:up to\s+|as many as\s+|only\s+|just\s+)?${NUMBER}\s+${COUNTED}`), says: 'a capacity limit' },
  // Any verb after a modal with a number of things: "a member may borrow 3 books", "users can upload 10 photos" (not "in 2 days").
  { pattern: re(String.raw`\b(?:can|may|could|is allowed to|are allowed to)\s+(?:only\s+|just\s+)?[a-z]{3,}\s+(?:up to\s+|only\s+|just\s+)?(?!(?:zero|one|0|1)\b)${NUMBER}\s+(?:[a-z-]+\s+)?${COUNTED}[a-z]*s\b`), says: 'a limit' },
  { pattern: re(String.raw`\b(?:transports?|houses?|accommodates?|welcomes?|hosts?|allows?|accepts?|takes?)\s+(?:up to\s+|as many as\s+|only\s+|just\s+|a maximum of\s+)?${NUMBER}\s+${COUNTED}[a-z]*s\b`), says: 'a capacity limit' },
  // A limit stated as a value: "the tour's capacity is 30", "capacity: 20", "a limited number of seats", "limited places".
  { pattern: re(String.raw`\b(?:capacity|maximum|max|limit|quota|cap)(?:'s)?(?: (?:per|for|of) [a-z]+)?\s*(?:is\s|of\s|=|:)\s*${NUMBER}\b|\bcapacity\s+${NUMBER}\b`), says: 'a capacity limit' },
  { pattern: /\b(?:limited|maximum|max|fixed|maximal) (?:number|amount|count) of\b|\blimited (?:seats|places|spots|capacity|space|room)\b/, says: 'a capacity limit' },
  // An end to taking more: "no further enrolments are accepted", "stops taking bookings", "closed for booking".
  { pattern: /\bno (?:further|more|new|additional|extra) [a-z]+(?: [a-z]+)? (?:are|is|will be|can be|may be|gets?) (?:accepted|allowed|admitted|taken|possible|permitted|added|booked|made|created|registered|sold)\b|\b(?:stops?|stopped) (?:accepting|taking|allowing)\b|\bclosed for (?:new )?(?:bookings?|registrations?|enrol?ments?|sign-?ups?|entries|booking|registration)\b/, says: 'a capacity limit' },
  // No places left: "no free places", "when all seats are taken", "once the limit is reached", "fills up", "capped".
  { pattern: /\bno (?:free|more|available|open|empty|spare) (?:places|seats|spots|slots|beds|berths|rooms|tables|space|capacity)\b|\ball (?:the |its |their )?(?:seats|places|spots|slots|beds|tickets|berths|tables)\b[^.;]*\b(?:are|have been|get|got) (?:taken|booked|filled|gone|sold|occupied)\b|\b(?:limit|capacity|maximum|quota)\b[^.;]*\b(?:is|has been|are|have been|gets?) (?:reached|hit|exceeded|met)\b/, says: 'a capacity limit' },
  { pattern: /\bcapped\b|\bfills? up\b|\bfilled up\b|\bover(?:fill|full|crowd|sell|sold)\w*/, says: 'a capacity limit' },
  // Places named by the group they take or the places there are: "tables are for four people", "kids go in groups
  // of 8", "a 12-person class", "we have 20 pitches".
  { pattern: re(String.raw`\b(?:is|are) for (?:up to )?${NUMBER} ${GROUP_OF_PEOPLE}\b|\b(?:groups|teams|batches|parties) of (?:up to |at most |max )?${NUMBER}\b|\b\d+-(?:person|people|seat|seater|bed|place|player|guest)\b|\b(?:there are|there is room for|we have|we've got)\s+(?:only\s+)?${NUMBER}\s+${PLACES}\b`), says: 'a capacity limit' },
  // A bound after its number: "users must be 18 or more", "65 and over", "10 kg or less" (not "one or more rooms": a link).
  { pattern: re(String.raw`\b(?!(?:zero|one|0|1)\b)${NUMBER}(?:\s*(?:years old|years|kg|g|km|m|cm|hours?|minutes?|euros?|dollars?|pounds?|%))?\s+(?:or|and)\s+(?:more|over|above|older|higher|greater|upwards|less|under|below|younger|lower|fewer)\b`), says: 'a limit' },
  // A count of things a record is made of, or a range of them: "a game consists of 4 players", "a survey containing
  // 1-10 questions", "needs exactly 4 players", "5 to 8 multiple choice questions" (not "one player", "2-3 business days").
  { pattern: re(String.raw`\b(?:consists? of|consisting of|made up of|composed of|comprises?|comprising|exactly)\s+(?!(?:zero|one|0|1)\b)${NUMBER}\s+(?:[a-z-]+\s+){0,2}?(?!${KINDS})${COUNTED}[a-z]*s\b`), says: 'a capacity limit' },
  { pattern: re(String.raw`\b(?<![:.]\d*)(?<!\b${ROUGHLY}\b[^,;.]*)${NUMBER}\s*(?:-|–|to)\s*${NUMBER}\s+(?:[a-z-]+\s+){0,2}?(?![a-z]+\s+${PERIOD_WORD})${COUNTED}[a-z]*s\b(?!\s+(?:old|long|ago|later|before|after))`), says: 'a range of values' },
  // A limit said as a limit, places that run out, a count that closes: "30 per course is the limit", "bookings stop when the
  // places run out", "once 30 students have enrolled, the course is closed".
  { pattern: re(String.raw`\b(?:is|are|as) the (?:limit|maximum|max|cap|minimum|min)\b|\bthe (?:limit|maximum|cap) (?:is|will be)\b|\b${PLACES} (?:run|runs|ran|have run|are) out\b|\bruns? out of ${PLACES}|\b(?:once|when|after|as soon as)\s+(?!(?:zero|one|0|1)\b)${NUMBER}\s+${COUNTED}[a-z]*s\s+(?:have|are|were|has)\b`), says: 'a capacity limit' },
  // "as many as 10", "limited by the size of the room", "cap 20", "20 max".
  { pattern: re(String.raw`\bas many as ${NUMBER}\b|\blimited by\b|\b(?:limit|cap)(?: of)?\s+${NUMBER}\b|\b\d+\s+(?:max|maximum|tops)\b`), says: 'a limit' },
  // A bound written with a comparative, a symbol or an abbreviation: "no group bigger than 8", "above 100", "≤ 12", "max. 12".
  { pattern: re(String.raw`\b(?:bigger|larger|greater|smaller|higher|lower|heavier|longer|shorter|older|younger) than\s+${NUMBER}\b|\b(?:above|below|beyond)\s+${NUMBER}\b|[≤≥]\s*\d|\b(?:max|min)\.\s*${NUMBER}\b`), says: 'a limit' },
  // A range in number words: "a team has three to five members", "between two and six people" (not "takes 2 to 3 days").
  { pattern: re(String.raw`\b(?:has|have|of|with|needs?|holds?|takes?|from)\s+${NUMBER}\s*(?:to|-|–)\s*${NUMBER}\s+${COUNTED}[a-z]*s\b|\bbetween ${NUMBER} and ${NUMBER}\b`), says: 'a range of values' },
  // Uniqueness: a value never repeated or reassigned, one per record ("emails are one per account"), unlike every other
  // ("not used by anyone else"), already taken, "no dupes".
  { pattern: /\b(?:not|never|cannot|can't|must not)\s+(?:be\s+)?(?:repeated|recycled|reassigned)\b|\b(?:one|1|a single) per [a-z]+|\b(?:from|than|by|to) (?:any|every|all) other\b|\b(?:anyone|anybody|someone|somebody) else\b|\bused by (?:another|any other)\b/, says: 'a uniqueness rule' },
  { pattern: /\buniquely identif\w+|\bone time only\b|\bonly one time\b|\b(?:more than|at most) one time\b/, says: 'a uniqueness rule' },
  // A value given to one record only ("each email belongs to one member", "a plate belongs to exactly one car"; not "a ticket
  // belongs to one cruise", a link), shared with no other ("no member shares an email with another"), done "one time" or
  // "a single" one each ("a member rates a film one time", "each member gives each film a single rating").
  { pattern: re(String.raw`\b(?:${ID_WORD}|e-?mails?|e-?mail address(?:es)?|plates?|usernames?|names?)s?\s+(?:can\s+|may\s+|must\s+|should\s+)?(?:only\s+)?(?:belongs?|belong|is used|are used|be used|is assigned|are assigned|be assigned|is tied|goes|go)\s+(?:to|by|for)\s+(?:exactly |only |just )?(?:one|a single|1)\b|\bshares? (?:an?|the|their|its|his|her) [a-z]+(?: [a-z]+)? with (?:another|any other|other|anyone|anybody)\b|\b(?<!\b(?:at|any) )one time\s*(?:[.;!,)]|$)|\beach [a-z]+(?: [a-z]+)? (?:a|one) single [a-z]+`), says: 'a uniqueness rule' },
  { pattern: /\balready (?:taken|in use|used|exists?|registered|booked|assigned|reserved|claimed)\b|\bno (?:repeats?|doubles?|clones?)\b|\bdupes?\b|\b(?:have|has|get|gets|use|uses) (?:all )?(?:different|distinct) [a-z]+s\b/, says: 'a uniqueness rule' },
  // An identifier of its own: "its own membership number", "a personal student number", "a frame number that identifies it",
  // "the ISBN serves as the identifier".
  { pattern: re(String.raw`\b(?:its|their|his|her) own (?:[a-z]+ )?${ID_WORD}\b|\b(?:a |an )?(?:personal|individual|separate) (?:[a-z]+ )?${ID_WORD}\b|\bidentif(?:ies|y) (?:it|them|him|her)\b|\b(?:is|are|serves? as|acts? as|used as) (?:the |a |an )?(?:primary key|unique key|identifier|unique id)\b`), says: 'a uniqueness rule' },
  // "once" closing a clause after a verb: "every household registers once" (not "once a year").
  { pattern: /\b[a-z]{3,}\s+(?:only\s+|just\s+)?once\s*(?:[.;!,)]|$)/, says: 'a uniqueness rule' },
  // A count given per something in a note or list: "12 per class", "12 kids/class", "tours (name, date, 15 people)".
  { pattern: re(String.raw`(?<![€$£]\s?)\b${NUMBER} per (?!cent\b)[a-z]+|\b${NUMBER}\s+${COUNTED}[a-z]*\s*\/\s*[a-z]+\b|(?:^|[,;:(]\s*)(?:up to |max |at most )?${NUMBER}\s+(?:${GROUP_OF_PEOPLE}|participants|members|students|attendees|${PLACES})\s*(?:[,;)]|$)`), says: 'a limit per something' },
  // Who may: a permission or right given to someone ("admins have permission to delete users", "managers are allowed to
  // close projects"), an approval that is needed ("admin approval is required", "goes to the manager for approval"),
  // "exclusive to", "everyone except".
  { pattern: /\b(?:has|have|with|needs?|requires?|given|gets?|grants?|granted) (?:the )?(?:permission|right|rights|privileges?|authority|clearance|access rights?) to\b|\b(?:is|are) (?:allowed|permitted|authori[sz]ed|entitled) to\b/, says: 'a restriction ("only")' },
  { pattern: /(?<!\bno )\b(?:approval|sign-off|sign off|authori[sz]ation|consent|clearance) (?:is |are )?(?:needed|required|necessary|mandatory)\b|\b(?:needs?|requires?|requiring|needing) (?:the |an? )?(?:[a-z]+ )?(?:approval|sign-off|authori[sz]ation|consent|clearance)\b|\b(?:goes?|go|sent|passed|forwarded|routed|referred) to (?:the |an? )?[a-z]+(?: [a-z]+)? for (?:approval|sign-off|authori[sz]ation)\b/, says: 'a restriction ("only")' },
  // A doing given to someone without "only": "deleting a project is for admins", "refunds are done by the manager".
  { pattern: /^(?:the\s+)?[a-z]+ing\b[^,;]*?\b(?:is|are) (?:only |just )?(?:for|done by|handled by|carried out by|performed by|up to|decided by) (?:the |an? )?[a-z]+/, says: 'a restriction ("only")' },
  // "it is the manager who approves refunds", "admins alone delete projects".
  { pattern: /\bit(?:'s| is| will be) (?:always |only )?(?:the |an? )?[a-z]+(?: [a-z]+)? who\b|\b[a-z]+s alone\b(?! (?:at|in|on|with|or|and|for|is|are)\b)/, says: 'a restriction ("only")' },
  { pattern: /\bexclusive (?:to|for)\b|\b(?:everyone|everybody|anyone|anybody) (?:but|except)\b/, says: 'a restriction ("only")' },
  // Ownership by the one who made the record: "can be edited by the person who wrote it", "sees the requests he
  // submitted", "the tasks assigned to them".
  { pattern: /\b(?:the (?:person|user|member|one|people|customer|employee|staff member)|whoever|those|the ones?) (?:who|that) (?:wrote|created|posted|submitted|made|added|uploaded|booked|owns?|authored|opened|raised|filed|reported|placed|started)\b/, says: 'an ownership rule' },
  { pattern: /\b(?:see|sees|view|views|edit|edits|change|changes|update|updates|delete|deletes|cancel|cancels|manage|manages|access|accesses|modify|modifies|remove|removes|close|closes|withdraw|withdraws)\s+(?:only\s+)?(?:the\s+)?(?:[a-z]+\s+){1,2}(?:that\s+|which\s+)?(?:they|he|she|he or she|i|you|we)\s+(?:have\s+|has\s+)?(?:wrote|written|created|posted|submitted|made|added|uploaded|booked|opened|raised|filed|placed|own|owns|started)\b|\b(?:assigned|allocated) to (?:them|him|her|him or her|me|you)\b/, says: 'an ownership rule' },
  // "the end date follows the start date": an order in time with a verb of order.
  { pattern: /\b(?:date|time|day|moment)s? (?:follows?|precedes?)\b/, says: 'an order in time' },
  // Something to have first: "a job needs an approved proof before printing starts", "an order requires a
  // paid invoice before it ships" (a refusal until it is there, not a field the record has).
  { pattern: /\b(?:needs?|requires?|must have|has to have)\s+(?:an?|the|its|their)\s+(?:[a-z-]+\s+){0,2}?[a-z]+\s+(?:before|until|prior to)\s+(?!the (?:start|end)\b)/, says: 'a condition to meet first' },
];
