import { z } from 'zod'
import { sessionStates } from '../domain/session'
import { clinicParams, timestamp } from './common'

// Read-only Today board displays' API contract (src/server/features/board-display): the
// administrator's list, and the display's own feed under its device token.

export const displayNameMaxLength = 80

export const createDisplayBody = z.object({
  name: z.string().trim().min(1, 'give the display a name').max(displayNameMaxLength),
})

export const displayParams = clinicParams.extend({ displayId: z.uuid() })

export const displaySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: timestamp,
  createdBy: z.string(),
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
})

export const createdDisplaySchema = z.object({
  id: z.string(),
  name: z.string(),
  token: z.string().describe('shown once: only its hash is kept'),
})

/** The display's reply, and the whole of it: the schema drops any field not listed here. */
export const displayBoardSchema = z.object({
  clinicName: z.string(),
  displayName: z.string(),
  date: z.string(),
  timeZone: z.string(),
  generatedAt: timestamp,
  sessions: z.array(
    z.object({
      chair: z.string().nullable(),
      initial: z.string(),
      phase: z.enum(sessionStates),
      scheduledAt: timestamp,
      doseStartedAt: timestamp.nullable(),
      nextVitalsDueAt: timestamp.nullable(),
      dischargeReadyAt: timestamp.nullable(),
    }),
  ),
})
