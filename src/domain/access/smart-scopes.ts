// SMART Backend Services scopes (SMART App Launch 2.x, "Scopes and Launch Context"): what a
// registered backend client may read. KetaCare serves read and search only, so a scope is
// `system/<Type>.rs` or `system/*.rs` (v2) or the v1 spelling `system/<Type>.read`; each grants read
// and search of its type (or of every type for `*`).

export interface SystemScope {
  /** A FHIR resource type, or `*` for every type. */
  resourceType: string
  /** The scope as written (granted back in the token reply as asked). */
  text: string
}

const scopePattern = /^system\/(\*|[A-Z][A-Za-z]+)\.(rs|read)$/

/** A scope, or a reason it is not one this server grants. */
export function parseScope(text: string): SystemScope | { error: string } {
  const match = scopePattern.exec(text)
  if (!match) {
    if (/^(patient|user)\//.test(text)) return { error: 'only system/ scopes are granted to backend clients' }
    if (/^system\/.+\.(c|u|d|cud|cruds|write|\*)$/.test(text))
      return { error: 'KetaCare grants read and search only (.rs or .read)' }
    return { error: 'is not a scope of the form system/<Type>.rs, system/*.rs or system/<Type>.read' }
  }
  return { resourceType: match[1]!, text }
}

/** Splits an OAuth `scope` value (space-separated) into its words. */
export function scopeWords(value: string): string[] {
  return value.split(/\s+/).filter((word) => word !== '')
}

/**
 * The scopes a token grants: each requested scope the client's allowed scopes cover (a specific
 * type under an allowed `*` is granted as asked). A requested `*` against specific allowed types
 * is narrowed to those types (downscoping, as the SMART specification permits). Unknown words
 * grant nothing.
 */
export function grantScopes(requested: readonly string[], allowed: readonly string[]): string[] {
  const allowedScopes = allowed.map(parseScope).filter(isScope)
  const isAllAllowed = allowedScopes.some((s) => s.resourceType === '*')
  const granted = new Set<string>()
  for (const word of requested) {
    const scope = parseScope(word)
    if (!isScope(scope)) continue
    if (isAllAllowed || allowedScopes.some((s) => s.resourceType === scope.resourceType))
      granted.add(scope.text)
    else if (scope.resourceType === '*') for (const s of allowedScopes) granted.add(s.text)
  }
  return [...granted]
}

/** The resource types scopes grant: `*` for all, else the named ones. */
export function scopeTypes(scopes: readonly string[]): '*' | Set<string> {
  const parsed = scopes.map(parseScope).filter(isScope)
  if (parsed.some((s) => s.resourceType === '*')) return '*'
  return new Set(parsed.map((s) => s.resourceType))
}

export function isScope(value: SystemScope | { error: string }): value is SystemScope {
  return !('error' in value)
}
