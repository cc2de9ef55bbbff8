import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, errorReasonBody, patientParams, pdfReply } from '../../../contract/common'
import {
  consentParams,
  consentSchema,
  consentTextBody,
  consentTextSchema,
  signConsentBody,
} from '../../../contract/consent'
import type { AppContext } from '../../context'
import { clinic, patient, routeTable, sendPdf } from '../../route-table'
import * as consent from './service'

export function consentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return routeTable(ctx, ['consent'], ({ get, post, call }) => {
    const texts = '/api/v1/clinics/:clinicId/consent-texts'
    get(
      `${texts}/current`,
      "The clinic's current consent text (version 1 is KetaCare's default)",
      { params: clinicParams, 200: consentTextSchema },
      call(clinic, consent.getCurrentText),
    )
    post(
      texts,
      'Publish a new consent text version (administrator); earlier consents stop being current',
      { params: clinicParams, body: consentTextBody, 201: consentTextSchema },
      call(clinic, consent.publishText),
    )
    const consents = '/api/v1/clinics/:clinicId/patients/:patientId/consents'
    get(
      consents,
      "A patient's consents, newest first",
      { params: patientParams, 200: z.array(consentSchema) },
      call(patient, consent.listConsents),
    )
    post(
      consents,
      'Record the patient’s signature (drawn or typed) on the current text; the signed-in clinician witnesses',
      { params: patientParams, body: signConsentBody, 201: consentSchema },
      call(patient, consent.signConsent),
    )
    post(
      `${consents}/:consentId/withdraw`,
      'Record that the patient withdrew consent',
      { params: consentParams, body: errorReasonBody, 200: consentSchema },
      ({ principal, clinicId, patientId, consentId, body }) =>
        consent.withdrawConsent(ctx, principal, clinicId, patientId, consentId, body.reason),
    )
    get(
      `${consents}/:consentId/pdf`,
      'The signed consent as a printable PDF',
      { params: consentParams, 200: pdfReply },
      async ({ principal, clinicId, patientId, consentId, reply }) =>
        sendPdf(reply, await consent.consentPdf(ctx, principal, clinicId, patientId, consentId)),
    )
  })
}
