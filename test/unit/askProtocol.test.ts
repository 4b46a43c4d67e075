// The messages of "Ask about this project" (issue #16): what the host accepts from the webview and
// what the webview accepts from the host; anything else is refused before a handler sees it.
import * as assert from 'node:assert/strict';
import { parseHostToWebview, parseWebviewToHost } from '../../src/model/protocol';

const answer = { kind: 'rule', source: 'trace', summary: 'One rule.', points: [{ text: 'capacity', links: [{ path: 'backend/src/rules/x.ts', line: 3 }] }] };

describe('protocol: Ask about this project', () => {
  it('accepts the webview’s ask messages', () => {
    for (const message of [
      { type: 'askAboutRun', runId: 'run-1' },
      { type: 'askQuestion', requestId: 'q1', question: 'where is the capacity rule enforced?' },
      { type: 'openAnswerLink', link: { path: 'README.md' } },
      { type: 'openAnswerLink', link: { path: 'backend/src/app.ts', line: 40 } },
      { type: 'reviewAskedChange', text: 'add a due date to tasks' },
    ]) {
      const parsed = parseWebviewToHost(message);
      assert.ok(parsed.ok, `${message.type}: ${parsed.ok ? '' : parsed.error}`);
    }
  });

  it('refuses a malformed question, link or change, saying what is wrong', () => {
    const cases: [unknown, RegExp][] = [
      [{ type: 'askQuestion', requestId: 'q1', question: '   ' }, /question: Ask a question first/],
      [{ type: 'askQuestion', requestId: 'q1', question: 'x'.repeat(2001) }, /question/],
      [{ type: 'askQuestion', question: 'why?' }, /requestId/],
      [{ type: 'openAnswerLink', link: { path: '' } }, /link\.path/],
      [{ type: 'openAnswerLink', link: { path: 'a.ts', line: 0 } }, /link\.line/],
      [{ type: 'openAnswerLink', link: { path: 'a.ts', line: 1.5 } }, /link\.line/],
      [{ type: 'openAnswerLink', path: 'a.ts' }, /link/],
      [{ type: 'reviewAskedChange', text: '' }, /text/],
      [{ type: 'askAboutRun' }, /runId/],
    ];
    for (const [message, reason] of cases) {
      const parsed = parseWebviewToHost(message);
      assert.equal(parsed.ok, false, JSON.stringify(message));
      if (!parsed.ok) assert.match(parsed.error, reason);
    }
  });

  it('the webview accepts startAsk and askAnswered, and refuses an answer that is not one', () => {
    assert.ok(parseHostToWebview({ type: 'startAsk', project: { folder: 'apps/events', title: 'Events' } }).ok);
    assert.ok(parseHostToWebview({ type: 'askAnswered', replyTo: 'q1', answer }).ok);
    assert.ok(parseHostToWebview({ type: 'askAnswered', replyTo: 'q1', error: 'no manifest' }).ok);
    const bad = parseHostToWebview({ type: 'askAnswered', replyTo: 'q1', answer: { ...answer, kind: 'gossip' } });
    assert.equal(bad.ok, false);
    if (!bad.ok) assert.match(bad.error, /answer\.kind/);
  });
});
