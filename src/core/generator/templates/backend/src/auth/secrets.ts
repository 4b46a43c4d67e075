// What counts as a usable secret or password, and where development keeps its signing secret.
// No secret is ever written in the source: production brings its own, development creates a
// random one on first run (in a git-ignored file, readable only by its owner), tests make a new
// one per run.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export const MIN_SECRET_LENGTH = 32;
export const MIN_PASSWORD_LENGTH = 12;
/** Relative to the backend folder, next to the embedded database; `.data/` is git-ignored. */
export const DEV_SECRET_FILE = '.data/jwt-secret';
export const HOW_TO_CREATE_SECRET = 'create one with `openssl rand -base64 48`';

/** Values copied from examples and docs rather than chosen (e.g. `change-me`). */
const PLACEHOLDER = /change[-_. ]?me|replace[-_. ]?me|placeholder|not[-_. ]?for[-_. ]?production|^(secret|password)\d*$/i;
/** Fewer distinct characters than this is a pattern, not a random value (`aaaa…`, `1212…`). */
const MIN_DISTINCT_CHARACTERS = 10;

/** Why a JWT signing secret is unusable, or undefined when it is fine. */
export function secretProblem(secret: string): string | undefined {
  if (PLACEHOLDER.test(secret)) return `is a placeholder, not a secret: ${HOW_TO_CREATE_SECRET}`;
  if (secret.length < MIN_SECRET_LENGTH) return `must be at least ${MIN_SECRET_LENGTH} characters: ${HOW_TO_CREATE_SECRET}`;
  if (new Set(secret).size < MIN_DISTINCT_CHARACTERS) return `is too repetitive to be secret: ${HOW_TO_CREATE_SECRET}`;
  return undefined;
}

/** Why a configured account password (admin, example accounts) is too weak, or undefined. */
export function passwordProblem(password: string): string | undefined {
  if (PLACEHOLDER.test(password)) return 'is a placeholder: choose a real password';
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (new Set(password).size < 5) return 'is too repetitive: choose a real password';
  return undefined;
}

export function randomSecret(): string {
  return randomBytes(48).toString('base64');
}

function readSecretFile(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * The development signing secret: read from DEV_SECRET_FILE, or created there on first run, so
 * sign-ins survive restarts. Never used in production (env.ts requires JWT_SECRET there).
 */
export function developmentSecret(file = DEV_SECRET_FILE): string {
  const existing = readSecretFile(file);
  if (existing !== undefined) {
    const problem = secretProblem(existing);
    if (problem) throw new Error(`The development secret in ${file} ${problem}; delete the file to get a new one.`);
    return existing;
  }
  const secret = randomSecret();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  try {
    // 'wx': when two processes start at once, the second reads the first one's secret.
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return developmentSecret(file);
    throw error;
  }
  console.log(`Created a random development JWT secret in ${file} (git-ignored). Set JWT_SECRET to use your own.`);
  return secret;
}
