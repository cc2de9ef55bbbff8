import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, paged } from '../../../contract/common'
import {
  addedUserSchema,
  addUserBody,
  clinicUserSchema,
  updateUserBody,
  userListQuery,
  userParams,
} from '../../../contract/users'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as users from './service'

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/users',
      {
        schema: {
          tags: ['users'],
          summary: "List a clinic's staff",
          params: clinicParams,
          querystring: userListQuery,
          response: { 200: paged(clinicUserSchema) },
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
          body: addUserBody,
          response: { 201: addedUserSchema },
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
          body: updateUserBody,
          response: { 200: clinicUserSchema },
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
          response: { 200: clinicUserSchema },
        },
      },
      async (request) =>
        users.resetMfa(ctx, signInOf(request).principal, request.params.clinicId, request.params.userId),
    )
  }
}
