import { describe, expect, it } from 'vitest'
import { jwksProblems } from './client-jwks'
import { grantScopes, isScope, parseScope, scopeTypes, scopeWords } from './smart-scopes'

describe('parseScope', () => {
  it.each([
    ['system/Patient.rs', 'Patient'],
    ['system/*.rs', '*'],
    ['system/Observation.read', 'Observation'],
  ])('%s reads and searches %s', (text, type) => {
    expect(parseScope(text)).toEqual({ resourceType: type, text })
  })

  it.each([
    ['patient/*.rs', 'only system/'],
    ['user/Patient.read', 'only system/'],
    ['system/Patient.cud', 'read and search only'],
    ['system/Patient.write', 'read and search only'],
    ['system/patient.rs', 'is not a scope'],
    ['launch', 'is not a scope'],
    ['system/Patient.rs extra', 'is not a scope'],
  ])('%s is refused (%s)', (text, reason) => {
    const parsed = parseScope(text)
    expect(isScope(parsed)).toBe(false)
    expect((parsed as { error: string }).error).toContain(reason)
  })
})

describe('grantScopes', () => {
  it('grants what is asked and allowed, as asked', () => {
    expect(grantScopes(['system/Patient.rs', 'system/Observation.rs'], ['system/Patient.rs'])).toEqual([
      'system/Patient.rs',
    ])
    expect(grantScopes(['system/Observation.read'], ['system/*.rs'])).toEqual(['system/Observation.read'])
  })

  it('narrows a requested * to the allowed types', () => {
    expect(grantScopes(['system/*.rs'], ['system/Patient.rs', 'system/Encounter.read'])).toEqual([
      'system/Patient.rs',
      'system/Encounter.read',
    ])
  })

  it('grants nothing for unknown words, other kinds of scope or nothing allowed', () => {
    expect(grantScopes(['patient/*.rs', 'openid'], ['system/*.rs'])).toEqual([])
    expect(grantScopes(['system/Patient.rs'], [])).toEqual([])
    expect(grantScopes(scopeWords('  '), ['system/*.rs'])).toEqual([])
  })

  it('splits the form value on any whitespace and grants each once', () => {
    expect(grantScopes(scopeWords(' system/Patient.rs\tsystem/Patient.rs '), ['system/*.rs'])).toEqual([
      'system/Patient.rs',
    ])
  })
})

describe('scopeTypes', () => {
  it('is * when any scope is, else the named types', () => {
    expect(scopeTypes(['system/Patient.rs', 'system/*.rs'])).toBe('*')
    expect(scopeTypes(['system/Patient.rs', 'system/Encounter.read'])).toEqual(
      new Set(['Patient', 'Encounter']),
    )
  })
})

describe('jwksProblems', () => {
  const rsa = { kty: 'RSA', kid: 'a', n: 'x', e: 'AQAB' }
  it('accepts RSA and P-384 public keys with a kid', () => {
    expect(
      jwksProblems({ keys: [rsa, { kty: 'EC', crv: 'P-384', x: 'x', y: 'y', kid: 'b', alg: 'ES384' }] }),
    ).toEqual([])
  })

  it('names each problem', () => {
    expect(
      jwksProblems({ keys: [{ ...rsa, d: 'private', p: 'p' }, { ...rsa }, { kty: 'oct', k: 'secret' }] }),
    ).toEqual([
      { field: 'jwks.keys[0].d', message: expect.stringContaining('private') },
      { field: 'jwks.keys[0].p', message: expect.stringContaining('private') },
      { field: 'jwks.keys[2].k', message: expect.stringContaining('private') },
      { field: 'jwks.keys[2].kid', message: expect.stringContaining('required') },
      { field: 'jwks.keys[2].kty', message: expect.stringContaining('P-384') },
      { field: 'jwks.keys[1].kid', message: expect.stringContaining('repeats "a"') },
    ])
    expect(jwksProblems({ keys: [] })).toEqual([{ field: 'jwks.keys', message: expect.any(String) }])
    expect(jwksProblems([rsa])).toEqual([{ field: 'jwks', message: expect.any(String) }])
    expect(jwksProblems({ keys: [{ ...rsa, use: 'enc', alg: 'ES384' }] }).map((p) => p.field)).toEqual([
      'jwks.keys[0].alg',
      'jwks.keys[0].use',
    ])
  })
})
