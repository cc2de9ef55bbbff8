import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { installValidationMessages } from './validation-messages'

installValidationMessages()

describe('validation messages', () => {
  it('says what to do, in words, for the common problems', () => {
    const schema = z.object({
      name: z.string().min(1),
      note: z.string().max(5),
      email: z.email(),
      weightKg: z.number().min(20),
      role: z.enum(['nurse', 'prescriber']),
      when: z.coerce.date(),
      kept: z.string().min(3, 'say why (at least 3 characters)'),
    })
    const result = schema.safeParse({
      name: '',
      note: 'too long',
      email: 'nope',
      weightKg: 3,
      role: 'surgeon',
      when: 'someday',
      kept: 'x',
    })
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]))
    expect(messages).toEqual({
      name: 'is required',
      note: 'must be at most 5 characters',
      email: 'must be an e-mail address',
      weightKg: 'must be at least 20',
      role: 'must be one of nurse, prescriber',
      when: 'must be a date',
      kept: 'say why (at least 3 characters)',
    })
    expect(z.object({ a: z.string() }).safeParse({}).error!.issues[0]!.message).toBe('is required')
  })
})
