// What the probe knows while it talks to one backend: the spec, the signed-in people it uses
// (an admin from the bootstrap account, two ordinary members, one user per role a rule needs),
// and how to make a valid row of any entity (creating its required parents on the way).
import { entityNames } from '../../../src/model/project/naming';
import type { Entity, ProjectSpec, Relation } from '../../../src/model/project/projectSpec';
import type { ProbeClient, Reply } from './client';
import type { ProbeReport } from './report';
import { avoiding, keepDatesInOrder, respectRules, validValue } from './values';

export interface Actor {
  label: string;
  token?: string;
  id?: number;
  role?: string;
}

export interface ProbeOptions {
  /** The account the backend creates at start (ADMIN_EMAIL / ADMIN_PASSWORD). */
  admin?: { email: string; password: string };
}

const PASSWORD = 'probe-Password-8251';

/** Thrown when a check needs a row nobody the probe can sign in may create: the check is not probed. */
export class NotProbed extends Error {}

export class ProbeWorld {
  private counter = 0;
  private readonly roleActors = new Map<string, Actor | undefined>();
  admin?: Actor;
  member: Actor = { label: 'anonymous' };
  other: Actor = { label: 'anonymous' };
  readonly auth;

  constructor(
    readonly spec: ProjectSpec,
    readonly client: ProbeClient,
    readonly report: ProbeReport,
    private readonly options: ProbeOptions = {},
  ) {
    this.auth = spec.auth.kind === 'emailPassword' ? spec.auth : undefined;
  }

  next(): number {
    this.counter += 1;
    return this.counter;
  }

  entity(name: string): Entity {
    const found = this.spec.entities.find((e) => e.name === name);
    if (!found) throw new Error(`no entity ${name}`);
    return found;
  }

  path(entity: string, id?: number | string): string {
    return `/api/${entityNames(entity).route}${id === undefined ? '' : `/${id}`}`;
  }

  /** Signs in the bootstrap admin and registers the two members the ownership checks compare. */
  async signIn(): Promise<void> {
    if (!this.auth) return;
    if (this.options.admin) {
      const reply = await this.client.call('POST', '/api/auth/login', { body: this.options.admin });
      this.report.check('auth', 'the bootstrap admin (ADMIN_EMAIL) signs in', reply.status === 200, reply);
      if (reply.status === 200) this.admin = { label: 'admin', token: reply.body.token, id: reply.body.user?.id, role: reply.body.user?.role };
    }
    this.member = (await this.newUser('member')) ?? this.member;
    this.other = (await this.newUser('other member')) ?? this.other;
  }

  /** A new signed-in user: self sign-up when the app allows it, else created by the admin. */
  async newUser(label: string, role?: string): Promise<Actor | undefined> {
    if (!this.auth) return { label };
    const n = this.next();
    const email = `probe.user${n}.${Date.now()}@example.com`;
    const fields = await this.rowOf('User', this.admin, 1, n);
    const body = { ...fields, email, password: PASSWORD };
    const created = this.auth.selfSignup
      ? await this.client.call('POST', '/api/auth/register', { body })
      : await this.client.call('POST', '/api/users', { body: { ...body, role: role ?? this.ordinaryRole() }, token: this.admin?.token });
    if (created.status !== 201) {
      this.report.check('auth', `a new ${label} can be created`, false, created);
      return undefined;
    }
    const login = await this.client.call('POST', '/api/auth/login', { body: { email, password: PASSWORD } });
    if (login.status !== 200) return undefined;
    const actor: Actor = { label, token: login.body.token, id: login.body.user?.id, role: login.body.user?.role };
    if (role && actor.role !== role) return this.promote(actor, role);
    return actor;
  }

  /** The role ordinary accounts get: the default one, unless that is the admin role (then another, if any). */
  ordinaryRole(): string | undefined {
    if (!this.auth) return undefined;
    if (this.auth.defaultRole !== this.auth.adminRole) return this.auth.defaultRole;
    return this.auth.roles.find((r) => r !== this.auth?.adminRole) ?? this.auth.defaultRole;
  }

  /** The admin gives the user a role (there is no other way to get one). */
  private async promote(actor: Actor, role: string): Promise<Actor | undefined> {
    const reply = await this.client.call('PATCH', this.path('User', actor.id), { body: { role }, token: this.admin?.token });
    if (reply.status !== 200) return undefined;
    return { ...actor, label: role, role };
  }

  /** Someone with one of these roles (the admin passes every role check), or undefined. */
  async withRole(roles: readonly string[]): Promise<Actor | undefined> {
    if (!this.auth) return this.member;
    if (this.admin && (this.admin.role === this.auth.adminRole || roles.includes(this.admin.role ?? ''))) return this.admin;
    const role = roles[0];
    if (!this.roleActors.has(role)) this.roleActors.set(role, this.admin ? await this.newUser(role, role) : undefined);
    return this.roleActors.get(role);
  }

  /** Who creates rows of the entity in the checks: a member, unless a rule limits creating to roles. */
  async creatorOf(entity: string): Promise<Actor | undefined> {
    return this.allowed(entity, 'create', this.member);
  }

  async allowed(entity: string, action: 'create' | 'read' | 'update' | 'delete', fallback: Actor): Promise<Actor | undefined> {
    // (A rule on some fields closes creating too, as every row made here gives each field a value; never changing.)
    const rule = this.spec.rules.find((r) => r.kind === 'roleRequired' && r.entity === entity && r.actions.includes(action) && (!r.fields || action === 'create'));
    return rule?.kind === 'roleRequired' ? this.withRole(rule.roles) : fallback;
  }

  /** The fields and parent ids of a valid row (parents are created, as someone allowed to). */
  async rowOf(entity: string, actor: Actor | undefined, depth = 1, n = this.next()): Promise<Record<string, unknown>> {
    const spec = this.entity(entity);
    const row: Record<string, unknown> = {};
    for (const field of spec.fields) {
      const workflow = this.spec.rules.find((r) => r.kind === 'statusWorkflow' && r.entity === entity && r.field === field.name);
      row[field.name] = validValue(field, n, workflow?.kind === 'statusWorkflow' ? workflow.initial : undefined);
    }
    respectRules(this.spec, entity, row);
    for (const relation of this.spec.relations) {
      if (relation.kind !== 'belongsTo' || relation.from !== entity || spec.ownerRelation === relation.name) continue;
      if (!relation.required && depth > 1) continue;
      const id = await this.parentFor(relation, actor, depth);
      if (id !== undefined) row[`${relation.name}Id`] = id;
    }
    return row;
  }

  private async parentFor(relation: Relation, actor: Actor | undefined, depth: number): Promise<number | undefined> {
    if (relation.to === 'User' && this.auth) return (actor ?? this.member).id;
    if (depth > 4 || relation.to === relation.from) return undefined;
    const created = await this.create(relation.to, undefined, this.parentAvoiding(relation), depth + 1);
    return created.reply.status === 201 ? created.reply.body.id : undefined;
  }

  /** Why no row of the entity can be made (nobody may create it or a required parent), or undefined. */
  async cannotCreate(entity: string, seen = new Set<string>()): Promise<string | undefined> {
    if (seen.has(entity)) return undefined;
    seen.add(entity);
    if (!(await this.creatorOf(entity))) return `nobody the probe can sign in may create ${entity}`;
    for (const relation of this.spec.relations) {
      if (relation.kind !== 'belongsTo' || relation.from !== entity || !relation.required || relation.to === 'User') continue;
      const why = await this.cannotCreate(relation.to, seen);
      if (why) return why;
    }
    return undefined;
  }

  /** Values of a parent row that keep creating children under it allowed (refuseWhen on the parent). */
  parentAvoiding(relation: Relation): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const rule of this.spec.rules) {
      if (rule.kind !== 'refuseWhen' || rule.entity !== relation.from || rule.condition.relation !== relation.name || !rule.actions.includes('create')) continue;
      const field = this.entity(relation.to).fields.find((f) => f.name === rule.condition.field);
      if (field) values[field.name] = avoiding(rule.condition, field, undefined);
    }
    return values;
  }

  /** Creates a valid row through the API (as `actor`, or as whoever may create it). */
  async create(entity: string, actor?: Actor, overrides: Record<string, unknown> = {}, depth = 1): Promise<{ sent: Record<string, unknown>; reply: Reply; actor?: Actor }> {
    const blocked = await this.cannotCreate(entity);
    if (blocked) throw new NotProbed(blocked);
    const who = actor ?? (await this.creatorOf(entity));
    const sent = { ...(await this.rowOf(entity, who, depth)), ...overrides };
    keepDatesInOrder(this.spec, entity, sent);
    const reply = await this.client.call('POST', this.path(entity), { body: sent, token: who?.token });
    return { sent, reply, actor: who };
  }
}
