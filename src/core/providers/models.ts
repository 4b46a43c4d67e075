// Claude models Takoss knows and what they cost, in one table (USD per million tokens, from
// Anthropic's pricing page, November 2026). Cache writes use the 5-minute TTL price.
import type { Usage } from '../../model/run/events';

export interface ModelPrice {
  inputPerMTok: number;
  outputPerMTok: number;
  cacheWritePerMTok: number;
  cacheReadPerMTok: number;
}

function price(input: number, output: number, cacheReadMultiplier = 0.1): ModelPrice {
  return { inputPerMTok: input, outputPerMTok: output, cacheWritePerMTok: input * 1.25, cacheReadPerMTok: input * cacheReadMultiplier };
}

export const DEFAULT_MODEL = 'claude-sonnet-5-5';

export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-fable-5-1': price(10, 50, 0.025),
  'claude-fable-5': price(10, 50),
  'claude-opus-5-5': price(4, 20, 0.05),
  'claude-opus-5': price(5, 25),
  'claude-opus-4-8': price(5, 25),
  'claude-opus-4-7': price(5, 25),
  'claude-opus-4-6': price(5, 25),
  'claude-opus-4-5': price(5, 25),
  'claude-opus-4-1': price(15, 75),
  'claude-sonnet-5-5': price(2, 10, 0.05),
  'claude-sonnet-5': price(2, 10),
  'claude-sonnet-4-6': price(3, 15),
  'claude-sonnet-4-5': price(3, 15),
  // Haiku 5.5 is cheaper still for prompts up to 100k tokens; Takoss counts the higher tier.
  'claude-haiku-5-5': price(0.5, 2.5),
  'claude-haiku-4-5': price(1, 5),
};

/** Unknown models are priced like the most expensive known one, so a budget is never undercounted. */
export const FALLBACK_PRICE: ModelPrice = Object.values(MODEL_PRICES).reduce((worst, p) => (p.outputPerMTok > worst.outputPerMTok ? p : worst));

export function priceFor(model: string): { price: ModelPrice; known: boolean } {
  const exact = MODEL_PRICES[model];
  if (exact) return { price: exact, known: true };
  // Dated snapshots such as claude-sonnet-4-5-20250929 share their family's price.
  const family = Object.keys(MODEL_PRICES).find((name) => model.startsWith(`${name}-`));
  return family ? { price: MODEL_PRICES[family], known: true } : { price: FALLBACK_PRICE, known: false };
}

export function costUsd(model: string, usage: Omit<Usage, 'costUsd'>): number {
  const { price: p } = priceFor(model);
  const cost =
    (usage.inputTokens * p.inputPerMTok +
      usage.outputTokens * p.outputPerMTok +
      (usage.cacheWriteTokens ?? 0) * p.cacheWritePerMTok +
      (usage.cacheReadTokens ?? 0) * p.cacheReadPerMTok) /
    1_000_000;
  return Math.round(cost * 1e6) / 1e6;
}
