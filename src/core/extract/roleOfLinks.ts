// "A person can be an author of one article and a reviewer of another", "they can only be the
// principal of one school": a record that is the ROLE of another record is linked to it under the
// role's name. Such a role is a link of its own even when the two records are linked already
// (a teacher teaches at schools and is the principal of one). A role that is a record of its own
// ("a member can be a translator of one book", Translator a record) belongs to both: it joins them.
import { camelCase } from '../../model/project/naming';
import type { DraftEntity } from './draft';
import { QUANTITY_HEADS, type Analysis, type NounPhrase } from './grammar';
import { KIND_WORDS } from './sentenceLinks';

export interface RoleOfRead {
  analysis: Analysis;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  /** The record the sentence before was about ("it", "they" with no record before them here). */
  previousTopic: DraftEntity | undefined;
  /** Links child to parent under `name` (a second link of the pair when the name is new). */
  linkNamed: (child: DraftEntity, parent: DraftEntity, name: string) => void;
  /** The child belongs to the parent (unless the two are linked already). */
  link: (child: DraftEntity, parent: DraftEntity) => void;
}

const BE = /^(?:be|is|are|was|were|been)$/;
const PRONOUN = /^(?:he|she|it|they)$/;
/** Words that are not roles: "part of", "a kind of", "one of", "a member of a list". */
const NOT_ROLES = /^(?:part|one|example|instance|case|copy|version|piece|portion|subset|combination|mix|result|member)$/;

/** The record a be-verb at `be` is said of: the noun before it (past modals and adverbs), or what a pronoun there stands for. */
function subjectBefore(read: RoleOfRead, be: number): DraftEntity | undefined {
  const { terms, phrases } = read.analysis;
  let k = be - 1;
  while (k >= 0 && (terms[k].pos === 'modal' || terms[k].pos === 'adv' || /^(?:not|also|only|always|then)$/.test(terms[k].w))) k--;
  if (k < 0) return undefined;
  if (PRONOUN.test(terms[k].w)) {
    const earlier = phrases.filter((p) => p.head < k).map((p) => read.entityIn(p)).find((e) => e && e.name !== 'User');
    return earlier ?? read.previousTopic;
  }
  const phrase = phrases.find((p) => p.head === k);
  return phrase && terms[phrase.start - 1]?.w !== 'of' ? read.entityIn(phrase) : undefined;
}

/** "ROLE of (a/one/another) Y" starting at `index`: the role phrase, the role's own record if it is one, and Y's record. */
function roleOf(read: RoleOfRead, index: number): { role: NounPhrase; roleRecord?: DraftEntity; of: DraftEntity; next: number } | undefined {
  const { terms, phrases } = read.analysis;
  const role = phrases.find((p) => p.start === index);
  if (!role || role.plural || terms[role.head + 1]?.w !== 'of' || !/^(?:a|an|the)$/.test(role.determiner ?? '')) return undefined;
  if (NOT_ROLES.test(role.headWord) || KIND_WORDS.test(role.headWord) || QUANTITY_HEADS.has(role.headWord)) return undefined;
  const roleRecord = read.entityIn(role);
  if (roleRecord?.name === 'User') return undefined;
  const target = phrases.find((p) => p.start > role.head + 1 && p.start <= role.head + 4);
  const of = read.entityIn(target);
  return of && of.name !== 'User' && of !== roleRecord && target ? { role, roleRecord, of, next: target.head + 1 } : undefined;
}

export function linkRolesOf(read: RoleOfRead): void {
  const { terms } = read.analysis;
  for (let i = 1; i < terms.length; i++) {
    if (!BE.test(terms[i].w)) continue;
    const subject = subjectBefore(read, i);
    if (!subject || subject.name === 'User') continue;
    let at = i + 1;
    // "an author of one article and a reviewer of another": each coordinated role.
    for (let found = roleOf(read, at); found; found = roleOf(read, at)) {
      if (found.roleRecord && found.roleRecord !== subject) {
        read.link(found.roleRecord, subject);
        read.link(found.roleRecord, found.of);
      } else if (!found.roleRecord && found.of !== subject) read.linkNamed(found.of, subject, camelCase(found.role.key));
      if (terms[found.next]?.w !== 'and' && terms[found.next]?.w !== 'or') break;
      at = found.next + 1;
    }
  }
}
