// Which noun a subject pronoun may stand for: "tests can be combined on one requisition if they belong to a
// group" is said of the tests (many), not of the requisition named last; "the attendee indicates whether
// they will attend" is said of the attendee (one person, "they" for him or her).
import { isPersonRoleWord } from './roles';

/** Whether "they" or "it" may stand for a noun phrase with this head word: "they" for many or for one person, "it" for one thing. */
export function pronounMayStandFor(pronoun: 'they' | 'it', plural: boolean, headWord: string): boolean {
  return pronoun === 'they' ? plural || isPersonRoleWord(headWord) : !plural;
}
