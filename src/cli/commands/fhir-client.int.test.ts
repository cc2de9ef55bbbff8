import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bufferIo, withSeededCli } from '../../../test/support/cli'
import { jwksOf, makeKey } from '../../../test/support/smart-client'
import { runCli } from '../run-cli'

describe('ketacare fhir client add, list and revoke', () => {
  it('registers a client from a JWKS file, lists it, revokes it; a private key is refused naming the field', async () => {
    await withSeededCli(async ({ env, dir }) => {
      const key = await makeKey('ES384', 'registry-1')
      const jwks = join(dir, 'jwks.json')
      writeFileSync(jwks, JSON.stringify(jwksOf(key)))
      const run = async (...argv: string[]) => {
        const io = bufferIo(env)
        return { code: await runCli(argv, io.io), text: io.text() }
      }
      const clinic = ['--clinic', 'Riverside Ketamine Clinic']
      const add = await run(
        'fhir',
        'client',
        'add',
        ...clinic,
        '--name',
        'Registry',
        '--jwks',
        jwks,
        '--scopes',
        'system/*.rs',
      )
      expect(add.code, add.text).toBe(0)
      const clientId = /client_id: (\S+)/.exec(add.text)![1]!
      expect(add.text).toContain('registry-1 (ES384)')

      const list = await run('fhir', 'client', 'list', ...clinic, '--json')
      expect(list.code).toBe(0)
      // Beside the demo's referring EHR, the one just registered.
      const listed = JSON.parse(list.text.slice(list.text.indexOf('[')))
      expect(listed).toContainEqual(
        expect.objectContaining({ clientId, name: 'Registry', scopes: ['system/*.rs'], revokedAt: null }),
      )
      expect(listed.map((c: { name: string }) => c.name)).toContain('Referring psychiatrist EHR (demo)')
      const revoke = await run('fhir', 'client', 'revoke', ...clinic, clientId)
      expect(revoke.code, revoke.text).toBe(0)
      expect(revoke.text).toContain(`Revoked ${clientId}`)
      expect((await run('fhir', 'client', 'revoke', ...clinic, clientId)).code).toBe(2)

      writeFileSync(jwks, JSON.stringify({ keys: [{ ...key.publicJwk, d: 'private' }] }))
      const bad = await run(
        'fhir',
        'client',
        'add',
        ...clinic,
        '--name',
        'Bad',
        '--jwks',
        jwks,
        '--scopes',
        'system/*.rs',
      )
      expect(bad.code).toBe(2)
      expect(bad.text).toContain('jwks.keys[0].d')
    })
  })
})
