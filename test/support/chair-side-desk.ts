import type { LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll } from 'vitest'
import { bookSessionNow, chartPreDose, type PreDoseRecord, sessionDriver } from './chair-side'
import { freshTotpCode, patientIdByMrn, startDemoClinic } from './clinic-fixture'
import type { Client, TestApp } from './test-app'

/** A booking: chair by index in `chairs`, hours after the test clock's now, and any other fields. */
export interface Booking {
  chair?: number
  hoursAhead?: number
  spacingOverrideReason?: string
}

/** The demo clinic with the chair-side trio signed in, as a test file's tests read it. */
export interface ChairSideDesk {
  t: TestApp
  nurse: Client
  frontDesk: Client
  prescriber: Client
  /** The prescriber's TOTP secret, for signatures (see freshTotpCode). */
  secret: string
  /** `/api/v1/clinics/<Riverside>`: the clinic every chair-side journey runs in. */
  clinicUrl: string
  /** Riverside's chairs, as the nurse lists them. */
  chairs: { id: string; name: string }[]
  /** A fresh TOTP code of the prescriber's, for a signature. */
  code: () => string
  /** A Riverside patient's id by MRN, as the front desk finds it. */
  patientIdByMrn: (mrn: string) => Promise<string>
  /** `client` books the patient a session (the reply is the caller's to judge). */
  book: (client: Client, patientId: string, booking?: Booking) => Promise<LightMyRequestResponse>
  /**
   * Books the patient now on chair `chair` (by index); the front desk checks them in, the nurse
   * starts the pre-checks and charts the pre-dose record (chartPreDose, `record` changing it).
   * Returns the session's id and address and the reply to its C-SSRS screen.
   */
  startPreDose: (
    patientId: string,
    chair: number,
    record?: PreDoseRecord,
  ) => Promise<{ id: string; url: string; screened: LightMyRequestResponse }>
  /** `minutes` later on the test clock, the nurse charts an intra-dose reading of the measures given. */
  intraReading: (
    sessionUrl: string,
    minutes: number,
    vitals: Record<string, unknown>,
  ) => Promise<LightMyRequestResponse>
}

/**
 * Starts the demo clinic with a nurse, the front desk and a prescriber signed in before the file's
 * tests (`beforeAll`) and closes it after them (`afterAll`). The fields are filled in by
 * `beforeAll`: read them inside hooks and tests, never at module level.
 */
export function chairSideDesk(env: Record<string, string> = {}): ChairSideDesk {
  const desk = {
    code: () => freshTotpCode(desk.t, desk.secret),
    patientIdByMrn: (mrn: string) => patientIdByMrn(desk.frontDesk, desk.t.clinics.riverside, mrn),
    book: (client: Client, patientId: string, { chair = 0, hoursAhead = 0, ...rest }: Booking = {}) =>
      client.post(`${desk.clinicUrl}/sessions`, {
        patientId,
        chairId: desk.chairs[chair]!.id,
        scheduledAt: new Date(desk.t.clock.now().getTime() + hoursAhead * 3_600_000).toISOString(),
        ...rest,
      }),
    startPreDose: async (patientId: string, chair: number, record?: PreDoseRecord) => {
      const { id, url } = await bookSessionNow(desk.t, desk.frontDesk, patientId, desk.chairs[chair]!.id)
      const { stepOk } = sessionDriver(desk.nurse, url)
      await stepOk(desk.frontDesk, 'check-in')
      await stepOk(desk.nurse, 'start-pre-checks')
      return { id, url, screened: await chartPreDose(desk.nurse, url, record) }
    },
    intraReading: (sessionUrl: string, minutes: number, vitals: Record<string, unknown>) => {
      desk.t.clock.advanceMinutes(minutes)
      return desk.nurse.post(`${sessionUrl}/vitals`, { context: 'intra', ...vitals })
    },
  } as ChairSideDesk
  beforeAll(async () => {
    const { t, clients, prescriberSecret } = await startDemoClinic({ env })
    if (!prescriberSecret) throw new Error('the demo prescriber must sign in with TOTP')
    const clinicUrl = `/api/v1/clinics/${t.clinics.riverside}`
    const chairs = (await clients.nurse.get(`${clinicUrl}/chairs`)).json()
    Object.assign(desk, { t, ...clients, secret: prescriberSecret, clinicUrl, chairs })
  })
  afterAll(() => desk.t.close())
  return desk
}
