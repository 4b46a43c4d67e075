// The three-way merge of one text file: base = what Takoss generated last time, ours = the file on
// disk now, theirs = the new generation. Lines are merged by node-diff3 (diff3 regions); a region
// both sides changed differently is written between standard conflict markers, which VS Code's
// conflict lens and merge editor recognise. A file the user's tools turned to CRLF line endings
// (git's autocrlf on Windows) is merged by its lines and keeps its CRLF endings.
import { diff3Merge } from 'node-diff3';

export const CONFLICT_START = '<<<<<<< yours';
export const CONFLICT_SEPARATOR = '=======';
export const CONFLICT_END = '>>>>>>> takoss';

export type TextMerge = { clean: true; content: string } | { clean: false; content: string; conflicts: number };

/** Lines with their endings ('' has none; a last line without a newline stays one). */
function lines(text: string): string[] {
  return text ? text.split(/(?<=\n)/) : [];
}

/** Whether every line break of `text` is CRLF (and it has one). */
export function usesCrlf(text: string): boolean {
  const breaks = text.split('\n').length - 1;
  return breaks > 0 && text.split('\r\n').length - 1 === breaks;
}

export const toLf = (text: string): string => text.replace(/\r\n/g, '\n');
const toCrlf = (text: string): string => text.replace(/\r?\n/g, '\r\n');

/**
 * What the user's file is, seen in the generator's line endings: ours with LF endings when the user's
 * side converted them all to CRLF and the generated base has none; ours otherwise.
 */
export function inBaseEndings(ours: string, base: string): { text: string; crlf: boolean } {
  const crlf = usesCrlf(ours) && !base.includes('\r');
  return { text: crlf ? toLf(ours) : ours, crlf };
}

/** `text` in the user's line endings (CRLF when `crlf`). */
export const inUserEndings = (text: string, crlf: boolean): string => (crlf ? toCrlf(text) : text);

const withNewline = (text: string): string => (text === '' || text.endsWith('\n') ? text : text + '\n');

/** Merges theirs into ours against base; conflicting regions hold both sides between markers. */
export function mergeText(base: string, ours: string, theirs: string): TextMerge {
  const user = inBaseEndings(ours, base);
  let content = '';
  let conflicts = 0;
  for (const region of diff3Merge(lines(user.text), lines(base), lines(theirs))) {
    if (!region.conflict) {
      content += (region.ok ?? []).join('');
      continue;
    }
    conflicts++;
    const [mine, generated] = [region.conflict.a.join(''), region.conflict.b.join('')];
    // A side's last line may lack a newline (end of file): a marker always starts a line.
    content = withNewline(content) + `${CONFLICT_START}\n${withNewline(mine)}${CONFLICT_SEPARATOR}\n${withNewline(generated)}${CONFLICT_END}\n`;
  }
  content = inUserEndings(content, user.crlf);
  return conflicts ? { clean: false, content, conflicts } : { clean: true, content };
}

