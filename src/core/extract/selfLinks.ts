// Links of a record to others of its own kind, which every other pattern leaves out (a record is
// never linked to itself there): "some airlines are related to each other", "the coaching
// relationship between employees is tracked". Each is a many-to-many of the record with itself.
import type { DraftEntity } from './draft';
import type { Analysis, NounPhrase } from './grammar';

export interface SelfLinkRead {
  analysis: Analysis;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  /** Links the record to others of its kind. */
  linkSelf: (record: DraftEntity) => void;
}

/** Cheap test on the sentence's plain text before reading its words. */
const MAY_LINK_SELF = /\b(?:each other|one another)\b|\brelation(?:ship)?s? between\b/;
const RELATED = /^(?:related|linked|connected)$/;
const RELATION = /^(?:relation|relationship)s?$/;

/** "Xs are (often) related to each other": the plural subject of the be-verb before "related". */
function relatedToEachOther(read: SelfLinkRead, i: number): DraftEntity | undefined {
  const { terms, phrases } = read.analysis;
  if (!RELATED.test(terms[i].w) || terms[i + 1]?.w !== 'to' || !/^(?:each other|one another)$/.test(`${terms[i + 2]?.w} ${terms[i + 3]?.w}`)) return undefined;
  let k = i - 1;
  while (k >= 0 && (terms[k].pos === 'adv' || /^(?:often|also|sometimes|usually)$/.test(terms[k].w))) k--;
  if (!/^(?:are|were|be|can|may)$/.test(terms[k]?.w ?? '')) return undefined;
  const subject = phrases.find((p) => p.head === k - 1);
  return subject?.plural ? read.entityIn(subject) : undefined;
}

/** "the (coaching) relationship between employees": one plural record after "between", not "between X and Y". */
function relationBetween(read: SelfLinkRead, i: number): DraftEntity | undefined {
  const { terms, phrases } = read.analysis;
  if (!RELATION.test(terms[i].w) || terms[i + 1]?.w !== 'between') return undefined;
  const phrase = phrases.find((p) => p.start > i + 1 && p.start <= i + 3);
  if (!phrase?.plural || /^(?:and|or)$/.test(terms[phrase.head + 1]?.w ?? '')) return undefined;
  return read.entityIn(phrase);
}

export function linkSelves(read: SelfLinkRead, plain: string): void {
  if (!MAY_LINK_SELF.test(plain)) return;
  const { terms } = read.analysis;
  for (let i = 0; i < terms.length; i++) {
    const record = relatedToEachOther(read, i) ?? relationBetween(read, i);
    if (record && record.name !== 'User') read.linkSelf(record);
  }
}
