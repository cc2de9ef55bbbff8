import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, paged, pageQuery } from '../../../contract/common'
import { type StaffRole, staffRoles } from '../../../domain/access/permissions'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as users from './service'

const roleSchema = z.enum(staffRoles as unknown as [StaffRole, ...StaffRole[]])
const userSchema = z.object({
  userId: z.string(),
  email: z.string(),
  displayName: z.string(),
  role: roleSchema,
  isActive: z.boolean(),
  mfaEnrolled: z.boolean(),
  lastSignInAt: z.date().nullable(),
  version: z.number(),
})
const userParams = clinicParams.extend({ userId: z.uuid() })

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/users',
      {
        schema: {
          tags: ['users'],
          summary: "List a clinic's staff",
          params: clinicParams,
          querystring: pageQuery.extend({ q: z.string().trim().max(200).optional() }),
          response: { 200: paged(userSchema) },
        },
      },
      async (request) =>
        users.listUsers(ctx, signInOf(request).principal, request.params.clinicId, request.query),
    )

    app.post(
      '/api/v1/clinics/:clinicId/users',
      {
        schema: {
          tags: ['users'],
          summary: 'Add a staff member to the clinic',
          params: clinicParams,
          body: z.object({
            email: z.email().max(320),
            displayName: z.string().trim().min(1).max(200),
            role: roleSchema,
          }),
          response: { 201: z.object({ user: userSchema, temporaryPassword: z.string().nullable() }) },
        },
      },
      async (request, reply) => {
        const result = await users.addUser(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.body,
        )
        return reply.status(201).send(result)
      },
    )

    app.patch(
      '/api/v1/clinics/:clinicId/users/:userId',
      {
        schema: {
          tags: ['users'],
          summary: "Change a staff member's role or deactivate them in this clinic",
          params: userParams,
          body: z.object({
            role: roleSchema.optional(),
            isActive: z.boolean().optional(),
            version: z.number().int().min(1),
          }),
          response: { 200: userSchema },
        },
      },
      async (request) =>
        users.updateUser(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.userId,
          request.body,
        ),
    )

    app.post(
      '/api/v1/clinics/:clinicId/users/:userId/reset-mfa',
      {
        schema: {
          tags: ['users'],
          summary: "Reset a staff member's authenticator",
          params: userParams,
          body: z.object({}).optional(),
          response: { 200: userSchema },
        },
      },
      async (request) =>
        users.resetMfa(ctx, signInOf(request).principal, request.params.clinicId, request.params.userId),
    )
  }
}
