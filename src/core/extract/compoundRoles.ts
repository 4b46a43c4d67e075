// "The harbour master signs in", "only the community manager can add rooms", "as a project
// manager I want …": the sign-in cues read one word, the head, but the text names the role with
// its noun in front every time. That whole name is the role ("harbour_master", not "master"; the
// "community_manager", not any manager), so the generated app shows the role the user wrote.
import { pluralizeWord } from '../../model/project/naming';
import type { AuthFindings } from './auth';
import { STAFF_ROLES } from './lexicon';
import { tagSentence, type Term } from './nlp';
import { verbAsModifier } from './nlpCorrections';
import { theBusinessItself } from './notRecords';
import { isRoleName } from './roles';
import type { SentenceInfo } from './sentences';

const NO_FIELDS = new Set<string>();

/** At most this many nouns in front of the head ("front desk staff"). */
const MAX_MODIFIERS = 2;

/**
 * Renames each one-word role (in the person roles and the staff roles) to its compound when every
 * time the text writes the role's word, the same nouns come right before it. The app's own
 * "admin" stays admin ("league admins", "site admin" administer the app).
 */
export function widenCompoundRoles(auth: AuthFindings, personRoles: string[], sentences: SentenceInfo[]): void {
  const renamed = new Map<string, string>();
  const plainText = sentences.map((s) => s.plain).join(' \n ');
  for (const role of new Set([...personRoles, ...auth.staffRoles])) {
    if (role === 'admin' || role.includes('_')) continue;
    const compound = compoundOf(role, sentences, plainText);
    if (compound && isRoleName(compound)) renamed.set(role, compound);
  }
  if (!renamed.size) return;
  const rename = (list: string[]) => list.forEach((role, i) => (list[i] = renamed.get(role) ?? role));
  rename(personRoles);
  rename(auth.staffRoles);
  if (auth.adminLike) auth.adminLike = renamed.get(auth.adminLike) ?? auth.adminLike;
}

/** The words a role is written with: itself, and the staff words that map to it ("organiser" for organizer), each also in the plural. */
function writtenForms(role: string): Set<string> {
  const words = [role, ...Object.keys(STAFF_ROLES).filter((w) => STAFF_ROLES[w] === role)];
  return new Set(words.flatMap((w) => [w, pluralizeWord(w)]));
}

/** The role's compound name when all its uses carry the same nouns in front; undefined when one use differs or none has them. */
function compoundOf(role: string, sentences: SentenceInfo[], plainText: string): string | undefined {
  const forms = writtenForms(role);
  let modifiers: string[] | undefined;
  for (const sentence of sentences) {
    if (![...forms].some((form) => sentence.plain.includes(form))) continue;
    const terms = tagSentence(sentence.text);
    for (let i = 0; i < terms.length; i++) {
      if (!forms.has(terms[i].w)) continue;
      // ("staff laptops", "member cards": the word in front of another noun names no person here.)
      if (terms[i + 1]?.pos === 'noun' && !/[,;:.()]/.test(terms[i].post)) continue;
      const before = nounsBefore(terms, i);
      if (!before.length) return undefined;
      // (Keep only the nouns every use shares: "desk staff" and "front desk staff" share "desk"; the
      // last noun must be the same in every use.)
      const shared = Math.min(modifiers?.length ?? before.length, before.length);
      modifiers = (modifiers ?? before).slice(-shared);
      if (!modifiers.every((m, k) => m === before[before.length - modifiers!.length + k])) return undefined;
    }
  }
  // "Club members", "the workshop owner": the business the app is for in front of its people is no part of their role.
  if (!modifiers || theBusinessItself(modifiers.join(' '), plainText, NO_FIELDS, sentences)) return undefined;
  return [...modifiers, role].join('_');
}

/**
 * Up to MAX_MODIFIERS nouns written right before word i, in order, with nothing between them. A word
 * the tagger read as a verb counts where it opens the clause ("…; game masters and the manager do"):
 * a verb there would have the role as its object, which every use of the role must then repeat.
 */
function nounsBefore(terms: readonly Term[], i: number): string[] {
  const nouns: string[] = [];
  for (let k = i - 1; k >= 0 && nouns.length < MAX_MODIFIERS; k--) {
    const term = terms[k];
    const modifier = term.pos === 'noun' || verbAsModifier(terms, k);
    if (!modifier || term.possessive || term.capital || /[,;:.()"]/.test(term.post) || !/^[a-z]+$/.test(term.w)) break;
    nouns.unshift(term.w);
  }
  return nouns;
}
