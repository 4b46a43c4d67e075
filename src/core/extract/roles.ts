// Roles: the people who sign in (named roles and people without fields of their own), and the
// spec's auth object built from them.
import type { Auth } from '../../model/project/projectSpec';
import type { AuthFindings } from './auth';
import type { Evidence } from './entities';
import { PERSON_NOUNS, singular, STAFF_ROLES, USER_WORDS } from './lexicon';
import { lexiconTags, probeOf, tagSentence } from './nlp';
import { isPersonWord, storableHead } from './recordWords';

/** With sign-in, people who neither have fields of their own nor are said not to sign in are users with a role. */
export function personRolesOf(auth: AuthFindings, evidence: Evidence, withFields: Set<string>): string[] {
  const personRoles = [...auth.personRoles];
  if (!auth.enabled) return personRoles;
  for (const candidate of evidence.values()) {
    if (!PERSON_NOUNS.has(candidate.key) || auth.notUsers.has(candidate.key) || withFields.has(candidate.key)) continue;
    if (!personRoles.includes(candidate.key)) personRoles.push(candidate.key);
  }
  return personRoles;
}

/** Every word that names a role: person roles, staff roles, and the staff words that map to them. */
export function roleWordsOf(auth: AuthFindings, personRoles: string[]): Set<string> {
  const roles = [...personRoles, ...auth.staffRoles];
  // A compound role ("harbour_master") is written with spaces in the text.
  const written = roles.filter((role) => role.includes('_')).map((role) => role.replace(/_/g, ' '));
  return new Set<string>([...roles, ...written, ...Object.keys(STAFF_ROLES).filter((w) => auth.staffRoles.includes(STAFF_ROLES[w]))]);
}

/**
 * Whether a word (singular) that a sentence names as who may act ("only treasurers can …", "Roles:
 * coach, player", "members can only see …") names people who sign in with a role of their own: a
 * staff role, a known person noun, a word the lexicon knows as an actor ("chef", "pilot"), or a word
 * ending like a person noun ("treasurer", "timetabler", "resident") that names no
 * thing ("order", "folder"). Not the generic words for anyone using the app ("user", "people").
 */
export function isPersonRoleWord(word: string): boolean {
  if (USER_WORDS.has(word)) return false;
  if (STAFF_ROLES[word] ?? STAFF_ROLES[singular(word)]) return true;
  if (PERSON_NOUNS.has(word) || lexiconTags(word).includes('Actor') || isPersonWord(word)) return true;
  // (Said to act, an -er/-or/-ist/-ian/-ee word is a person even where the tagger knows no verb in it.)
  return (/(?:er|or|ist|ian|ee)$/.test(word) && !storableHead(word)) || doerOfVerb(word);
}

/**
 * "resident" (reside), "claimant" (claim), "respondent" (respond): a verb + -ent/-ant, read as a noun
 * after "the", names who does it. (Not "event", "content", "payment": no verb before the ending;
 * not "urgent", "important": the tagger reads them as adjectives there.)
 */
function doerOfVerb(word: string): boolean {
  const m = /^([a-z]{3,})(?:ant|ent)$/.exec(word);
  if (!m || word.endsWith('ment')) return false;
  const [article, noun] = tagSentence(probeOf(word));
  if (article?.pos !== 'det' || noun?.pos !== 'noun') return false;
  return [m[1], `${m[1]}e`].some((stem) => stem.length >= 4 && tagSentence(`to ${stem}`)[1]?.pos === 'verb');
}

/** A name the spec accepts for a role: lower case, letters, digits and _, at most 31 characters. */
export function isRoleName(name: string): boolean {
  return /^[a-z][a-z0-9_]{0,30}$/.test(name);
}

export function buildAuth(auth: AuthFindings, personRoles: string[]): Auth {
  if (!auth.enabled) return { kind: 'none', sources: [] };
  const staff = auth.staffRoles;
  const generic = auth.genericUsersSignIn || staff.length === 0;
  const defaultRole = personRoles[0] ?? (generic ? 'member' : staff[0]);
  const roles = [...new Set([defaultRole, ...personRoles, ...staff])];
  let adminRole = roles.includes('admin') ? 'admin' : auth.adminLike;
  if (!adminRole || auth.adminImplied) {
    if (!roles.includes('admin')) roles.push('admin');
    adminRole = 'admin';
  }
  const selfSignup = auth.selfSignup || personRoles.length > 0 || (generic && staff.length === 0);
  const roleList = roles.filter(isRoleName);
  return { kind: 'emailPassword', roles: roleList, defaultRole, adminRole, selfSignup, sources: [...new Set(auth.sources)].sort((a, b) => a - b) };
}
