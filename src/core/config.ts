// The `takoss.*` settings as one zod schema. The VS Code adapter and the CLI both read raw values
// and pass them through here, so a hand-edited settings.json gets a clear message, not a crash.
import * as z from 'zod';

export const ProviderId = z.enum(['offline', 'anthropic']);
export type ProviderId = z.infer<typeof ProviderId>;

const FORBIDDEN_IN_FOLDER_NAME = /[/\\:*?"<>|\u0000-\u001f]/;

export const TakossSettings = z.object({
  provider: ProviderId.default('offline'),
  model: z.string().trim().min(1).max(200).default('claude-sonnet-5-5'),
  maxConcurrentStages: z.number().int().min(1).max(16).default(4),
  budgetPerRunUsd: z.number().min(0).max(1000).default(2),
  outputFolderPattern: z
    .string()
    .max(200)
    .refine((p) => p.includes('${projectName}'), 'must contain ${projectName}')
    .refine((p) => !FORBIDDEN_IN_FOLDER_NAME.test(p.replaceAll('${projectName}', '').replaceAll('${date}', '')), {
      message: 'must not contain path separators or characters that are invalid in folder names',
    })
    .default('${projectName}'),
  /** Learning keeps trying every prompt variant now and then (Thompson sampling); off: always the best so far. */
  learningExplore: z.boolean().default(true),
  /** Claude models learning may choose between per stage (with takoss.model); empty: always takoss.model. */
  learningModels: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
});
export type TakossSettings = z.infer<typeof TakossSettings>;

export const DEFAULT_SETTINGS: TakossSettings = TakossSettings.parse({});

export interface SettingsResult {
  settings: TakossSettings;
  /** One human-readable line per setting that was invalid and fell back to its default. */
  warnings: string[];
}

/**
 * Reads raw settings leniently: each invalid value is replaced by its default and reported,
 * so one typo does not disable the whole extension.
 */
export function readSettings(raw: Record<string, unknown>): SettingsResult {
  const warnings: string[] = [];
  const shape = TakossSettings.shape;
  const settings: Record<string, unknown> = {};
  for (const key of Object.keys(shape) as (keyof typeof shape)[]) {
    const value = raw[key];
    const parsed = shape[key].safeParse(value);
    if (parsed.success) {
      settings[key] = parsed.data;
    } else {
      settings[key] = DEFAULT_SETTINGS[key];
      const reason = parsed.error.issues[0]?.message ?? 'invalid';
      warnings.push(`takoss.${key}: ${JSON.stringify(value)} is not valid (${reason}); using ${JSON.stringify(DEFAULT_SETTINGS[key])}`);
    }
  }
  return { settings: settings as TakossSettings, warnings };
}

/** Expands the output folder pattern for a project name and date. */
export function outputFolderName(pattern: string, projectName: string, date = new Date()): string {
  const day = date.toISOString().slice(0, 10);
  return pattern.replaceAll('${projectName}', projectName).replaceAll('${date}', day);
}
