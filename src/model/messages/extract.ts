// Reading the requirements (step 1 -> 2) reports how far it got and can be cancelled: a long paste
// takes seconds, and the user should see what is happening and be able to stop it (issue #17).
import * as z from 'zod';
import { RequestId } from './common';

/** What the host is doing for an extract request, in order. */
export const ExtractStep = z.enum(['reading', 'model', 'forecast']);
export type ExtractStep = z.infer<typeof ExtractStep>;

/**
 * Host -> webview, while an extract request runs. Names its request in `requestId` (not `replyTo`:
 * it is not the reply). `done` of `total` counts sentences in the reading step; other steps have no count.
 */
export const ExtractProgress = z.object({
  type: z.literal('extractProgress'),
  requestId: RequestId,
  step: ExtractStep,
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type ExtractProgress = z.infer<typeof ExtractProgress>;

/** Webview -> host: stop the extract request with this id; the host then answers it with nothing. */
export const CancelExtractRequest = z.object({ type: z.literal('cancelExtract'), requestId: RequestId });

/**
 * Webview -> host, while the user is on the form: the requirements as they stand, so the host can
 * read a long text ahead (tag its sentences) before "Review the data model" is pressed. Nothing is
 * answered; the webview sends it a moment after the text stops changing, and only for long texts.
 */
/** Shorter texts are read in well under a tenth of a second when asked for: the webview does not send them ahead. */
export const READ_AHEAD_MIN_CHARS = 3000;

export const ReadAheadRequest = z.object({ type: z.literal('readAhead'), requirements: z.string().max(200_000) });
