import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'

// Tamper evidence for append-only records (audit trail, controlled-substance ledger; design.md §4,
// clinical-reference §8): each entry's hash covers its canonical content and the previous hash, so
// editing, removing or reordering any entry breaks every link after it.

export const GENESIS_HASH = '0'.repeat(64)

export type CanonicalValue =
  | string
  | number
  | boolean
  | null
  | readonly CanonicalValue[]
  | { readonly [key: string]: CanonicalValue | undefined }

/**
 * A byte-stable JSON text: object keys sorted, no whitespace, `undefined` members dropped.
 * Numbers must be finite; quantities that need exactness travel as decimal strings.
 */
export function canonicalize(value: CanonicalValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot canonicalize a non-finite number (${value})`)
    return JSON.stringify(value)
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalize(v)).join(',')}]`
  const record = value as { readonly [key: string]: CanonicalValue | undefined }
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalize(record[k] as CanonicalValue)}`)
  return `{${members.join(',')}}`
}

/**
 * SHA-256 of the text's UTF-8 bytes, as lowercase hex. From @noble/hashes (audited, synchronous)
 * so the server, the CLI and the browser compute the same chains; Web Crypto is async-only.
 */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)))
}

export function chainHash(prevHash: string, content: CanonicalValue): string {
  return sha256Hex(`${prevHash}\n${canonicalize(content)}`)
}

export interface ChainLink {
  id: string
  prevHash: string
  hash: string
  content: CanonicalValue
}

export type ChainVerdict =
  | { ok: true; checked: number; lastHash: string }
  | {
      ok: false
      checked: number
      brokenAt: string
      reason: 'prev-hash-mismatch' | 'hash-mismatch'
      detail: string
    }

/** Walks links in chain order and names the first one that does not follow from its predecessor. */
export function verifyChain(links: Iterable<ChainLink>, startHash: string = GENESIS_HASH): ChainVerdict {
  let expectedPrev = startHash
  let checked = 0
  for (const link of links) {
    if (link.prevHash !== expectedPrev) {
      return {
        ok: false,
        checked,
        brokenAt: link.id,
        reason: 'prev-hash-mismatch',
        detail: `entry ${link.id} points at ${link.prevHash.slice(0, 12)}… but the entry before it hashes to ${expectedPrev.slice(0, 12)}… (an entry is missing, reordered or altered)`,
      }
    }
    const recomputed = chainHash(link.prevHash, link.content)
    if (recomputed !== link.hash) {
      return {
        ok: false,
        checked,
        brokenAt: link.id,
        reason: 'hash-mismatch',
        detail: `entry ${link.id} content does not match its stored hash (the entry was altered)`,
      }
    }
    expectedPrev = link.hash
    checked++
  }
  return { ok: true, checked, lastHash: expectedPrev }
}
