import { z } from 'zod'
import { type StaffRole, staffRoles } from '../domain/access/permissions'
import { clinicParams, pageQuery, timestamp } from './common'

// A clinic's staff: membership, role and whether they have set up their authenticator.

export const staffRoleSchema = z.enum(staffRoles as unknown as [StaffRole, ...StaffRole[]])

export const clinicUserSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: staffRoleSchema,
  isActive: z.boolean(),
  mfaEnrolled: z.boolean(),
  lastSignInAt: timestamp.nullable(),
  version: z.number(),
})

export const addedUserSchema = z.object({
  user: clinicUserSchema,
  /** Shown once to the admin; null when the e-mail already had an account elsewhere. */
  temporaryPassword: z.string().nullable(),
})

export const userParams = clinicParams.extend({ userId: z.uuid() })

export const userListQuery = pageQuery.extend({ q: z.string().trim().max(200).optional() })

export const addUserBody = z.object({
  email: z.email().max(320),
  displayName: z.string().trim().min(1).max(200),
  role: staffRoleSchema,
})

export const updateUserBody = z.object({
  role: staffRoleSchema.optional(),
  isActive: z.boolean().optional(),
  version: z.number().int().min(1),
})
