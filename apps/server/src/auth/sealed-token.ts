import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * A token carrying data that only this server can read back and that expires: AES-256-GCM under a key derived
 * from the auth secret. For a sign-up waiting for its e-mail to be confirmed (it holds a password hash, so it
 * must not be readable like a JWT's payload).
 */
export function seal(payload: object, secret: string, ttlMs: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = JSON.stringify({ payload, exp: Date.now() + ttlMs });
  const data = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), data]).toString('base64url');
}

/** The payload, or undefined when the token is forged, damaged or expired. */
export function unseal<T>(token: string, secret: string): T | undefined {
  try {
    const raw = Buffer.from(token, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), raw.subarray(0, 12), { authTagLength: 16 });
    decipher.setAuthTag(raw.subarray(12, 28));
    const body = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    const { payload, exp } = JSON.parse(body) as { payload: T; exp: number };
    return exp > Date.now() ? payload : undefined;
  } catch {
    return undefined;
  }
}

const keyOf = (secret: string) => createHash('sha256').update(`sealed-token:${secret}`).digest();
