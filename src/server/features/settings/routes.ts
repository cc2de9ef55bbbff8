import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { clinicParams } from '../../../contract/common'
import { catalogueSchema, settingsPatchSchema, settingsReplySchema } from '../../../contract/settings'
import type { AppContext } from '../../context'
import { clinic, routeTable } from '../../route-table'
import { getClinicSettings, getRuleCatalogue, updateClinicSettings } from './service'

export function settingsRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['settings'], ({ get, put, call }) => {
    const settings = '/api/v1/clinics/:clinicId/settings'
    get(
      settings,
      "The clinic's clinical settings (thresholds) and their defaults",
      { params: clinicParams, 200: settingsReplySchema },
      call(clinic, getClinicSettings),
    )
    put(
      settings,
      'Change some clinical settings (nested by group) with the version read; 409 when stale',
      { params: clinicParams, body: settingsPatchSchema, 200: settingsReplySchema },
      ({ principal, clinicId, body }) => {
        const { version, ...patch } = body as { version: number } & Record<string, unknown>
        return updateClinicSettings(ctx, principal, clinicId, { version, patch })
      },
    )
    get(
      '/api/v1/clinics/:clinicId/rules',
      "The rule catalogue: every clinical rule, its source and mark, the clinic's values beside the defaults",
      { params: clinicParams, 200: catalogueSchema },
      call(clinic, getRuleCatalogue),
    )
  })
}
