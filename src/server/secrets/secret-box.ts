import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { inspect } from 'node:util'

// Secrets at rest (issue 13 point 5): TOTP secrets are sealed with AES-256-GCM under the
// installation key (KETACARE_SECRET_KEY, or <dataDir>/secret.key on the embedded default).
// A sealed value is `v1:<keyid>:<base64(iv 12 bytes | tag 16 bytes | ciphertext)>`, one random IV
// per value. The key id (first 8 hex digits of SHA-256 of the key) is stored beside the value so a
// wrong key is named as such instead of failing as "that code is not right".

const version = 'v1'
const ivBytes = 12
const tagBytes = 16
const sealedPattern = /^v1:([0-9a-f]{8}):([A-Za-z0-9+/]+=*)$/

/** A 32-byte key that never prints itself (logs, errors, JSON, util.inspect show only the id). */
export class SecretKey {
  readonly id: string
  readonly #bytes: Buffer
  constructor(bytes: Buffer) {
    if (bytes.length !== 32) throw new Error('a secret key is 32 bytes')
    this.#bytes = Buffer.from(bytes)
    this.id = createHash('sha256').update(bytes).digest('hex').slice(0, 8)
  }
  static generate(): SecretKey {
    return new SecretKey(randomBytes(32))
  }
  /** The key as base64, for writing a key file; the only way its bytes leave this object. */
  exportBase64(): string {
    return this.#bytes.toString('base64')
  }
  /** @internal used by SecretBox only */
  bytes(): Buffer {
    return this.#bytes
  }
  toJSON() {
    return `[secret key ${this.id}]`
  }
  toString() {
    return `[secret key ${this.id}]`
  }
  [inspect.custom]() {
    return `[secret key ${this.id}]`
  }
}

/**
 * Reads a key written as base64 or hex of 32 bytes; returns undefined for anything else (the
 * caller names the variable or file). Hex is tried first: 64 hex digits are also valid base64.
 */
export function parseSecretKey(text: string): SecretKey | undefined {
  const value = text.trim()
  if (/^[0-9a-fA-F]{64}$/.test(value)) return new SecretKey(Buffer.from(value, 'hex'))
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) {
    const bytes = Buffer.from(value, value.includes('-') || value.includes('_') ? 'base64url' : 'base64')
    if (bytes.length === 32) return new SecretKey(bytes)
  }
  return undefined
}

/** Raised when a sealed value cannot be opened; the message never contains key material. */
export class SecretKeyError extends Error {}

export function isSealed(stored: string): boolean {
  return sealedPattern.test(stored)
}

export function sealedKeyId(stored: string): string | undefined {
  return sealedPattern.exec(stored)?.[1]
}

export class SecretBox {
  constructor(readonly key: SecretKey | undefined) {}

  get keyId(): string | undefined {
    return this.key?.id
  }

  seal(plain: string): string {
    const key = this.#requireKey()
    const iv = randomBytes(ivBytes)
    const cipher = createCipheriv('aes-256-gcm', key.bytes(), iv)
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
    const packed = Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    return `${version}:${key.id}:${packed}`
  }

  open(stored: string): string {
    const key = this.#requireKey()
    const match = sealedPattern.exec(stored)
    if (!match)
      throw new SecretKeyError(
        'A stored secret is not encrypted (or not in the v1 format); start the server once with the key so it encrypts them.',
      )
    const [, keyId, packed] = match as unknown as [string, string, string]
    if (keyId !== key.id)
      throw new SecretKeyError(
        `A stored secret was encrypted under key ${keyId}, but the configured KETACARE_SECRET_KEY is key ${key.id}. Use the key this database was encrypted with (after a rotation, the new one).`,
      )
    const bytes = Buffer.from(packed, 'base64')
    if (bytes.length < ivBytes + tagBytes) throw new SecretKeyError('A stored secret is truncated.')
    const decipher = createDecipheriv('aes-256-gcm', key.bytes(), bytes.subarray(0, ivBytes))
    decipher.setAuthTag(bytes.subarray(ivBytes, ivBytes + tagBytes))
    try {
      return Buffer.concat([decipher.update(bytes.subarray(ivBytes + tagBytes)), decipher.final()]).toString(
        'utf8',
      )
    } catch {
      throw new SecretKeyError(
        `A stored secret failed its integrity check under key ${key.id}: it was altered, or the key is not the one it was encrypted with.`,
      )
    }
  }

  #requireKey(): SecretKey {
    if (!this.key)
      throw new SecretKeyError(
        'No secret key is configured (KETACARE_SECRET_KEY); TOTP secrets cannot be read or written.',
      )
    return this.key
  }
}
