import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ChainLink, canonicalize, chainHash, GENESIS_HASH, verifyChain } from './hash-chain'
import { sha256Hex } from './sha256'

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 test vectors', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })
  it('agrees with node:crypto on arbitrary text, including multi-block and non-ASCII input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (text) => {
        expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'))
      }),
    )
  })
})

describe('canonicalize', () => {
  it('sorts keys and drops undefined members so equal content hashes equally', () => {
    expect(canonicalize({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}')
    expect(canonicalize({ a: 1, b: 2 })).toBe(canonicalize({ b: 2, a: 1 }))
  })
  it('refuses non-finite numbers', () => {
    expect(() => canonicalize({ q: Number.NaN })).toThrow(/non-finite/)
  })
})

function buildChain(contents: { n: number }[]): ChainLink[] {
  let prev = GENESIS_HASH
  return contents.map((content, i) => {
    const hash = chainHash(prev, content)
    const link = { id: `e${i}`, prevHash: prev, hash, content }
    prev = hash
    return link
  })
}

describe('verifyChain', () => {
  const chain = buildChain([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }])
  it('accepts an intact chain', () => {
    expect(verifyChain(chain)).toMatchObject({ ok: true, checked: 4 })
  })
  it('names an altered entry', () => {
    const altered = chain.map((l) => (l.id === 'e2' ? { ...l, content: { n: 99 } } : l))
    expect(verifyChain(altered)).toMatchObject({ ok: false, brokenAt: 'e2', reason: 'hash-mismatch' })
  })
  it('names the entry after a missing one', () => {
    expect(verifyChain(chain.filter((l) => l.id !== 'e1'))).toMatchObject({ ok: false, brokenAt: 'e2' })
  })
  it('names the first entry out of order', () => {
    const swapped = [chain[0]!, chain[2]!, chain[1]!, chain[3]!]
    expect(verifyChain(swapped)).toMatchObject({ ok: false, brokenAt: 'e2', reason: 'prev-hash-mismatch' })
  })
})
