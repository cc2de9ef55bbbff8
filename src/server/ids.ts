import { createHash, randomBytes } from 'node:crypto'

/** UUIDv7 (RFC 9562): time-ordered, so primary-key indexes stay append-friendly. */
export function uuidv7(nowMs: number = Date.now()): string {
  const bytes = randomBytes(16)
  bytes.writeUIntBE(nowMs, 0, 6)
  bytes[6] = (bytes[6]! & 0x0f) | 0x70
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** A URL-safe random token of `bytes` bytes of entropy. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url')
}

/** Tokens (sign-in cookies, portal links, display tokens) are stored only as this hash. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
