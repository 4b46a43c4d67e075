// What both directions of the host<->webview protocol share: its version, size limit, ids and host facts.
import * as z from 'zod';

/** Bumped when a message changes incompatibly; the webview announces the version it speaks. */
export const PROTOCOL_VERSION = 1;

/** The most any single message may weigh once serialised; bigger ones are refused. */
export const MAX_MESSAGE_CHARS = 4 * 1024 * 1024;

export const RequestId = z.string().min(1).max(64);
export const ShortText = z.string().max(2000);

export const HostInfo = z.object({
  vscodeVersion: z.string().max(50),
  extensionVersion: z.string().max(50),
  uiKind: z.enum(['desktop', 'web']),
  workspaceTrusted: z.boolean(),
  workspaceFolders: z.number().int().min(0),
  provider: z.enum(['offline', 'anthropic']),
  model: z.string().max(200),
  /** Whether a Claude API key is in Secret Storage (the form offers Claude only then). */
  hasApiKey: z.boolean().default(false),
});
export type HostInfo = z.infer<typeof HostInfo>;
