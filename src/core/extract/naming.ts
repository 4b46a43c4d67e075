// Project name and title from the first sentence ("Blog with auth and posts." -> "Blog").
import { kebabCase } from '../../model/project/naming';
import { plainOf, type SentenceInfo } from './sentences';

const CUT = /\s(?:for|with|that|which|where|using|in|is|are|allows?|lets?|to|where|so|built|written|provides?|should|must|can|will|has|have|enables?|supports?|exposes?|-|–|—)\s|[:.;!?,(]|\s-\s/;
/** Section headings that say nothing about the app. */
const SECTION = /^(?:introduction|overview|functionality|features?|summary|goals?|background|description|requirements|user stories|general|about|contents?|table of contents|purpose|scope)$/i;

const GENERIC = new Set(['server', 'api', 'app', 'application', 'system', 'service', 'website', 'site', 'tool', 'program', 'backend', 'project', 'platform']);

export function deriveTitle(sentences: SentenceInfo[], projectName?: string): string {
  if (projectName && /[A-Za-z]/.test(projectName)) return projectName.replace(/\s+/g, ' ').trim().slice(0, 100);
  const first = sentences.find((s) => /[a-z]/i.test(s.text) && !SECTION.test(plainOf(s.text).replace(/^[#\s]+/, '')));
  if (!first) return 'Untitled app';
  let text = plainOf(first.text).replace(/^[#>\s]+/, '');
  text = text.replace(/^(?:please\s+)?(?:create|build|make|write|develop|design|implement)\s+/, '');
  text = text.replace(/^(?:a|an|the|my|our)\s+/, '');
  const cut = CUT.exec(` ${text}`);
  if (cut && cut.index > 0) text = ` ${text}`.slice(0, cut.index).trim();
  let words = text.split(/\s+/).filter((w) => /[a-z0-9]/.test(w)).slice(0, 6);
  // "The server is designed for a Recipe Sharing App": a generic subject, so use the named app.
  if (words.length <= 2 && GENERIC.has(words[words.length - 1] ?? '')) {
    const named = /\b((?:[A-Za-z0-9'-]+\s+){1,3}(?:app|application|site|website|system|platform|tracker|manager|store|shop|forum|blog))\b/i.exec(first.text);
    if (named) words = plainOf(named[1]).split(/\s+/).filter((w) => !/^(?:a|an|the|for|of|simple|small|new|basic|web|to|support|designed)$/.test(w));
  }
  const title = words.join(' ').replace(/[^a-z0-9 '&/-]/g, '').trim();
  if (!/[a-z]/.test(title)) return 'Untitled app';
  return (title[0].toUpperCase() + title.slice(1)).slice(0, 100);
}

export function deriveName(title: string): string {
  let name = kebabCase(title.normalize('NFKD').replace(/[^A-Za-z0-9 ]+/g, ' '));
  if (!/^[a-z]/.test(name)) name = `app-${name}`;
  name = name.slice(0, 50).replace(/-+$/, '');
  return /^[a-z][a-z0-9-]{0,49}$/.test(name) ? name : 'app';
}

/**
 * The spec named as the user asked: a spec extracted before the name was known (a draft extracted
 * ahead) gets the title and name extractSpec would have given it with `projectName`.
 */
export function withProjectName<T extends { title: string; name: string }>(spec: T, projectName: string | undefined): T {
  if (!projectName || !/[A-Za-z]/.test(projectName)) return spec;
  const title = deriveTitle([], projectName);
  return { ...spec, title, name: deriveName(title) };
}
