// Syntax highlighting for the read-only code viewer: highlight.js core with only the languages a
// generated project contains (keeps the bundle small). Its output escapes the source text, so the
// HTML is safe to insert; colours come from VS Code theme variables in styles.css.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import dockerfile from 'highlight.js/lib/languages/dockerfile';
import ini from 'highlight.js/lib/languages/ini';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import markdown from 'highlight.js/lib/languages/markdown';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import yaml from 'highlight.js/lib/languages/yaml';

const LANGUAGES = { bash, css, dockerfile, ini, javascript, json, markdown, sql, typescript, xml, yaml };
for (const [name, language] of Object.entries(LANGUAGES)) hljs.registerLanguage(name, language);

/** Above this many characters the viewer shows plain text: highlighting would stall the panel. */
export const MAX_HIGHLIGHT_CHARS = 200_000;

export function languageFor(path: string): string | undefined {
  const name = path.split('/').pop() ?? path;
  if (name === 'Dockerfile' || name.endsWith('.Dockerfile')) return 'dockerfile';
  if (name.startsWith('.env')) return 'ini';
  const extension = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  const byExtension: Record<string, string> = {
    ts: 'typescript',
    tsx: 'typescript',
    mts: 'typescript',
    js: 'javascript',
    mjs: 'javascript',
    cjs: 'javascript',
    jsx: 'javascript',
    json: 'json',
    sql: 'sql',
    yml: 'yaml',
    yaml: 'yaml',
    md: 'markdown',
    css: 'css',
    html: 'xml',
    svg: 'xml',
    xml: 'xml',
    sh: 'bash',
    conf: 'ini',
    toml: 'ini',
  };
  return byExtension[extension];
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** HTML for the viewer: highlighted when the language is known and the file is not huge. */
export function highlightedHtml(path: string, content: string): { html: string; language?: string } {
  const language = languageFor(path);
  if (!language || content.length > MAX_HIGHLIGHT_CHARS) return { html: escapeHtml(content) };
  return { html: hljs.highlight(content, { language, ignoreIllegals: true }).value, language };
}
