// "used by the employees of the club, including the coaches and the scouts", "staff of a hotel,
// such as cleaners and receptionists": the people or things listed after "including" are some of
// the group named before it, so they belong to what that group is "of" as the group does.
import type { DraftEntity } from './draft';
import type { Analysis, NounPhrase } from './grammar';

interface IncludedRead {
  analysis: Analysis;
  entityIn: (phrase: NounPhrase | undefined) => DraftEntity | undefined;
  link: (child: DraftEntity, parent: DraftEntity) => void;
}

export function linkIncludedKinds({ analysis, entityIn, link }: IncludedRead): void {
  const { terms, phrases } = analysis;
  const k = terms.findIndex((t, i) => t.w === 'including' && /,\s*$/.test(terms[i - 1]?.post ?? ''));
  if (k < 0) return;
  // The group before the comma must be "X of Y": Y is what the listed ones belong to.
  const owner = phrases.find((p) => p.head === k - 1 && p.depth === 0);
  if (!owner || terms[owner.start - 1]?.w !== 'of' || !phrases.some((p) => p.head === owner.start - 2)) return;
  const whole = entityIn(owner);
  if (!whole || whole.name === 'User') return;
  for (const item of phrases) {
    if (item.start <= k || item.depth > 0) continue;
    if (/[;.!?]/.test(terms.slice(k, item.start).map((t) => t.post).join(''))) break;
    // ("the director of the club": a noun after "of" describes the item before it.)
    if (terms[item.start - 1]?.w === 'of') continue;
    const part = entityIn(item);
    if (part && part !== whole && part.name !== 'User') link(part, whole);
  }
}
