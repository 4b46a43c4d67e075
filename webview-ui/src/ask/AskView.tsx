// "Ask about this project": the conversation about one generated project. Each answer shows its
// summary and points; a point's links are buttons (path:line) that open the file in the editor at
// that line, and a change the question asked for is a button that opens it for review in Change
// This Project…. All text is rendered by React (escaped); the host reads the files, never the view.
import { VscodeButton, VscodeTextfield } from '@vscode-elements/react-elements';
import { useState } from 'react';
import type { Answer, FileLink } from '../../../src/model/ask/answer';
import type { Bridge } from '../bridge';
import { valueOf } from '../elementEvents';
import type { AskApi, Conversation, Exchange } from './useAsk';

const linkLabel = (link: FileLink) => (link.line ? `${link.path}:${link.line}` : link.path);

function AnswerBody({ answer, bridge }: { answer: Answer; bridge: Bridge }) {
  // A change's lines are listed once, with its Review button (the answer also has them as points).
  const points = answer.change ? answer.points.filter((point) => !answer.change!.wouldDo.includes(point.text)) : answer.points;
  return (
    <div className="ask-answer" data-testid="ask-answer" data-kind={answer.kind}>
      <p data-testid="ask-summary">{answer.summary}</p>
      {answer.note && (
        <p className="muted" data-testid="ask-note">
          {answer.note}
        </p>
      )}
      {points.length > 0 && (
        <ul className="ask-points">
          {points.map((point, index) => (
            <li key={index} data-testid="ask-point">
              <span>{point.text}</span>
              {point.links.map((link) => (
                <button type="button" className="link ask-link" key={linkLabel(link)} onClick={() => bridge.openAnswerLink(link)} data-testid="ask-link">
                  {linkLabel(link)}
                </button>
              ))}
            </li>
          ))}
        </ul>
      )}
      {answer.change && (
        <div className="ask-change" data-testid="ask-change">
          {answer.change.wouldDo.length > 0 && (
            <ul>
              {answer.change.wouldDo.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
          <VscodeButton secondary onClick={() => bridge.reviewAskedChange(answer.change!.text)} data-testid="ask-review-change">
            Review this change…
          </VscodeButton>
        </div>
      )}
      {answer.source === 'claude' && (
        <p className="muted" data-testid="ask-cost">
          Answered by Claude from the project’s files{answer.costUsd !== undefined ? `, $${answer.costUsd.toFixed(4)}` : ''}.
        </p>
      )}
    </div>
  );
}

function ExchangeItem({ exchange, bridge }: { exchange: Exchange; bridge: Bridge }) {
  return (
    <li className="ask-exchange" data-testid="ask-exchange">
      <p className="ask-question" data-testid="ask-question">
        {exchange.question}
      </p>
      {exchange.answer ? (
        <AnswerBody answer={exchange.answer} bridge={bridge} />
      ) : exchange.error ? (
        <p className="form-error" role="alert" data-testid="ask-error">
          {exchange.error}
        </p>
      ) : exchange.streamed ? (
        <p className="ask-streaming" data-testid="ask-streaming">
          {exchange.streamed}
        </p>
      ) : (
        <p className="muted" data-testid="ask-pending">
          Reading the project…
        </p>
      )}
    </li>
  );
}

/** The question box: Enter or the button sends it; one question at a time. */
function QuestionBox({ onAsk, disabled }: { onAsk: (question: string) => Promise<void>; disabled: boolean }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const question = text.trim();
    if (!question || busy || disabled) return;
    setBusy(true);
    setText('');
    try {
      await onAsk(question);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ask-box">
      <label htmlFor="ask-text" className="visually-hidden">
        Your question
      </label>
      <VscodeTextfield
        id="ask-text"
        data-testid="ask-text"
        value={text}
        maxlength={2000}
        placeholder='e.g. "where is the capacity rule enforced?", "what did you not implement?"'
        onInput={(event) => setText(valueOf(event))}
        onKeyDown={(event) => event.key === 'Enter' && void submit()}
      />
      <VscodeButton onClick={() => void submit()} disabled={disabled || busy || !text.trim()} data-testid="ask-send">
        {busy ? 'Asking…' : 'Ask'}
      </VscodeButton>
    </div>
  );
}

export function AskView({ conversation, api, bridge, disabled }: { conversation: Conversation; api: AskApi; bridge: Bridge; disabled: boolean }) {
  const { project, exchanges } = conversation;
  return (
    <section className="ask" aria-label="Ask about this project" data-testid="ask-view">
      <div className="change-banner">
        <span>
          Asking about <strong data-testid="ask-project">{project.title ?? project.folder}</strong> in <code>{project.folder}</code>: answers come from the
          project&apos;s own trace (its manifest, model and files).
        </span>
        <VscodeButton secondary onClick={api.close} data-testid="ask-close">
          Back
        </VscodeButton>
      </div>
      {exchanges.length > 0 && (
        <ol className="ask-exchanges" aria-live="polite">
          {exchanges.map((exchange) => (
            <ExchangeItem key={exchange.id} exchange={exchange} bridge={bridge} />
          ))}
        </ol>
      )}
      <QuestionBox onAsk={api.ask} disabled={disabled} />
    </section>
  );
}
