import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import { seedDemoClinicalData } from '../../seed/demo'

// A session that runs past the clinic's midnight stays on today's board and the nurse's worklist
// until the patient leaves the chair; one that ended yesterday does not. (Found when the browser
// tests ran at 00:30 in New York and the patients in the chairs had vanished from the board.)

let t: TestApp
let nurse: Client
const clinicUrl = () => `/api/v1/clinics/${t.clinics.riverside}`
interface Card {
  patient: { mrn: string }
  state: string
}

beforeAll(async () => {
  // The test clock starts at 04:00 in New York; the demo's board runs from 00:00 to now.
  t = await startTestApp()
  await seedDemoClinicalData(t.ctx, t.demo)
  // 00:30 the next day on Riverside's calendar (America/New_York, UTC−5 in November).
  t.clock.advanceMinutes(20 * 60 + 30)
  nurse = new Client(t)
  await nurse.signIn(demoEmails.nurse)
})
afterAll(() => t.close())

describe("today's board after the clinic's midnight", () => {
  it('keeps the patients still at the chair and drops the session discharged yesterday', async () => {
    const res = await nurse.get(`${clinicUrl()}/board`)
    expect(res.statusCode, res.body).toBe(200)
    const board = res.json() as { date: string; sessions: Card[] }
    expect(board.date).toBe('2026-11-28')
    const states = Object.fromEntries(board.sessions.map((s) => [s.patient.mrn, s.state]))
    // Luis Reyes (esketamine, still dissociated) and the running IV infusion carry over.
    expect(states['RK-2024-0140']).toBe('monitoring')
    expect(states['RK-2024-0107']).toBe('dosing')
    expect(board.sessions.some((s) => s.state === 'discharged')).toBe(false)
  })

  it('shows yesterday’s day, asked for by date, as it was: no carried-over sessions from before it', async () => {
    const board = (await nurse.get(`${clinicUrl()}/board?date=2026-11-27`)).json() as { sessions: Card[] }
    expect(board.sessions.some((s) => s.state === 'discharged')).toBe(true)
    expect(board.sessions.map((s) => s.patient.mrn)).toContain('RK-2024-0140')
    const dayBefore = (await nurse.get(`${clinicUrl()}/board?date=2026-11-26`)).json() as { sessions: Card[] }
    expect(dayBefore.sessions.some((s) => s.state === 'monitoring' || s.state === 'dosing')).toBe(false)
  })

  it("lists the carried-over sessions in the nurse's worklist for today", async () => {
    const res = await nurse.get(`${clinicUrl()}/worklist`)
    expect(res.statusCode, res.body).toBe(200)
    const today = (
      res.json() as { sections: { id: string; items: { subject: string | null }[] }[] }
    ).sections.find((s) => s.id === 'today')
    expect(today?.items.map((i) => i.subject).join(' ')).toMatch(/RK-2024-0140/)
  })
})
