// Sign-in boundaries: no token and a forged token are refused, sign-up and login refuse what they
// should, and a member sees other users' private fields (email) only when they are an admin.
import type { ProbeWorld } from '../world';
import { probeOwnership } from './rules';

const FORGED = 'eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4iLCJzdWIiOiIxIn0.c2lnbmVkIHdpdGggYSBndWVzc2Vk';

export async function probeAuth(world: ProbeWorld): Promise<void> {
  if (!world.auth) return;
  const area = 'auth';
  const { client, report } = world;
  const first = world.spec.entities.find((e) => e.name !== 'User');
  if (first) {
    report.status(area, 'a list without a token is refused (401)', await client.call('GET', world.path(first.name)), 401);
    report.status(area, 'a forged token is refused (401)', await client.call('GET', world.path(first.name), { token: FORGED }), 401);
  }
  report.status(area, 'login with a wrong password is refused (401)', await client.call('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: 'wrong-password-1' } }), 401);
  if (world.auth.selfSignup) {
    report.status(area, 'sign-up with a short password is refused (400)', await client.call('POST', '/api/auth/register', { body: { ...(await world.rowOf('User', world.admin)), email: `short.${Date.now()}@example.com`, password: 'short' } }), 400);
    const me = await client.call('GET', '/api/auth/me', { token: world.member.token });
    report.check(area, '/api/auth/me returns the signed-in user', me.status === 200 && me.body?.user?.id === world.member.id, me);
    if (me.status === 200) {
      report.status(area, 'sign-up with a taken email is refused (409)', await client.call('POST', '/api/auth/register', { body: { ...(await world.rowOf('User', world.admin)), email: me.body.user.email, password: 'probe-Password-8251' } }), 409);
    }
  }
  await probePrivacy(world);
  for (const entity of world.spec.entities) {
    if (!entity.ownerRelation || world.spec.rules.some((r) => r.kind === 'ownership' && r.entity === entity.name)) continue;
    await probeOwnership(world, entity.name, ['update', 'delete'], `ownership by default ${entity.name}`);
  }
}

/** Another member must not learn a user's email; the admin and the user themselves may. */
async function probePrivacy(world: ProbeWorld): Promise<void> {
  const area = 'privacy of users';
  const { member, other, admin, client, report } = world;
  if (!member.token || !other.token || member.id === undefined) return report.skip(area, 'emails', 'two members could not be signed in');
  if (member.role === world.auth?.adminRole) return report.skip(area, 'emails', 'every account has the admin role, which sees all emails');
  const own = await client.call('GET', world.path('User', member.id), { token: member.token });
  report.check(area, 'a user sees their own email', own.status === 200 && typeof own.body?.email === 'string', own);
  const seen = await client.call('GET', world.path('User', member.id), { token: other.token });
  report.check(area, "another member does not see a user's email", seen.status === 403 || seen.status === 404 || (seen.status === 200 && seen.body?.email === undefined), seen);
  const listed = await client.call('GET', `${world.path('User')}?pageSize=100`, { token: other.token });
  const leaked = listed.status === 200 ? (listed.body?.items ?? []).filter((u: { id: number; email?: string }) => u.id !== other.id && u.email !== undefined) : [];
  report.check(area, "the user list shows no other user's email to a member", listed.status === 403 || (listed.status === 200 && leaked.length === 0), `${leaked.length} emails of others listed`);
  if (admin) {
    const byAdmin = await client.call('GET', world.path('User', member.id), { token: admin.token });
    report.check(area, 'the admin sees the email', byAdmin.status === 200 && typeof byAdmin.body?.email === 'string', byAdmin);
  }
}
