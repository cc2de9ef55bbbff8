import type { LightMyRequestResponse } from 'fastify'
import { expect } from 'vitest'
import { aldrete10, cssrsNegative } from './session-answers'
import type { Client, TestApp } from './test-app'

/** Steps the chair-side journeys take again and again: booking, transitions, the pre-dose record. */

/** A PHQ-9 with every item at 2 but item 9 (no thoughts of self-harm): moderately severe. */
export const phq9AllTwos = Object.fromEntries(
  Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 0 : 2]),
)

/** Books a session at the clinic's current time and expects it booked: its id and API address. */
export async function bookSessionNow(
  t: TestApp,
  frontDesk: Client,
  patientId: string,
  chairId: string,
): Promise<{ id: string; url: string }> {
  const clinic = `/api/v1/clinics/${t.clinics.riverside}`
  const booked = await frontDesk.post(`${clinic}/sessions`, {
    patientId,
    chairId,
    scheduledAt: t.clock.now().toISOString(),
  })
  expect(booked.statusCode, booked.body).toBe(201)
  const id: string = booked.json().session.id
  return { id, url: `${clinic}/sessions/${id}` }
}

/**
 * A session's view as `reader` sees it, a transition by any client at the current version, and the
 * same transition expected to succeed (returning the refreshed view).
 */
export function sessionDriver(reader: Client, sessionUrl: string) {
  const view = async () => (await reader.get(sessionUrl)).json()
  const step = async (client: Client, event: string, reason?: string): Promise<LightMyRequestResponse> =>
    client.post(`${sessionUrl}/transition`, {
      event,
      version: (await view()).session.version,
      ...(reason ? { reason } : {}),
    })
  const stepOk = async (client: Client, event: string, reason?: string) => {
    const res = await step(client, event, reason)
    expect(res.statusCode, res.body).toBe(200)
    return res.json()
  }
  return { view, step, stepOk }
}

/** What the pre-dose record changes from the defaults (all passed, PHQ-9 all twos). */
export interface PreDoseRecord {
  preChecks?: Record<string, unknown>
  vitals?: Record<string, number | undefined>
  cssrs?: Record<string, boolean>
  phq9?: Record<string, number | null> | null
}

/**
 * Charts the pre-dose record in the order the nurse takes it: the pre-checks, the pre vital signs,
 * the C-SSRS screen and (unless `phq9` is null) the PHQ-9. Returns the C-SSRS screen's reply.
 */
export async function chartPreDose(
  nurse: Client,
  sessionUrl: string,
  record: PreDoseRecord = {},
): Promise<LightMyRequestResponse> {
  await nurse.post(`${sessionUrl}/pre-checks`, {
    identityConfirmed: true,
    fastingConfirmed: true,
    escortConfirmed: true,
    escortName: 'Sam Avery',
    pregnancyStatus: 'negative',
    urinarySymptoms: false,
    ...record.preChecks,
  })
  await nurse.post(`${sessionUrl}/vitals`, {
    context: 'pre',
    systolicMmHg: 124,
    diastolicMmHg: 78,
    heartRateBpm: 72,
    spo2Percent: 98,
    ...record.vitals,
  })
  const screened = await nurse.post(`${sessionUrl}/scores`, {
    instrumentId: 'cssrs-screen',
    context: 'pre',
    answers: record.cssrs ?? cssrsNegative,
  })
  const phq9 = record.phq9 === undefined ? phq9AllTwos : record.phq9
  if (phq9) await nurse.post(`${sessionUrl}/scores`, { instrumentId: 'phq9', context: 'pre', answers: phq9 })
  return screened
}

/** The recovery record after dosing: the escort present and an Aldrete score of 10. */
export async function chartRecovery(nurse: Client, sessionUrl: string): Promise<void> {
  await nurse.post(`${sessionUrl}/escort`, { isPresent: true })
  await nurse.post(`${sessionUrl}/scores`, { instrumentId: 'aldrete', context: 'post', answers: aldrete10 })
}

/** Post-dose vital signs within the discharge limits, the patient alert (MOAA/S 5); `vitals` overrides. */
export function chartPostVitals(
  nurse: Client,
  sessionUrl: string,
  vitals: Record<string, number> = {},
): Promise<LightMyRequestResponse> {
  return nurse.post(`${sessionUrl}/vitals`, {
    context: 'post',
    systolicMmHg: 126,
    diastolicMmHg: 80,
    heartRateBpm: 74,
    spo2Percent: 98,
    moaas: 5,
    ...vitals,
  })
}
