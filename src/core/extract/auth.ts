// Sign-in cues and roles. "Users sign up and log in", "Customers have accounts", "Registered
// users", staff roles acting as subjects ("Moderators can lock …") all mean email/password auth;
// "patients do not log in" keeps patients out of the users; cues in Bonus/Optional sections
// do not count.
import { lexiconTags } from './nlp';
import { isPersonWord } from './nlpEvidence';
import { BUSINESS_PLACES, NON_ENTITY, NOT_STORED, PERSON_NOUNS, SEEING_VERBS, singular, STAFF_ROLES, tokenize, USER_WORDS } from './lexicon';
import { isPersonRoleWord, isRoleName } from './roles';
import { ownedByPeople, recordByStructureOnly } from './structuralRecords';
import { knownNoun } from './knowledge';
import type { SentenceInfo } from './sentences';

import { findActingPeople } from './actingPeople';
import { addRole, signInFrom, type AuthFindings } from './authFindings';

export type { AuthFindings } from './authFindings';

const LOGIN = /\blog ?in\b|\blogs in\b|\blogged in\b|\blogin\b|\bsign(?:s|ed)?[ -]?(?:up|in)\b|\bsignup\b|\bauthenticat\w*|\bauth\b|\bpasswords?\b|\bjwt\b|\bcredentials\b|\blog(?:s|ged)? ?out\b|\bregistered users?\b|\bregister (?:for |an |a )+(?:new )?account\b|\b(?:create|open|have|has|with|their|own|user) (?:an )?accounts?\b|\/register\b|\/login\b/;
const INTRANSITIVE_REGISTER = /\bregister\b\s*(?:[,.;]|and\b|or\b|$)/;
const NEGATED = /\b(?:no|without|not require|not need|doesn't need|does not need|no need for)\s+(?:a\s+)?(?:login|log in|sign[- ]?in|sign[- ]?up|accounts?|authentication|auth|users? accounts?)\b/;
const SELF_SIGNUP = /\bsign(?:s|ed)?[ -]?up\b|\bsignup\b|\bregister\b|\bregistration\b|\bcreate (?:an )?account\b|\bregistered users?\b/;
const EVERYTHING = /\bmanage (?:everything|all\b|the (?:whole|entire))|\bfull access\b|\bdo everything\b/;

const SUBJECT_SKIP = new Set(['a', 'an', 'the', 'only', 'all', 'each', 'every', 'registered', 'logged', 'signed', 'in', 'our', 'other', 'some', 'both']);

function subjectWords(plain: string): string[] {
  const tokens = tokenize(plain).filter((t) => t.kind === 'word');
  const out: string[] = [];
  for (const t of tokens.slice(0, 4)) {
    if (SUBJECT_SKIP.has(t.w)) continue;
    out.push(singular(t.w));
    if (out.length >= 2) break;
  }
  return out;
}

/** "Staff and managers sign in", "drivers, dispatchers or admins log in": every coordinated subject before the cue. */
function coordinatedSubjects(beforeCue: string): string[] {
  const words = tokenize(beforeCue).filter((t) => t.kind === 'word').map((t) => t.w);
  if (words.length > 8 || !words.some((w) => w === 'and' || w === 'or')) return [];
  return words.filter((w) => !SUBJECT_SKIP.has(w) && w !== 'and' && w !== 'or').map(singular);
}

/**
 * "The front desk staff sign in", "our shift coordinator must log in": the last noun of a short
 * subject right before the cue names who signs in, however many words come in front of it.
 */
function headBeforeCue(beforeCue: string): string[] {
  const clause = beforeCue.split(/[;,:]/).pop() ?? '';
  const words = tokenize(clause).filter((t) => t.kind === 'word').map((t) => t.w);
  while (words.length && (SIGN_IN_AUXILIARIES.test(words[words.length - 1]) || words[words.length - 1] === 'too')) words.pop();
  const subject = words.filter((w) => !SUBJECT_SKIP.has(w));
  if (!subject.length || subject.length > 4 || subject.some((w) => w === 'and' || w === 'or')) return [];
  return [singular(subject[subject.length - 1])];
}

/**
 * "Vets and receptionists", "judges or stewards" right before the sign-in cue: the plural nouns
 * joined as its whole subject (nothing else but articles and "can", "must" …); none otherwise.
 */
function pluralSigners(beforeCue: string): string[] {
  const words = tokenize(beforeCue).filter((t) => t.kind === 'word').map((t) => t.w).filter((w) => !SUBJECT_SKIP.has(w) && !SIGN_IN_AUXILIARIES.test(w));
  const nouns = words.filter((w) => w !== 'and' && w !== 'or');
  if (!words.some((w) => w === 'and' || w === 'or') || nouns.length > 4 || !nouns.every((w) => w.length > 3 && /s$/.test(w) && singular(w) !== w)) return [];
  return nouns.map(singular);
}
const SIGN_IN_AUXILIARIES = /^(?:can|must|should|will|may|need|needs|have|has|to|first|always|also|only|both|all|the|our)$/;

function roleOf(word: string): string | undefined {
  return STAFF_ROLES[word] ?? STAFF_ROLES[singular(word)];
}

/** Texts where an account is a stored record (a bank account with a number and a balance), not a sign-in. */
const ACCOUNT_RECORD = /\b(?:each|every) accounts?\b|\baccounts? (?:number|balance|holder|type|limit)s?\b|\b(?:savings|current|checking|bank|business|personal) accounts?\b/;
const ACCOUNT_CUE = /\b(?:create|open|have|has|with|their|own|user) (?:an )?accounts?\b/g;

const OWNER_WORDS = /^(author|owner|creator|poster|uploader|writer|reporter|submitter|requester|sender|organiser|organizer|maker|booker)$/;
/** Each pattern with a word it cannot match without (tested first: most sentences restrict nobody). */
const RESTRICTIONS: [cue: string, pattern: RegExp][] = [
  ['only ', /\bonly (?:the |our |a |an )?((?:[a-z]+ )?[a-z]+) (?:can|may|could|should|must|are allowed|is allowed|get to|have access|are able|is able)\b/g],
  [' the only one', /\b(?:the )?((?:[a-z]+ )?[a-z]+) (?:are|is) the only ones?\b/g],
  ['restricted to ', /\brestricted to (?:the |our )?((?:[a-z]+ )?[a-z]+)\b/g],
  ['only be ', /\bcan only be [a-z]+(?:ed|en)(?: (?:off|out|up|in))? by (?:the |a |an |our )?((?:[a-z]+ )?[a-z]+)\b/g],
  ['nobody but ', /\bnobody but (?:the |our )?((?:[a-z]+ )?[a-z]+)\b/g],
];
const RANK_WORDS = /^(head|senior|junior|chief|lead|assistant|deputy|vice|co|trainee|principal|general|executive|community|project|office|front|desk|league|site|shift|store|team)$/;

const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|several|few)$/;

/** Roles named by restrictions ("only treasurers can …" -> treasurer, "only the head curator may …" -> head_curator). */
export function rolesOfRestrictions(plain: string): string[] {
  const roles: string[] = [];
  for (const [cue, pattern] of RESTRICTIONS) {
    for (const match of plain.includes(cue) ? plain.matchAll(pattern) : []) {
      // "only one customer can refuel at a pump": a number after "only" counts how many at once (a
      // capacity), it does not say who may act.
      if (NUMBER_WORD.test(match[1].split(' ')[0])) continue;
      const words = match[1].split(' ').filter((w) => !/^(the|a|an|our|their|its|only)$/.test(w));
      const head = singular(words[words.length - 1] ?? '');
      // "only the shop owner may …": the person who owns the business signs in as the owner.
      if (head === 'owner' && words.length === 2 && BUSINESS_PLACES.test(words[0])) {
        if (!roles.includes('owner')) roles.push('owner');
        continue;
      }
      if (!head || OWNER_WORDS.test(head) || USER_WORDS.has(head) || /^(one|ones|person|people|someone)$/.test(head)) continue;
      if (!isPersonRoleWord(head)) continue;
      const modifier = words.length > 1 && RANK_WORDS.test(words[0]) && !STAFF_ROLES[head] ? `${words[0]}_` : '';
      const role = STAFF_ROLES[head] && !modifier ? head : `${modifier}${head}`;
      if (isRoleName(role) && !roles.includes(role)) roles.push(role);
    }
  }
  return roles;
}

export function detectAuth(sentences: SentenceInfo[]): AuthFindings {
  const accountIsRecord = sentences.some((s) => ACCOUNT_RECORD.test(s.plain));
  const found: AuthFindings = {
    enabled: false, sources: [], staffRoles: [], personRoles: [], notUsers: new Set(), selfSignup: false, adminImplied: false, genericUsersSignIn: false,
    accountsAreRecords: accountIsRecord,
  };
  let negated = false;
  for (const sentence of sentences) {
    if (sentence.optional) continue;
    if (readAuthCues(found, sentence, accountIsRecord)) negated = true;
  }
  // (Also when a restriction or a login cue already turned sign-in on: "only receptionists can
  // confirm appointments" names one role, and the patients who book them sign in too.)
  if (!negated) findActingPeople(found, sentences);
  if (negated && found.staffRoles.length === 0) {
    found.enabled = false;
    found.sources = [];
  }
  return found;
}

/** Every sign-in cue of one sentence, in order; true when it says nobody (or no user) signs in. */
function readAuthCues(found: AuthFindings, sentence: SentenceInfo, accountIsRecord: boolean): boolean {
  const plain = sentence.plain;
  let negated = false;
  // "patients do not log in" / "guests don't need accounts"
  const notUser = /\b([a-z]+)\s+(?:do|does|will|should|can|need|must)(?: not|n't)\s+(?:need to\s+)?(?:log ?in|sign ?in|have (?:an )?accounts?|register)\b/.exec(plain);
  if (notUser) {
    const who = singular(notUser[1]);
    if (USER_WORDS.has(who) || who === 'nobody') negated = true;
    else found.notUsers.add(who);
  }
  if (NEGATED.test(plain) || /\bnobody (?:logs|signs) in\b/.test(plain)) negated = true;
  let cueText = notUser ? plain.replace(notUser[0], ' ') : plain;
  if (accountIsRecord) cueText = cueText.replace(ACCOUNT_CUE, ' ');
  // "Only the author can edit a recipe" needs to know who the author is.
  // ("only the project owner can …", "only the recipe's author may …": one word naming the record may come first.)
  if (/\bonly (?:the |its |their )?(?:[a-z]+(?:'s)? )?(?:author|owner|creator|poster|uploader)s? (?:can|may|is allowed)\b/.test(plain)) {
    found.enabled = true;
    found.sources.push(sentence.id);
    found.genericUsersSignIn = true;
  }
  // "Only treasurers can mark rent as paid", "restricted to the head curator": a role that must
  // sign in for the app to know who they are.
  for (const role of rolesOfRestrictions(plain)) {
    signInFrom(found, sentence.id);
    if (STAFF_ROLES[role]) addRole(found.staffRoles, STAFF_ROLES[role]);
    else addRole(found.personRoles, role);
  }
  readOwnedRecords(found, sentence);
  readReadOnlyRoles(found, sentence);
  readUserStory(found, sentence);
  readRoleList(found, sentence);
  const login = LOGIN.test(cueText) || INTRANSITIVE_REGISTER.test(cueText);
  const cue = login ? LOGIN.exec(cueText) : null;
  const beforeCue = cue ? cueText.slice(0, cue.index) : '';
  const subjects = [...subjectWords(plain), ...coordinatedSubjects(beforeCue), ...headBeforeCue(beforeCue)];
  if (login) readLoginCue(found, sentence, cueText, subjects, pluralSigners(beforeCue));
  readStaffSubjects(found, sentence);
  if (/\badminist(?:er|ers|ered|ering|ration)\b/.test(plain) && /\b(users?|buddies|members|you)\b/.test(plain)) {
    found.adminImplied = true;
  }
  if (EVERYTHING.test(plain) && login) {
    const staff = subjects.map(roleOf).find(Boolean);
    if (staff) found.adminLike ??= staff;
  }
  return negated;
}

/**
 * "A todo app where users have lists and tasks": users who own records of their own sign in, so that
 * each sees their own. (Only the words for anyone: "customers have orders" may describe a business
 * whose customers never sign in; nor values, "users have names".)
 */
function readOwnedRecords(found: AuthFindings, sentence: SentenceInfo): void {
  for (const { owner, thing } of ownedByPeople(sentence.plain)) {
    if (!USER_WORDS.has(owner) || !(knownNoun(thing) || recordByStructureOnly(thing) || !(NON_ENTITY.has(thing) || NOT_STORED.has(thing)))) continue;
    signInFrom(found, sentence.id);
    found.genericUsersSignIn = true;
  }
}

/** "members can only see them": people limited to looking. */
const ONLY_SEE = new RegExp(String.raw`\b([a-z]+)\s+(?:can|may)\s+only\s+${SEEING_VERBS}\b`);
/** "the director can add songs": people who may change things, named in the same sentence. */
const MAY_CHANGE = /(?:^|[,;]\s*|\band\s+|\bwhile\s+|\bbut\s+)(?:the\s+|our\s+)?([a-z]+)\s+(?:can|may)\s+(?:add|create|edit|change|update|delete|remove|manage|enter|upload|publish|schedule)\b/g;

/**
 * "The director can add songs and rehearsals, members can only see them": the two sides of who may
 * change records sign in, each with a role (the rules read the sentence: rolesMay.ts roleReadOnly).
 */
function readReadOnlyRoles(found: AuthFindings, sentence: SentenceInfo): void {
  const plain = sentence.plain;
  const limited = plain.includes(' only ') ? ONLY_SEE.exec(plain) : null;
  if (!limited) return;
  const people = [limited[1], ...[...plain.matchAll(MAY_CHANGE)].map((m) => m[1])].map((w) => singular(w));
  for (const person of people) {
    if (!isPersonRoleWord(person)) continue;
    signInFrom(found, sentence.id);
    if (STAFF_ROLES[person]) addRole(found.staffRoles, STAFF_ROLES[person]);
    else if (isRoleName(person)) addRole(found.personRoles, person);
  }
}

/** "Roles: admin, member", "user types: coach / player": a list of the roles people sign in with. */
function readRoleList(found: AuthFindings, sentence: SentenceInfo): void {
  const list = /^\s*(?:(?:the |user |sign-in |app )?roles?|user (?:types?|groups?)|(?:types|kinds) of users?|access levels?)\s*[:=–—-]\s*([a-z ,/&+-]{2,120}?)\s*[.;]?\s*$/.exec(sentence.plain);
  if (!list) return;
  const items = list[1].split(/\s*(?:,|\/|&|\+|\band\b|\bor\b)\s*/).map((w) => w.trim()).filter(Boolean);
  // Each item one or two words naming people ("admin", "team lead"); anything else is not a list of roles.
  if (!items.length || items.some((w) => w.split(' ').length > 2)) return;
  const words = items.map((item) => singular(item.split(' ').pop()!));
  // (Under a "roles" label a person word is a role even when the lexicon does not know it as one: "coach".)
  if (!words.some(isPersonRoleWord)) return;
  for (const word of words) {
    const staff = roleOf(word);
    if (staff) addRole(found.staffRoles, staff);
    else if (/^[a-z]{2,30}$/.test(word) && !USER_WORDS.has(word)) addRole(found.personRoles, word);
  }
  signInFrom(found, sentence.id);
}

/** "As a dog owner, I want to …": the people of user stories sign in, with their role. */
function readUserStory(found: AuthFindings, sentence: SentenceInfo): void {
  const story = /^\s*as an? ([a-z][a-z -]{1,30}?)\s*,?\s*i (?:want|would like|need|wish|can|should|must|am able)\b/.exec(sentence.plain);
  if (!story) return;
  const words = story[1].trim().split(/\s+/).filter((w) => !/^(registered|logged|signed|new|existing)$/.test(w));
  const head = singular(words[words.length - 1] ?? '');
  // ("As a home delivery person": a person named by what they do is a role, where "a person" alone is anyone.)
  const namedPerson = head === 'person' && words.length >= 2 && !USER_WORDS.has(words[words.length - 2]);
  const role = STAFF_ROLES[head] ?? ((USER_WORDS.has(head) && !namedPerson) || head === 'visitor' || head === 'guest' ? '' : words.slice(-2).map(singular).join('_'));
  if (/^(visitor|guest|anonymous)$/.test(head)) return;
  signInFrom(found, sentence.id);
  if (role && STAFF_ROLES[head]) addRole(found.staffRoles, role);
  else if (role && isRoleName(role)) addRole(found.personRoles, role);
  else found.genericUsersSignIn = true;
}

/** "Members log in", "customers create accounts": who the login words are about sign in. */
function readLoginCue(found: AuthFindings, sentence: SentenceInfo, cueText: string, subjects: string[], signersBefore: string[]): void {
  found.enabled = true;
  found.sources.push(sentence.id);
  if (SELF_SIGNUP.test(cueText)) found.selfSignup = true;
  // "Nurses sign in", "all tailors must log in", "vets and receptionists sign in": what signs in is
  // people, whatever the noun (the whole subject of the cue, one noun or nouns joined by and/or).
  const lead = LEAD_SIGNER.exec(cueText);
  const signers = new Set([...(lead ? [singular(lead[1])] : []), ...signersBefore]);
  for (const word of subjects) {
    const staff = roleOf(word);
    if (staff) addRole(found.staffRoles, staff);
    // ("Dispatchers or drivers log in": an -er/-or agent noun of a verb names people too; not "committee".)
    else if ((PERSON_NOUNS.has(word) || ((lexiconTags(word).includes('Actor') || (/(?:er|or)$/.test(word) && isPersonWord(word)) || (signers.has(word) && !NON_ENTITY.has(word))) && !USER_WORDS.has(word))) && !found.notUsers.has(word)) addRole(found.personRoles, word);
    else if (USER_WORDS.has(word)) found.genericUsersSignIn = true;
  }
  const accountsOf = /\b([a-z]+)s? (?:have|has|create|with) (?:an |their own )?accounts?\b/.exec(sentence.plain);
  if (accountsOf && PERSON_NOUNS.has(singular(accountsOf[1]))) addRole(found.personRoles, singular(accountsOf[1]));
}

/** A plural noun right before the sign-in cue, the whole subject: "Nurses sign in", "all tailors must log in". */
const LEAD_SIGNER = /^\s*(?:(?:the|all|our|registered|approved|verified)\s+)?([a-z]{3,}s)\s+(?:(?:can|must|should|will|may|need to|have to|first|always)\s+)?(?:log|sign)\s*(?:in|on)\b/;

/** Staff roles acting as subjects imply sign-in even without the words "log in". */
function readStaffSubjects(found: AuthFindings, sentence: SentenceInfo): void {
  const plain = sentence.plain;
  const tokens = tokenize(plain).filter((t) => t.kind === 'word').map((t) => t.w);
  for (let i = 0; i < tokens.length; i++) {
    const staff = roleOf(tokens[i]);
    if (!staff) continue;
    const next = tokens[i + 1] ?? '';
    const prev = tokens[i - 1] ?? '';
    const isSubject = /^(can|may|must|should|will|cannot|see|sees|manage|manages|create|creates|log|logs|approve|approves|update|updates|edit|edits|delete|deletes|define|defines|add|adds|lock|locks|pin|pins|review|reviews|assign|assigns|handle|handles|moderate|moderates|run|runs|have|has|are|is|do|does|and|or|only)$/.test(next);
    // Only a clause subject counts ("Moderators can lock …", "… and librarians see …").
    const clauseStart = i <= 2 || ['and', 'but', 'while', 'where', 'whereas', 'so', 'only'].includes(prev);
    if (!isSubject || !clauseStart || (['and', 'or'].includes(next) && i > 2)) continue;
    if (staff === 'owner' && !/^(manage|manages|can|updates|update|sees|see)$/.test(next)) continue;
    // "only the owner can delete a playlist" is about the row's owner, not a role.
    if (staff === 'owner' && /\bonly (?:the |its |their )?owners? /.test(plain)) continue;
    addRole(found.staffRoles, staff);
    signInFrom(found, sentence.id);
    if (EVERYTHING.test(plain)) found.adminLike ??= staff;
  }
}
