import { randomToken } from '../../ids'

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes); the hash string carries its
// parameters, so raising them later still verifies old hashes.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

/** The native argon2 binding loads at the first sign-in, not at start-up (issue 16). */
const argon2 = () => import('@node-rs/argon2')

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await (await argon2()).verify(passwordHash, password)
  } catch {
    return false
  }
}

// Verifying against a throw-away hash for unknown e-mails keeps response times alike, so timing
// does not reveal which accounts exist.
let decoyHash: Promise<string> | undefined
export async function burnPasswordCheck(password: string): Promise<void> {
  decoyHash ??= hashPassword(randomToken(16))
  await verifyPassword(await decoyHash, password)
}

/** A generated password people can read aloud and type: 4 groups of 5 from an unambiguous set. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = Buffer.from(randomToken(40), 'base64url')
  const chars = Array.from(bytes.subarray(0, 20), (b) => alphabet[b % alphabet.length])
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-')
}

export { passwordRules } from '../../../domain/access/credential-rules'
