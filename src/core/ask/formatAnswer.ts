// An answer as plain text (the CLI; a log): the summary, then each point with its links as
// `path:line`, which terminals and editors open at the line.
import type { Answer, FileLink } from '../../model/ask/answer';

export const linkText = (link: FileLink) => (link.line ? `${link.path}:${link.line}` : link.path);

export function formatAnswer(answer: Answer): string {
  const lines = [answer.summary];
  for (const point of answer.points) {
    lines.push(`  - ${point.text}`);
    for (const link of point.links) lines.push(`      ${linkText(link)}`);
  }
  if (answer.change) lines.push('', `To make this change: takoss update --project <this project> --change ${JSON.stringify(answer.change.text)} (add --dry-run to see it first).`);
  return lines.join('\n');
}
