import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, demoEmails, startTestApp, type TestApp } from '../../../../test/support/test-app'
import type { SyntheticPatient, SyntheticSession } from '../../../domain/outcomes'
import { uuidv7 } from '../../ids'
import { writeSyntheticPatients } from '../../seed/synthetic'

// Five patients written out by hand in a clinic of their own, and every dashboard figure below
// worked out on paper from them (response = PHQ-9 at most half of baseline, remission = PHQ-9 ≤ 4,
// clinical-reference §4; Wilson 95 % intervals, z = 1.96).
//
//            baseline  24 h   1 week  course end
//   A           20       8      6        4      24 h response; 1 w response; end response + remission
//   B           20      12     10       12      1 w response only
//   C           16       4      3        3      response + remission everywhere
//   D           24      20     18       15      never responds
//   E           18       –      9       10      no 24 h score; 1 w response (9 ≤ 18/2)
//
// Follow-up after the course: A scores 8 on day 25 and 14 on day 32 (relapse: 14 > 20/2);
// C scores 5 on day 25 and 6 on day 40 (still responding, censored).
//
// Each has six IV sessions (days 0, 2, 4, 7, 9, 11 at 09:00, discharged 10:30). Scores are taken
// at 08:00 on day 0 (baseline) and 12:00 on days 1, 7 and 12. Pre-dose BP 130/80 and peak 150/90
// everywhere except D's first session, which peaks at 185/100 (the one excursion above 180/110).
// Side effects: nausea grade 1 in A's first session and nausea grade 2 in B's second.

const dayMs = 86_400_000

function person(
  index: number,
  scores: [day: number, total: number][],
  tweak?: (sessions: SyntheticSession[]) => void,
): SyntheticPatient {
  const sessions: SyntheticSession[] = [0, 2, 4, 7, 9, 11].map((day, i) => ({
    number: i + 1,
    day,
    route: 'iv',
    doseMg: 35,
    vitals: [
      [130, 80, 70],
      [150, 90, 75],
      [128, 78, 70],
    ],
    sideEffects: [],
  }))
  tweak?.(sessions)
  return {
    index,
    sex: 'female',
    ageYears: 40,
    weightKg: 70,
    route: 'iv',
    sessions,
    phq9: scores.map(([day, total]) => ({ day, total })),
    madrs: [],
    consentsToResearch: false,
  }
}

const cohort = [
  person(
    1,
    [
      [0, 20],
      [1, 8],
      [7, 6],
      [12, 4],
      [25, 8],
      [32, 14],
    ],
    (s) => {
      s[0]!.sideEffects = [{ term: 'nausea', grade: 1 }]
    },
  ),
  person(
    2,
    [
      [0, 20],
      [1, 12],
      [7, 10],
      [12, 12],
    ],
    (s) => {
      s[1]!.sideEffects = [{ term: 'nausea', grade: 2 }]
    },
  ),
  person(3, [
    [0, 16],
    [1, 4],
    [7, 3],
    [12, 3],
    [25, 5],
    [40, 6],
  ]),
  person(
    4,
    [
      [0, 24],
      [1, 20],
      [7, 18],
      [12, 15],
    ],
    (s) => {
      s[0]!.vitals[1] = [185, 100, 80]
    },
  ),
  person(5, [
    [0, 18],
    [7, 9],
    [12, 10],
  ]),
]

let t: TestApp
let prescriber: Client
let clinicId: string
beforeAll(async () => {
  t = await startTestApp({ KETACARE_LOGIN_RATE_PER_MIN: '1000' })
  const db = t.database.db
  const home = await db
    .selectFrom('clinic')
    .select(['organization_id', 'settings', 'time_zone'])
    .where('id', '=', t.clinics.riverside)
    .executeTakeFirstOrThrow()
  clinicId = uuidv7(t.clock.now().getTime())
  await db
    .insertInto('clinic')
    .values({
      id: clinicId,
      organization_id: home.organization_id,
      name: 'Lakeside (hand-worked cohort)',
      time_zone: home.time_zone,
      dea_registration: null,
      settings: JSON.stringify(home.settings),
    })
    .execute()
  const user = await db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', demoEmails.prescriber)
    .executeTakeFirstOrThrow()
  await db
    .insertInto('membership')
    .values({
      id: uuidv7(t.clock.now().getTime()),
      clinic_id: clinicId,
      user_id: user.id,
      role: 'prescriber',
    })
    .execute()
  // Sixty days ago at midnight UTC, so every session and score is in the past.
  const day0 = Math.floor(t.clock.now().getTime() / dayMs) * dayMs - 60 * dayMs
  await writeSyntheticPatients(
    t.ctx,
    { clinicId, seed: 99 },
    cohort,
    cohort.map(() => day0),
  )
  prescriber = new Client(t)
  await prescriber.signIn(demoEmails.prescriber)
})
afterAll(() => t.close())

const close = (lower: number, upper: number) => ({
  lower: expect.closeTo(lower, 3),
  upper: expect.closeTo(upper, 3),
})

describe('outcome dashboard on a hand-worked cohort', () => {
  it('gives the response, remission, relapse-free and safety figures worked out on paper', async () => {
    const response = await prescriber.get(`/api/v1/clinics/${clinicId}/outcomes`)
    expect(response.statusCode).toBe(200)
    const d = response.json()
    expect(d.cohort).toMatchObject({ patients: 5, sessions: 30 })

    // 24 h: A, B, C, D measured; A and C respond; only C remits. Wilson 2/4 = 0.150–0.850,
    // 1/4 = 0.046–0.699.
    expect(d.outcomes['24h'].response).toMatchObject({
      successes: 2,
      total: 4,
      rate: 0.5,
      ...close(0.15, 0.85),
    })
    expect(d.outcomes['24h'].remission).toMatchObject({ successes: 1, total: 4, ...close(0.0456, 0.6994) })
    // 1 week: all five measured; A (6), B (10), C (3), E (9) respond; C remits. Wilson 4/5 = 0.376–0.964.
    expect(d.outcomes['1w'].response).toMatchObject({ successes: 4, total: 5, ...close(0.3755, 0.9638) })
    expect(d.outcomes['1w'].remission).toMatchObject({ successes: 1, total: 5 })
    // Course end (day 12, within 7 days of the last discharge): A and C respond and remit.
    expect(d.outcomes['course-end'].response).toMatchObject({
      successes: 2,
      total: 5,
      ...close(0.1176, 0.7693),
    })
    expect(d.outcomes['course-end'].remission).toMatchObject({ successes: 2, total: 5 })

    // No response after three sessions (1-week score): only D.
    expect(d.noResponseAfterThree).toMatchObject({ successes: 1, total: 5 })

    // 30 discharged sessions; one excursion (D, 185/100); mean systolic rise (29 × 20 + 55) / 30.
    expect(d.bloodPressure.excursions).toMatchObject({ successes: 1, total: 30 })
    expect(d.bloodPressure.meanSystolicRiseMmHg).toBe(21.2)
    // Nausea: one grade 1 and one grade 2 in 30 sessions = 3.3 per 100 each.
    expect(d.adverseEvents).toEqual([
      { term: 'nausea', grade: 1, count: 1, per100Sessions: 3.3 },
      { term: 'nausea', grade: 2, count: 1, per100Sessions: 3.3 },
    ])
    // Relapse among the course-end responders A and C, timed from the last discharge (day 11 10:30):
    // A relapses at day 32 12:00 = 21.0625 days; C is censored at day 40 12:00 = 29.0625 days.
    // Kaplan–Meier: S = 1/2 after A's event, so the median is A's time.
    expect(d.relapse).toMatchObject({ responders: 2, events: 1, medianDays: expect.closeTo(21.0625, 3) })
  })

  it('narrows to the severe baseline band (PHQ-9 20–27): A, B and D', async () => {
    const d = (await prescriber.get(`/api/v1/clinics/${clinicId}/outcomes?severity=severe`)).json()
    expect(d.cohort.patients).toBe(3)
    expect(d.outcomes['24h'].response).toMatchObject({ successes: 1, total: 3 })
    expect(d.outcomes['course-end'].remission).toMatchObject({ successes: 1, total: 3 })
  })
})
