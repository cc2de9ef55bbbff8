// A backend client's public key set (RFC 7517), checked when an administrator registers it: public
// keys only, each with a `kid` (the assertion's header names it) and fit for the two signing
// algorithms SMART Backend Services requires servers to support, RS384 and ES384.

export const clientSigningAlgs = ['RS384', 'ES384'] as const

/** Members that only a private key has (RSA's CRT values, EC's and RSA's `d`, a symmetric `k`). */
const privateMembers = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth'] as const

export interface JwksProblem {
  field: string
  message: string
}

function keyProblems(key: unknown, at: string): JwksProblem[] {
  if (typeof key !== 'object' || key === null || Array.isArray(key))
    return [{ field: at, message: 'is not a JSON Web Key object' }]
  const jwk = key as Record<string, unknown>
  const problems: JwksProblem[] = []
  for (const member of privateMembers)
    if (member in jwk)
      problems.push({
        field: `${at}.${member}`,
        message: 'is private key material: paste the public keys only',
      })
  if (typeof jwk.kid !== 'string' || jwk.kid.trim() === '')
    problems.push({ field: `${at}.kid`, message: 'is required (the client assertion names its key by kid)' })
  const fit = jwk.kty === 'RSA' ? 'RS384' : jwk.kty === 'EC' && jwk.crv === 'P-384' ? 'ES384' : undefined
  if (!fit) problems.push({ field: `${at}.kty`, message: 'must be an RSA key or an EC key on curve P-384' })
  else if (jwk.alg !== undefined && jwk.alg !== fit)
    problems.push({ field: `${at}.alg`, message: `must be ${fit} for this key (or left out)` })
  if (jwk.use !== undefined && jwk.use !== 'sig')
    problems.push({ field: `${at}.use`, message: 'must be "sig"' })
  return problems
}

/** What is wrong with a pasted key set; empty when every key is a usable public signing key. */
export function jwksProblems(jwks: unknown): JwksProblem[] {
  if (typeof jwks !== 'object' || jwks === null || !Array.isArray((jwks as { keys?: unknown }).keys))
    return [{ field: 'jwks', message: 'must be a JSON Web Key Set: {"keys": [ … ]}' }]
  const keys = (jwks as { keys: unknown[] }).keys
  if (keys.length === 0) return [{ field: 'jwks.keys', message: 'must hold at least one public key' }]
  const problems = keys.flatMap((key, i) => keyProblems(key, `jwks.keys[${i}]`))
  const kids = keys.map((key) => (key as { kid?: unknown }).kid)
  kids.forEach((kid, i) => {
    if (typeof kid === 'string' && kids.indexOf(kid) !== i)
      problems.push({ field: `jwks.keys[${i}].kid`, message: `repeats "${kid}": each key needs its own kid` })
  })
  return problems
}
