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
import { contentDisposition } from '../../content-disposition'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as consent from './service'

export function consentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/consent-texts/current',
      {
        schema: {
          tags: ['consent'],
          summary: "The clinic's current consent text (version 1 is KetaCare's default)",
          params: clinicParams,
          response: { 200: consentTextSchema },
        },
      },
      async (request) => consent.getCurrentText(ctx, signInOf(request).principal, request.params.clinicId),
    )

    app.post(
      '/api/v1/clinics/:clinicId/consent-texts',
      {
        schema: {
          tags: ['consent'],
          summary: 'Publish a new consent text version (administrator); earlier consents stop being current',
          params: clinicParams,
          body: consentTextBody,
          response: { 201: consentTextSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await consent.publishText(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.body,
            ),
          ),
    )

    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/consents',
      {
        schema: {
          tags: ['consent'],
          summary: "A patient's consents, newest first",
          params: patientParams,
          response: { 200: z.array(consentSchema) },
        },
      },
      async (request) =>
        consent.listConsents(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
        ),
    )

    app.post(
      '/api/v1/clinics/:clinicId/patients/:patientId/consents',
      {
        schema: {
          tags: ['consent'],
          summary:
            'Record the patient’s signature (drawn or typed) on the current text; the signed-in clinician witnesses',
          params: patientParams,
          body: signConsentBody,
          response: { 201: consentSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await consent.signConsent(
              ctx,
              signInOf(request).principal,
              request.params.clinicId,
              request.params.patientId,
              request.body,
            ),
          ),
    )

    app.post(
      '/api/v1/clinics/:clinicId/patients/:patientId/consents/:consentId/withdraw',
      {
        schema: {
          tags: ['consent'],
          summary: 'Record that the patient withdrew consent',
          params: consentParams,
          body: errorReasonBody,
          response: { 200: consentSchema },
        },
      },
      async (request) =>
        consent.withdrawConsent(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.consentId,
          request.body.reason,
        ),
    )

    app.get(
      '/api/v1/clinics/:clinicId/patients/:patientId/consents/:consentId/pdf',
      {
        schema: {
          tags: ['consent'],
          summary: 'The signed consent as a printable PDF',
          params: consentParams,
          response: { 200: pdfReply },
        },
      },
      async (request, reply) => {
        const { filename, pdf } = await consent.consentPdf(
          ctx,
          signInOf(request).principal,
          request.params.clinicId,
          request.params.patientId,
          request.params.consentId,
        )
        return reply
          .type('application/pdf')
          .header('content-disposition', contentDisposition('inline', filename))
          .send(pdf)
      },
    )
  }
}
