// "Ask about this project": the host's startAsk opens the conversation on a project; each question
// is answered by the host (from the project's trace) and added to the exchange. Kept across webview
// reloads; asking about the same project again returns to its conversation.
import { useCallback, useEffect } from 'react';
import type { Answer } from '../../../src/model/ask/answer';
import type { AskTarget } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';
import { usePersistentState } from '../usePersistentState';

/** One question and what came back: the answer, why there is none, or nothing yet. */
export interface Exchange {
  id: number;
  question: string;
  answer?: Answer;
  error?: string;
  /** Claude's text so far, while its answer streams. */
  streamed?: string;
}

export interface Conversation {
  project: AskTarget;
  exchanges: Exchange[];
  /** Shown in the panel (closing keeps it for the next "Ask about this project" on the same folder). */
  open: boolean;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function useAsk(bridge: Bridge) {
  const [conversation, setConversation] = usePersistentState<Conversation | undefined>(bridge, 'ask', undefined);

  useEffect(
    () =>
      bridge.onMessage((message) => {
        if (message.type === 'startAsk') {
          setConversation((previous) => ({
            project: message.project,
            exchanges: previous?.project.folder === message.project.folder ? previous.exchanges : [],
            open: true,
          }));
        } else if (message.type === 'askAnswerText') {
          // One question at a time (the box waits for the answer): the text belongs to the open exchange.
          setConversation(
            (previous) =>
              previous && {
                ...previous,
                exchanges: previous.exchanges.map((exchange, index, all) =>
                  index === all.length - 1 && !exchange.answer && !exchange.error ? { ...exchange, streamed: (exchange.streamed ?? '') + message.text } : exchange,
                ),
              },
          );
        } else if (message.type === 'startChange') {
          // "Review this change…" (or Change This Project…) takes the panel: the conversation waits.
          setConversation((previous) => previous && { ...previous, open: false });
        }
      }),
    [bridge, setConversation],
  );

  const settle = useCallback(
    (id: number, outcome: Pick<Exchange, 'answer' | 'error'>) =>
      setConversation((previous) => previous && { ...previous, exchanges: previous.exchanges.map((exchange) => (exchange.id === id ? { ...exchange, ...outcome } : exchange)) }),
    [setConversation],
  );

  const ask = useCallback(
    async (question: string) => {
      const id = Date.now() + Math.random();
      setConversation((previous) => previous && { ...previous, exchanges: [...previous.exchanges, { id, question }] });
      try {
        const reply = await bridge.askQuestion(question);
        settle(id, reply.answer ? { answer: reply.answer } : { error: reply.error ?? 'Takoss gave no answer.' });
      } catch (error) {
        settle(id, { error: errorText(error) });
      }
    },
    [bridge, setConversation, settle],
  );

  const close = useCallback(() => setConversation((previous) => previous && { ...previous, open: false }), [setConversation]);

  return { conversation: conversation?.open ? conversation : undefined, ask, close };
}

export type AskApi = ReturnType<typeof useAsk>;
