// The generated project's README: what the app does (entities, relations, auth, enforced rules),
// what was asked for but not built, and how to run, test and deploy it.
import { BACKEND_PORT, bootstrapAdminRole, FRONTEND_PORT } from '../contract';
import { entityNames, humanize, withArticle } from '../../../model/project/naming';
import type { Field, ProjectSpec, Rule } from '../../../model/project/projectSpec';
import { describeCondition } from '../../../model/project/ruleConditions';
import { fieldActionWords } from '../../../model/project/roleRules';
import { withMeaningDefaults } from '../fieldMeaning';
import { leftOutSections } from './leftOut';
import { ownerOnlyActions } from '../ownership';
import { markdownCode, markdownProse, markdownText } from '../emit';

/** "a doctor", "an appointment" (capitalised at the start of a sentence). */
const TYPE_NAMES: Record<Field['type'], string> = {
  string: 'text',
  text: 'long text',
  integer: 'whole number',
  decimal: 'decimal number',
  money: 'amount of money',
  boolean: 'yes/no',
  date: 'date',
  datetime: 'date and time',
  enum: 'one of',
  email: 'email address',
  url: 'web address',
};

function describeField(field: Field): string {
  const type = field.type === 'enum' ? `one of ${(field.enumValues ?? []).map((v) => `\`${v}\``).join(', ')}` : TYPE_NAMES[field.type];
  const notes = [field.required ? 'required' : 'optional'];
  if (field.unique) notes.push('unique');
  if (field.default !== undefined) notes.push(`default ${markdownCode(String(field.default), true)}`);
  if (field.min !== undefined) notes.push(`at least ${field.min}`);
  if (field.max !== undefined) notes.push(`at most ${field.max}`);
  return `| ${markdownText(field.label)} | \`${field.name}\` | ${type} | ${notes.join(', ')} |`;
}

function plural(spec: ProjectSpec, entityName: string): string {
  return markdownText((spec.entities.find((e) => e.name === entityName)?.pluralLabel ?? entityName).toLowerCase());
}

function actionsText(actions: readonly string[]): string {
  return actions.length > 1 ? `${actions.slice(0, -1).join(', ')} or ${actions[actions.length - 1]}` : actions[0];
}

/** "; only they (or an admin) may update or delete it" for an owned entity's owner-only actions. */
function ownerOnlyText(spec: ProjectSpec, entityName: string): string {
  const actions = ownerOnlyActions(spec, entityName);
  const admin = spec.auth.kind === 'emailPassword' && spec.auth.adminRole ? ` (or ${withArticle(spec.auth.adminRole)})` : '';
  return actions.length ? `; only they${admin} may ${actionsText(actions)} it` : '';
}

export function describeRule(spec: ProjectSpec, rule: Rule): string {
  switch (rule.kind) {
    case 'capacity': {
      const relation = rule.relation ? spec.relations.find((r) => r.from === rule.entity && r.name === rule.relation) : undefined;
      const parent = relation?.to ?? (rule.relation ? humanize(rule.relation) : undefined);
      const active = rule.activeWhenNull ? ` (counting only those whose \`${rule.activeWhenNull}\` is empty)` : '';
      // "per day of `date`": rows count together when that field falls in the same UTC day, week or month.
      const period = rule.period ? ` per ${rule.period.unit} of \`${rule.period.field}\`` : '';
      if (rule.capacityField && parent) {
        return `${withArticle(humanize(parent).toLowerCase(), true)} takes at most its \`${rule.capacityField}\` ${plural(spec, rule.entity)}${period}${active}; more are refused.`;
      }
      const scope = parent ? ` per ${humanize(parent).toLowerCase()}` : rule.period ? '' : ' in all';
      return `At most ${rule.limit} ${plural(spec, rule.entity)}${scope}${period}${active}; more are refused, also when a change moves one into a full ${rule.period ? rule.period.unit : 'place'}.`;
    }
    case 'unique':
      return `${rule.fields.map((f) => `\`${f}\``).join(' + ')} ${rule.fields.length > 1 ? 'are unique together' : 'is unique'} among ${plural(spec, rule.entity)}.`;
    case 'noOverlap':
      return `Two ${plural(spec, rule.entity)} of the same ${humanize(rule.scope).toLowerCase()} may not overlap in time (\`${rule.start}\` to ${
        rule.end ? `\`${rule.end}\`` : `\`${rule.start}\` + \`${rule.durationMinutesField}\` minutes`
      }).`;
    case 'ownership':
      return `Only the owner of ${withArticle(humanize(rule.entity).toLowerCase())}${
        spec.auth.kind === 'emailPassword' && spec.auth.adminRole ? ` (or ${withArticle(spec.auth.adminRole)})` : ''
      } may ${actionsText(rule.actions)} it.`;
    case 'roleRequired':
      if (rule.fields) return `Only ${rule.roles.map((r) => `\`${r}\``).join(' or ')} users may ${fieldActionWords(rule)} the ${rule.fields.map((f) => `\`${f}\``).join(', ')} of ${plural(spec, rule.entity)}; other users may still ${actionsText(rule.actions)} them.`;
      return `Only ${rule.roles.map((r) => `\`${r}\``).join(' or ')} users may ${actionsText(rule.actions)} ${plural(spec, rule.entity)}.`;
    case 'statusWorkflow':
      return `${humanize(rule.entity)} \`${rule.field}\` starts as \`${rule.initial}\` and may only change ${rule.transitions
        .map((t) => `\`${t.from}\` → \`${t.to}\``)
        .join(', ')}.`;
    case 'dateOrder':
      return `${withArticle(humanize(rule.entity).toLowerCase(), true)}'s \`${rule.later}\` must be ${rule.allowEqual ? 'on or after' : 'after'} its \`${rule.earlier}\`, also when only one of them changes.`;
    case 'refuseWhen': {
      const { condition } = rule;
      const parent = condition.relation ? spec.relations.find((r) => r.from === rule.entity && r.name === condition.relation)?.to : undefined;
      const owner = parent ?? rule.entity;
      const type = spec.entities.find((e) => e.name === owner)?.fields.find((f) => f.name === condition.field)?.type;
      const timed = type === 'date' || type === 'datetime';
      const words: Record<string, string> = {
        eq: 'is',
        ne: 'is not',
        lt: timed ? 'is before' : 'is less than',
        lte: timed ? 'is on or before' : 'is at most',
        gt: timed ? 'is after' : 'is more than',
        gte: timed ? 'is on or after' : 'is at least',
        isEmpty: 'is empty',
        notEmpty: 'is filled in',
        past: 'is in the past',
        future: 'is in the future',
      };
      // A margin ("up to 2 hours before") is worded by describeCondition: "is less than 2 hours away (or past)".
      if (condition.offset) words[condition.op] = describeCondition({ ...condition, relation: undefined, field: '' }).trim();
      const subject = parent ? `its ${humanize(condition.relation!).toLowerCase()}'s \`${condition.field}\`` : `its \`${condition.field}\``;
      const value = condition.value !== undefined ? ` ${markdownCode(String(condition.value))}` : '';
      const who = rule.exceptRoles ? `Only ${rule.exceptRoles.map((r) => `\`${r}\``).join(' or ')} users (and admins) may` : 'No one may';
      return `${who} ${actionsText(rule.actions)} ${withArticle(humanize(rule.entity).toLowerCase())} when ${subject} ${words[condition.op]}${value}: “${markdownText(rule.message)}”`;
    }
  }
}

export function generateReadme(stated: ProjectSpec): string {
  // Fields and rules as the app enforces them, with the defaults of fieldMeaning.ts.
  const spec = withMeaningDefaults(stated);
  return [
    ...introSection(spec),
    ...entitySections(spec),
    ...relationsSection(spec),
    ...signInSection(spec),
    ...rulesSection(spec),
    // What was left out: not understood, not implemented, ignored (see leftOut.ts).
    ...leftOutSections(spec),
    ...runSection(spec),
    ...testSection(spec),
    ...dockerSection(spec),
    ...layoutSection(spec),
  ].join('\n');
}

/** The title, the description and the requirements the project was generated from. */
function introSection(spec: ProjectSpec): string[] {
  const lines: string[] = [`# ${markdownText(spec.title)}`, ''];
  if (spec.description) lines.push(markdownProse(spec.description), '');
  lines.push(
    'Generated by Takoss from these requirements:',
    '',
    ...spec.requirements.sentences.map((s) => `> ${markdownText(s.text)}`),
    '',
    `A full-stack TypeScript app: a REST API in \`backend/\` (port ${BACKEND_PORT}, PostgreSQL) and a React web app in \`frontend/\` (port ${FRONTEND_PORT} in development).`,
    '',
  );
  return lines;
}

/** "What it manages": per entity its API path, pages, fields and owner. */
function entitySections(spec: ProjectSpec): string[] {
  const lines: string[] = ['## What it manages', ''];
  for (const entity of spec.entities) {
    const names = entityNames(entity.name);
    lines.push(`### ${markdownText(entity.pluralLabel)}`, '', `API: \`/api/${names.route}\` · pages: \`/${names.route}\``, '');
    if (entity.fields.length) {
      lines.push('| Field | Name | Type | Notes |', '| --- | --- | --- | --- |', ...entity.fields.map(describeField), '');
    }
    if (entity.ownerRelation) lines.push(`Each ${markdownText(entity.label.toLowerCase())} belongs to the user who created it (\`${entity.ownerRelation}\`)${ownerOnlyText(spec, entity.name)}.`, '');
  }
  return lines;
}

function relationsSection(spec: ProjectSpec): string[] {
  if (!spec.relations.length) return [];
  const lines: string[] = ['## Relations', ''];
  for (const relation of spec.relations) {
    const from = plural(spec, relation.from);
    if (relation.kind === 'belongsTo') {
      lines.push(
        `- ${withArticle(humanize(relation.from).toLowerCase(), true)} ${relation.required ? 'belongs to' : 'may belong to'} ${withArticle(humanize(relation.to).toLowerCase())} as \`${relation.name}\`; ${withArticle(humanize(relation.to).toLowerCase())} has many ${from} (\`${relation.inverseName}\`). Deleting the ${humanize(relation.to).toLowerCase()} ${
          relation.onDelete === 'cascade' ? 'deletes them' : relation.onDelete === 'setNull' ? 'clears the link' : 'is refused while they exist'
        }.`,
      );
    } else {
      lines.push(`- ${humanize(relation.from)} and ${humanize(relation.to)} are linked many-to-many (\`${relation.name}\` / \`${relation.inverseName}\`).`);
    }
  }
  lines.push('');
  return lines;
}

function signInSection(spec: ProjectSpec): string[] {
  const lines: string[] = ['## Sign-in and roles', ''];
  if (spec.auth.kind === 'emailPassword') {
    lines.push(
      `Users sign in with email and password${spec.auth.selfSignup ? ' and can register themselves' : '; accounts are created by an administrator or the seed script'}. Every page except login${
        spec.auth.selfSignup ? ' and registration' : ''
      } needs a signed-in user; the API expects \`Authorization: Bearer <token>\`.`,
      '',
      `Roles: ${spec.auth.roles.map((r) => `\`${r}\``).join(', ')}. New users get \`${spec.auth.defaultRole}\`.${
        spec.auth.adminRole ? ` \`${spec.auth.adminRole}\` may do everything.` : ''
      }`,
      '',
      `A user's email is private: the API shows it only to the user themselves${spec.auth.adminRole ? ` and to \`${spec.auth.adminRole}\` users` : ''}; others get the rest of the record.`,
      '',
    );
    lines.push(...secretsSection(spec));
  } else {
    lines.push('No sign-in: everyone who can reach the app can read and change all data. Put it behind your own access control before exposing it.', '');
  }
  return lines;
}

/** Where the signing secret comes from, and how the first admin is made (no fixed secret or password anywhere). */
function secretsSection(spec: ProjectSpec): string[] {
  const adminRole = bootstrapAdminRole(spec);
  const lines = [
    '### Secrets',
    '',
    'Sign-in tokens are signed with `JWT_SECRET`. In development you need not set it: the backend creates a random one on first run in `backend/.data/jwt-secret` (git-ignored, readable only by you); tests make a new one each run. In production (`NODE_ENV=production`) the backend refuses to start without one, and everywhere it refuses placeholders and secrets shorter than 32 characters. Create one with:',
    '',
    '```sh',
    'openssl rand -base64 48',
    '```',
    '',
    '`npm run seed` gives its example accounts (`user1@example.com`, ...) the password in `SEED_PASSWORD`, or a random one nobody knows when it is not set.',
    '',
  ];
  if (!adminRole) return lines;
  return [
    ...lines,
    '### The first admin',
    '',
    `Sign-up never makes \`${adminRole}\` accounts. Set \`ADMIN_EMAIL\` and \`ADMIN_PASSWORD\` (12+ characters) in \`backend/.env\`, or in \`.env\` for Docker, and start the backend: while no \`${adminRole}\` exists it creates that account, and later starts change nothing. An address that already belongs to an ordinary account is never promoted, and the password is never logged; you can remove it from \`.env\` once the account exists.`,
    '',
  ];
}

/** The business rules in words, and what Claude implemented on top of them (to review). */
function rulesSection(spec: ProjectSpec): string[] {
  const lines: string[] = ['## Rules the app enforces', ''];
  if (spec.rules.length) lines.push(...spec.rules.map((rule) => `- ${describeRule(spec, rule)}`), '');
  else lines.push('Only field validation (required fields, types, limits); no business rules were found in the requirements.', '');
  lines.push(
    'Field validation (in the API, in the forms and as database checks): required text must be more than spaces; numbers named as counts, amounts, prices, durations or sizes cannot be negative and capacities and limits are at least 1, unless the requirements set other limits (the field tables show each limit); an end, finish, until or due date comes after the start of the same record.',
    '',
  );
  if (spec.modelImplemented.length) {
    lines.push('## Implemented by Claude (please review)', '');
    lines.push('These requirements were implemented by Claude on top of the generated rules; their tests are in `backend/test/*.rules.test.ts`:', '');
    lines.push(...spec.modelImplemented.map((item) => `- “${markdownText(item.text)}” — ${markdownText(item.how)} (${item.files.map((f) => markdownCode(f)).join(', ')})`), '');
  }
  return lines;
}

/** How to install, seed and start it, and where the configuration lives. */
function runSection(spec: ProjectSpec): string[] {
  return [
    '## Run it',
    '',
    'Needs Node 20.19+. Development and tests use PGlite, an embedded PostgreSQL kept in `backend/.data/`: no database server to install.',
    '',
    '```sh',
    'npm install',
    'npm run seed                # optional: sample data' + (spec.auth.kind === 'emailPassword' ? ' (see Secrets for its accounts)' : ''),
    `npm run dev                 # API on http://localhost:${BACKEND_PORT}, app on http://localhost:${FRONTEND_PORT}`,
    '```',
    '',
    `The dev server proxies \`/api\` to the backend, so open http://localhost:${FRONTEND_PORT}.`,
    '',
    'To use a PostgreSQL server instead, set `DATABASE_URL` in the environment (see `backend/.env.example` for every variable); in production also set `NODE_ENV=production`' +
      (spec.auth.kind === 'emailPassword' ? ' and `JWT_SECRET` (see Secrets).' : '.'),
    '',
  ];
}

function testSection(spec: ProjectSpec): string[] {
  return [
    '## Test and build',
    '',
    '```sh',
    spec.options.tests ? 'npm test                    # backend and frontend tests' : 'npm test                    # runs your own tests (none were generated)',
    'npm run build               # type-checks and builds both',
    '```',
    '',
    spec.options.tests
      ? 'The frontend tests (Vitest, Testing Library, jsdom) run against a mocked API and need no database.'
      : 'Tests were turned off when this project was generated: Vitest is set up, add tests under `backend/test/` and `frontend/src/test/`.',
    '',
  ];
}

function dockerSection(spec: ProjectSpec): string[] {
  if (!spec.options.docker) return [];
  return [
    '## Docker',
    '',
    '```sh',
    'cp .env.example .env' + (spec.auth.kind === 'emailPassword' ? `        # then set JWT_SECRET${bootstrapAdminRole(spec) ? ', ADMIN_EMAIL and ADMIN_PASSWORD' : ''} in it` : ''),
    'docker compose up --build   # then open http://localhost:8080',
    '```',
    '',
    'Runs PostgreSQL 16 (data kept in the `db-data` volume), the backend (the frontend starts once its `/api/health` answers), and nginx serving the frontend and proxying `/api`. `.dockerignore` keeps `backend/.data/`, `.env` files, `node_modules` and build output out of the images.',
    '',
  ];
}

function layoutSection(spec: ProjectSpec): string[] {
  return [
    '## Layout',
    '',
    spec.options.tests ? '- `backend/` — the REST API and its tests' : '- `backend/` — the REST API',
    spec.options.tests
      ? '- `frontend/` — the React app: `src/api/` typed client, `src/entities/` validation schemas, `src/pages/` pages, `src/test/` tests'
      : '- `frontend/` — the React app: `src/api/` typed client, `src/entities/` validation schemas, `src/pages/` pages',
    spec.options.docker ? '- `docker-compose.yml`, `*/Dockerfile` — containers; `.github/workflows/ci.yml` — CI' : '- `.github/workflows/ci.yml` — CI',
    '- `.takoss/manifest.json` — why each file exists and which requirement it serves',
    '- `.takoss/spec.json`, `.takoss/base.json` — the data model and what Takoss generated for each file: `takoss update` changes the project from them without losing your edits, so keep them in version control',
    '',
  ];
}
