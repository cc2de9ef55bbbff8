import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import { catalogueSchema, settingsPatchSchema, settingsReplySchema } from '../../../contract/settings'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import { getClinicSettings, getRuleCatalogue, updateClinicSettings } from './service'

export function settingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/settings',
      {
        schema: {
          tags: ['settings'],
          summary: "The clinic's clinical settings (thresholds) and their defaults",
          params: clinicParams,
          response: { 200: settingsReplySchema },
        },
      },
      async (request) => getClinicSettings(ctx, signInOf(request).principal, request.params.clinicId),
    )

    app.put(
      '/api/v1/clinics/:clinicId/settings',
      {
        schema: {
          tags: ['settings'],
          summary: 'Change some clinical settings (nested by group) with the version read; 409 when stale',
          params: clinicParams,
          body: settingsPatchSchema,
          response: { 200: settingsReplySchema },
        },
      },
      async (request) => {
        const { version, ...patch } = request.body as { version: number } & Record<string, unknown>
        return updateClinicSettings(ctx, signInOf(request).principal, request.params.clinicId, {
          version,
          patch,
        })
      },
    )

    app.get(
      '/api/v1/clinics/:clinicId/rules',
      {
        schema: {
          tags: ['settings'],
          summary:
            "The rule catalogue: every clinical rule, its source and mark, the clinic's values beside the defaults",
          params: clinicParams,
          response: { 200: catalogueSchema },
        },
      },
      async (request) => getRuleCatalogue(ctx, signInOf(request).principal, request.params.clinicId),
    )
  }
}
