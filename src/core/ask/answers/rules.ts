// "Where is the capacity rule enforced?": the project's rules of the kinds (and on the entities)
// the question names, each with the files that enforce and test it, opened at the check itself.
import type { Answer, AnswerPoint, FileLink } from '../../../model/ask/answer';
import { describeRule } from '../../../model/project/edit';
import type { Rule } from '../../../model/project/projectSpec';
import { lineOf, openingLine, type LinePattern } from '../lines';
import type { Question, RuleKind } from '../question';
import type { ProjectTrace } from '../trace';
import { countOf } from '../../../model/count';
import { filesServing, listInWords } from './links';

const KIND_WORDS: Record<RuleKind, string> = {
  capacity: 'capacity',
  unique: 'uniqueness',
  noOverlap: 'no-overlap',
  ownership: 'ownership',
  roleRequired: 'role',
  statusWorkflow: 'status workflow',
  dateOrder: 'date order',
  refuseWhen: 'refusal',
};

/** Where a check stands in files that hold no rule marker (routes call the rules; access checks). */
const FALLBACK_LINES: Record<RuleKind, LinePattern[]> = {
  capacity: [/rules\.before/, /capacity/i],
  unique: [/rules\.before/, /\bunique\b/i],
  noOverlap: [/rules\.before/, /overlap/i],
  ownership: [/requireOwner\(/, /owner/i],
  roleRequired: [/requireRole\(/, /\broles?\b/i],
  statusWorkflow: [/rules\.before/, /status/i],
  dateOrder: [/rules\.before/],
  refuseWhen: [/rules\.before/, /refuse/i],
};

export function asksAboutRules(question: Question): boolean {
  return question.ruleKinds.length > 0 || question.words.some((word) => ['rule', 'enforce', 'enforced', 'validation', 'validate', 'check', 'constraint'].includes(word));
}

export async function answerRules(trace: ProjectTrace, question: Question): Promise<Answer | undefined> {
  const rules = trace.spec?.rules;
  if (!rules) return undefined;
  const ofKind = question.ruleKinds.length ? rules.filter((rule) => question.ruleKinds.includes(rule.kind)) : rules;
  const chosen = question.entities.length ? ofKind.filter((rule) => question.entities.includes(rule.entity)) : ofKind;
  if (!chosen.length) return noSuchRule(rules, question, trace.spec?.auth.kind === 'emailPassword');
  const points = await Promise.all(chosen.map((rule) => rulePoint(trace, rule)));
  const kinds = listInWords([...new Set(chosen.map((rule) => KIND_WORDS[rule.kind]))]);
  return {
    kind: 'rule',
    summary: `${countOf(chosen.length, `${kinds} rule`)} ${chosen.length === 1 ? 'is' : 'are'} enforced in the backend before any change is saved; each link opens the check (and its test).`,
    points,
    source: 'trace',
  };
}

async function rulePoint(trace: ProjectTrace, rule: Rule): Promise<AnswerPoint> {
  const files = filesServing(trace, (file) => file.serves.includes(`rule:${rule.kind}:${rule.entity}`));
  const links = await Promise.all(files.map((file) => ruleLink(trace, file.path, rule)));
  return { text: `${describeRule(rule)}.${links.length ? '' : ' No generated file is traced to it.'}`, links };
}

/** The link opens the check: its doc comment in the rules module, the test named after the rule kind, or where routes call it. */
export async function ruleLink(trace: ProjectTrace, path: string, rule: Rule): Promise<FileLink> {
  const text = await trace.read(path);
  if (text === undefined) return { path };
  if (/(^|\/)test\/|\.test\.[jt]sx?$/.test(path)) {
    const line = lineOf(text, [new RegExp(`\\bit\\(.*\\(${rule.kind}\\)`), `(${rule.kind})`]);
    return line ? { path, line } : { path };
  }
  const message = rule.kind === 'refuseWhen' ? [JSON.stringify(rule.message).slice(1, -1)] : [];
  const marker = lineOf(text, [...message, `rule: '${rule.kind}'`]);
  if (marker) return { path, line: openingLine(text, marker) };
  const line = lineOf(text, rule.kind === 'unique' && path.endsWith('.sql') ? [/\bUNIQUE\b/i] : FALLBACK_LINES[rule.kind]);
  return line ? { path, line: openingLine(text, line) } : { path };
}

function noSuchRule(rules: readonly Rule[], question: Question, signIn: boolean): Answer {
  if (!signIn && question.ruleKinds.some((kind) => kind === 'roleRequired' || kind === 'ownership')) {
    return {
      kind: 'rule',
      summary: 'This project has no sign-in, so it has no roles or owners: anyone who can reach its API may create, change and delete every record. Add sign-in as a change ("users sign in with email and password") to restrict it.',
      points: [],
      source: 'trace',
    };
  }
  const asked = question.ruleKinds.length ? `${listInWords(question.ruleKinds.map((kind) => KIND_WORDS[kind]))} rule` : 'rule';
  const on = question.entities.length ? ` on ${listInWords(question.entities)}` : '';
  return {
    kind: 'rule',
    summary: `This project has no ${asked}${on}.${rules.length ? ` Its rules are:` : ' It has no business rules at all.'}`,
    points: rules.map((rule) => ({ text: `${describeRule(rule)}.`, links: [] })),
    source: 'trace',
  };
}
