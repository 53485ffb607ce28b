/** Secrets handed out as links and cookies: 32 random bytes in base64url; only their SHA-256 is ever stored. */
import { createHash, randomBytes } from 'node:crypto'

export function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest()
}
