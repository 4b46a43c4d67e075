// Session tokens: JWTs signed with HS256 and JWT_SECRET. The subject is the user id; the user is
// loaded again on every request, so deleting an account ends its sessions.
import { jwtVerify, SignJWT } from 'jose';

const TOKEN_LIFETIME = '7d';

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export function signToken(user: { id: number; role: string }, secret: string): Promise<string> {
  return new SignJWT({ role: user.role })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(String(user.id))
    .setIssuedAt()
    .setExpirationTime(TOKEN_LIFETIME)
    .sign(key(secret));
}

/** The user id of a valid token, or undefined (bad signature, expired, malformed). */
export async function verifyToken(token: string, secret: string): Promise<number | undefined> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] });
    const id = Number(payload.sub);
    return Number.isSafeInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}
