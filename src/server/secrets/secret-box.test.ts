import { randomBytes } from 'node:crypto'
import { inspect } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isSealed, parseSecretKey, SecretBox, SecretKey, SecretKeyError, sealedKeyId } from './secret-box'

const box = new SecretBox(SecretKey.generate())

describe('SecretBox (AES-256-GCM, issue 13 point 5)', () => {
  it('opens what it sealed, for any text', () => {
    fc.assert(fc.property(fc.string(), (plain) => box.open(box.seal(plain)) === plain))
  })

  it('stores v1:<keyid>:<base64>, never the clear value, with a fresh IV each time', () => {
    const secret = 'JBSWY3DPEHPK3PXP'
    const a = box.seal(secret)
    const b = box.seal(secret)
    expect(a).toMatch(/^v1:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/)
    expect(sealedKeyId(a)).toBe(box.keyId)
    expect(a).not.toContain(secret)
    expect(a).not.toBe(b)
    expect(isSealed(a)).toBe(true)
    expect(isSealed(secret)).toBe(false)
  })

  it('refuses a value altered anywhere in its IV, tag or ciphertext', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP')
    const [v, id, packed] = sealed.split(':') as [string, string, string]
    const bytes = Buffer.from(packed, 'base64')
    for (let i = 0; i < bytes.length; i++) {
      const altered = Buffer.from(bytes)
      altered[i]! ^= 0x01
      expect(() => box.open(`${v}:${id}:${altered.toString('base64')}`)).toThrow(/integrity check/)
    }
    expect(() => box.open(`${v}:${id}:${bytes.subarray(0, 20).toString('base64')}`)).toThrow(SecretKeyError)
  })

  it('names both key ids when the configured key is not the one a value was sealed with', () => {
    const other = new SecretBox(SecretKey.generate())
    const sealed = box.seal('JBSWY3DPEHPK3PXP')
    expect(() => other.open(sealed)).toThrow(SecretKeyError)
    expect(() => other.open(sealed)).toThrow(new RegExp(`key ${box.keyId}.*key ${other.keyId}`))
  })

  it('refuses a same-id forgery under another key as an integrity failure, not a wrong code', () => {
    const forged = new SecretBox(SecretKey.generate())
      .seal('AAAA')
      .replace(/^v1:[0-9a-f]{8}:/, `v1:${box.keyId}:`)
    expect(() => box.open(forged)).toThrow(/integrity check/)
  })

  it('refuses clear values and works without a key only to say so', () => {
    expect(() => box.open('JBSWY3DPEHPK3PXP')).toThrow(/not encrypted/)
    expect(() => new SecretBox(undefined).seal('x')).toThrow(/KETACARE_SECRET_KEY/)
  })
})

describe('SecretKey', () => {
  it('reads 32 bytes as hex, base64 or base64url and refuses anything else', () => {
    const bytes = randomBytes(32)
    const id = new SecretKey(bytes).id
    expect(parseSecretKey(bytes.toString('hex'))?.id).toBe(id)
    expect(parseSecretKey(` ${bytes.toString('base64')}\n`)?.id).toBe(id)
    expect(parseSecretKey(bytes.toString('base64url'))?.id).toBe(id)
    expect(parseSecretKey(randomBytes(16).toString('base64'))).toBeUndefined()
    expect(parseSecretKey(randomBytes(31).toString('hex'))).toBeUndefined()
    expect(parseSecretKey('correct horse battery staple')).toBeUndefined()
  })

  it('never prints its bytes: JSON, strings and inspection show only the id', () => {
    const key = SecretKey.generate()
    const b64 = key.exportBase64()
    const hex = Buffer.from(b64, 'base64').toString('hex')
    for (const text of [
      JSON.stringify({ key }),
      `${key}`,
      inspect({ key }, { depth: 5, showHidden: true }),
    ]) {
      expect(text).toContain(key.id)
      expect(text).not.toContain(b64)
      expect(text).not.toContain(hex)
    }
  })
})
