import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { issuedSchema, mfaEnrolmentSchema, sessionProbeSchema } from '../../contract/auth'
import { createdDisplaySchema } from '../../contract/board-display'
import { catalogueSchema } from '../../contract/settings'
import { addedUserSchema } from '../../contract/users'
import { holdsSecret, registerCompression } from './compression'

describe('which replies may be compressed (BREACH)', () => {
  it('finds a secret member at any depth, through unions and optional members', () => {
    for (const schema of [
      issuedSchema,
      mfaEnrolmentSchema,
      sessionProbeSchema,
      createdDisplaySchema,
      addedUserSchema,
    ])
      expect(holdsSecret(schema)).toBe(true)
  })

  it('leaves replies without one to be compressed', () => {
    expect(holdsSecret(catalogueSchema)).toBe(false)
    expect(holdsSecret(undefined)).toBe(false)
  })
})

describe('the compression plugin', () => {
  it('compresses a large reply but never one whose schema carries a secret, however large', async () => {
    const app = Fastify()
    app.setValidatorCompiler(validatorCompiler)
    app.setSerializerCompiler(serializerCompiler)
    await registerCompression(app)
    const notes = Array.from({ length: 200 }, (_, i) => `note ${i}`)
    app.get('/list', { schema: { response: { 200: z.object({ notes: z.array(z.string()) }) } } }, () => ({
      notes,
    }))
    app.get(
      '/issued',
      { schema: { response: { 200: z.object({ csrfToken: z.string(), notes: z.array(z.string()) }) } } },
      () => ({
        csrfToken: 'a'.repeat(43),
        notes,
      }),
    )
    const headers = { 'accept-encoding': 'br, gzip' }
    const list = await app.inject({ url: '/list', headers })
    expect(list.headers['content-encoding']).toBe('br')
    const issued = await app.inject({ url: '/issued', headers })
    expect(issued.rawPayload.length).toBeGreaterThan(1024)
    expect(issued.headers['content-encoding']).toBeUndefined()
    await app.close()
  })
})
