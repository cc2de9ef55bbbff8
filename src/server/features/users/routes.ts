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
import { clinic, routeTable } from '../../route-table'
import * as users from './service'

const user = ['clinicId', 'userId'] as const

export function userRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['users'], ({ get, post, patch, call }) => {
    const base = '/api/v1/clinics/:clinicId/users'
    get(
      base,
      "List a clinic's staff",
      { params: clinicParams, query: userListQuery, 200: paged(clinicUserSchema) },
      call(clinic, users.listUsers),
    )
    post(
      base,
      'Add a staff member to the clinic',
      { params: clinicParams, body: addUserBody, 201: addedUserSchema },
      call(clinic, users.addUser),
    )
    patch(
      `${base}/:userId`,
      "Change a staff member's role or deactivate them in this clinic",
      { params: userParams, body: updateUserBody, 200: clinicUserSchema },
      call(user, users.updateUser),
    )
    post(
      `${base}/:userId/reset-mfa`,
      "Reset a staff member's authenticator",
      { params: userParams, body: z.object({}).optional(), 200: clinicUserSchema },
      ({ principal, clinicId, userId }) => users.resetMfa(ctx, principal, clinicId, userId),
    )
  })
}
