import { createHmac, randomBytes } from 'node:crypto';

/**
 * A stable pseudonym for a user: an HMAC of `platform:userId` under the store's salt. The same
 * person hashes the same way on every replica, so distinct askers can be counted, while the raw
 * id is never stored and cannot be recovered without the salt. A platform that named nobody
 * counts as one person, `unknown`.
 */
export function hashUser(salt: string, platform: string, userId: string | undefined): string {
  return createHmac('sha256', salt)
    .update(`${platform}:${userId ?? 'unknown'}`)
    .digest('hex')
    .slice(0, 32);
}

/** A new random salt, for a store that has none yet. */
export function newSalt(): string {
  return randomBytes(32).toString('base64url');
}
