import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { clinicParams, errorReasonBody, patientParams } from '../../../contract/common'
import { contentDisposition } from '../../content-disposition'
import type { AppContext } from '../../context'
import { signInOf } from '../../plugins/auth'
import * as consent from './service'

const textSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  body: z.string(),
  contentHash: z.string(),
  createdAt: z.date(),
})
const consentSchema = z.object({
  id: z.string(),
  consentTextId: z.string(),
  textVersion: z.number(),
  textTitle: z.string(),
  signerName: z.string(),
  signatureKind: z.enum(['drawn', 'typed']),
  researchUse: z.boolean(),
  witnessName: z.string(),
  contentHash: z.string(),
  signedAt: z.date(),
  withdrawnAt: z.date().nullable(),
  withdrawalReason: z.string().nullable(),
  isCurrent: z.boolean(),
})
const consentParams = patientParams.extend({ consentId: z.uuid() })
// A drawn signature is a PNG from the signature pad; 300 kB is far above a real one.
const signatureData = z.union([
  z
    .string()
    .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/, 'must be a PNG data URL')
    .max(300_000),
  z.string().trim().min(2).max(200),
])

export function consentRoutes(ctx: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/v1/clinics/:clinicId/consent-texts/current',
      {
        schema: {
          tags: ['consent'],
          summary: "The clinic's current consent text (version 1 is KetaCare's default)",
          params: clinicParams,
          response: { 200: textSchema },
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
          body: z.object({
            title: z.string().trim().min(3).max(200),
            body: z.string().trim().min(200, 'a consent text needs at least 200 characters').max(50_000),
          }),
          response: { 201: textSchema },
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
          body: z.object({
            consentTextId: z.uuid(),
            signerName: z.string().trim().min(2).max(200),
            signatureKind: z.enum(['drawn', 'typed']),
            signatureData,
            researchUse: z.boolean().default(false),
          }),
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
