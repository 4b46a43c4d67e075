// What the passes will ask the tagger, tagged ahead in batches (a parse of many texts costs much
// less than one parse each): the sentences in both readings, the single words asked about, and the
// fragments the field-list readers ask about. extractSpec calls it for the whole text; the panel's
// extractWithProgress calls it a few sentences at a time, so the count it shows is real.
import { tagAhead } from './grammar';
import { tagListFragments } from './inlineLists';
import type { SentenceInfo } from './sentences';

export function readAhead(sentences: SentenceInfo[]): void {
  tagAhead(sentences.map((s) => s.text));
  tagListFragments(sentences);
}
