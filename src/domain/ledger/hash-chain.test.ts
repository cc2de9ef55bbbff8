import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type ChainLink, canonicalize, chainHash, GENESIS_HASH, sha256Hex, verifyChain } from './hash-chain'

// Digests written down from the plain-TypeScript SHA-256 the chains were built with before
// @noble/hashes replaced it (issue 15): stored hashes must keep verifying byte for byte.
const digestsBeforeNoble: [name: string, text: string, hex: string][] = [
  ['empty', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
  ['abc (FIPS 180-4)', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  [
    'ASCII sentence',
    'The quick brown fox jumps over the lazy dog',
    'd7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592',
  ],
  [
    'multi-byte UTF-8',
    'Esketamin 56 mg — Ünal, 漢字 😀',
    'faae14b5f2db8d170b1b1531f3a853ace3717e38391aedcd2f4224cd2ddf722a',
  ],
  // A lone surrogate is encoded as U+FFFD by TextEncoder in both versions.
  ['lone surrogate', '\uD800x', 'a87ce46793cc659b79bd187e998f8488635f707d5be0957e1d565981efd2b04b'],
  [
    '55 bytes (one block)',
    'a'.repeat(55),
    '9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318',
  ],
  [
    '56 bytes (padding spills)',
    'a'.repeat(56),
    'b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a',
  ],
  ['63 bytes', 'a'.repeat(63), '7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34'],
  [
    '64 bytes (one full block)',
    'a'.repeat(64),
    'ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb',
  ],
  ['65 bytes', 'a'.repeat(65), '635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0'],
  [
    '56 bytes of 2-byte characters',
    'é'.repeat(28),
    'a2e7c1f809d17958e21b7cd370a1d7d030e07f3af72588be133d4f73fadee71d',
  ],
  [
    '64 bytes of 4-byte characters',
    '😀'.repeat(16),
    'e1e2db96ab0de4009a27bbf9aa2e715a3f2549f77e232dc43ff6a192662ed5e0',
  ],
  [
    'a million bytes (FIPS 180-4)',
    'a'.repeat(1_000_000),
    'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
  ],
]

describe('sha256Hex', () => {
  it.each(digestsBeforeNoble)('gives the digest the chains were written with: %s', (_, text, hex) => {
    expect(sha256Hex(text)).toBe(hex)
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
