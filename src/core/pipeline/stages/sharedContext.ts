// The context every Claude stage shares, sent first and marked for prompt caching: the project
// conventions (stable across runs) and the spec (stable within a run). Later stages read both
// from the cache instead of paying for them again.
import type { ProjectSpec } from '../../../model/project/projectSpec';

export const CONVENTIONS = `You are a stage of Takoss, a generator of complete full-stack TypeScript projects.
Project conventions:
- backend/: Hono HTTP API, zod-validated input, Drizzle ORM over PGlite (dev, tests) or PostgreSQL (DATABASE_URL),
  SQL migrations, JWT (jose) + scrypt password hashes when the spec has auth, vitest tests calling app.request().
- frontend/: React 19 + Vite + react-router, a typed API client, list/detail/create/edit pages per entity,
  vitest + Testing Library component tests.
- HTTP contract: /api/<kebab-plural> collections with {items,total,page,pageSize}; /api/<route>/:id; errors as
  {error:{code,message,details?}}; auth at /api/auth/register|login|me.
- Every element of the spec keeps "sources": the indices of the requirement sentences it came from.
- Identifiers: entities PascalCase singular, fields camelCase, enum values lower_snake_case.
Answer only through the tool you are given; never add prose outside it.`;

export function specContext(spec: ProjectSpec): string {
  const numbered = spec.requirements.sentences.map((s) => `[${s.id}] ${s.text}${spec.ignoredSentences.includes(s.id) ? ' (ignored by the user: build nothing for it)' : ''}`).join('\n');
  const { requirements: _requirements, ...model } = spec;
  return `Requirement sentences:\n${numbered}\n\nCurrent project spec (JSON):\n${JSON.stringify(model)}`;
}
