// The most one Messages request can cost, from what is known before sending it: its body and its
// output allowance. Claude's tokenizer gives every token at least one byte, so a request counts at
// most one input token per byte of its body; the API adds the tool-use system prompt and message
// framing (a few hundred tokens) on top. Input is priced at the dearest input rate (a cache write),
// since any of it may be written to the cache.
import { priceFor } from './models';

/** Tokens the API adds to a tool-use request beyond its body (tool-use system prompt, framing), with room to spare. */
export const REQUEST_OVERHEAD_TOKENS = 1000;

/** The most a request whose JSON body is `bodyBytes` long, answering with up to `maxOutputTokens`, can cost. */
export function worstRequestUsd(model: string, bodyBytes: number, maxOutputTokens: number): number {
  const { price } = priceFor(model);
  const inputPerMTok = Math.max(price.inputPerMTok, price.cacheWritePerMTok, price.cacheReadPerMTok);
  const usd = ((bodyBytes + REQUEST_OVERHEAD_TOKENS) * inputPerMTok + maxOutputTokens * price.outputPerMTok) / 1_000_000;
  // Rounded up to the micro-dollar the costs are counted in, never down.
  return Math.ceil(usd * 1e6) / 1e6;
}
