import { describe, expect, it } from 'vitest'
import { toCondition } from './condition'

describe('the episode as a Condition', () => {
  const episode = {
    id: 'c',
    patient_id: 'p',
    code: 'F33.2',
    episode_duration_months: 14,
    updated_at: new Date('2026-03-01T03:00:00Z'),
    isSigned: false,
    version: 4,
    lastUpdated: new Date('2026-03-02T00:00:00Z'),
  }

  it('onset is the duration back from the recording, in the clinic’s calendar (28 Feb in New York)', () => {
    const c = toCondition(episode, 'America/New_York')
    expect(c.onsetDateTime).toBe('2024-12')
    expect(toCondition(episode, 'UTC').onsetDateTime).toBe('2025-01')
    expect(c.code!.coding![0]).toMatchObject({ code: 'F33.2', display: expect.stringContaining('recurrent') })
    expect(c.verificationStatus!.coding![0]!.code).toBe('provisional')
    expect(toCondition({ ...episode, isSigned: true }, 'UTC').verificationStatus!.coding![0]!.code).toBe(
      'confirmed',
    )
  })
})
