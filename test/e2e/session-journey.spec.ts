import { type Browser, expect, type Locator, test } from '@playwright/test'
import { type E2eServer, startServer } from './support/server'
import { signInStaff, totpCodes } from './support/staff'

let server: E2eServer
test.use({ actionTimeout: 20_000 })
test.beforeAll(async () => {
  server = await startServer()
})
test.afterAll(async () => {
  await server?.stop()
})

const emails = {
  nurse: 'nurse@demo.ketacare.org',
  prescriber: 'prescriber@demo.ketacare.org',
}
const saved = { timeout: 30_000 }

/** A fresh browser context per person, as on separate tablets. */
const signIn = (browser: Browser, email: string) => signInStaff(browser, server, email)

const freshCode = totpCodes()

async function fillVitals(form: Locator, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values))
    await form.getByLabel(label, { exact: true }).fill(value)
  await form.getByRole('button', { name: 'Save vitals' }).click()
}

async function answer(scope: Locator, question: RegExp, option: string | number) {
  const group = scope.getByRole('radiogroup', { name: question })
  if (typeof option === 'number') await group.getByRole('radio').nth(option).check({ force: true })
  else await group.getByRole('radio', { name: option }).check({ force: true })
}

test('an IV session: book, check in, pre-checks, dose with a second-person check, infusion, offline charting, alert, discharge readiness', async ({
  browser,
}) => {
  // Three fresh TOTP steps (up to 30 s each) and many screens.
  test.setTimeout(420_000)

  // The nurse works at Riverside only: her landing page names the clinic.
  const nurse = await signIn(browser, emails.nurse)
  await nurse.waitForURL(/\/c\/[0-9a-f-]+$/)
  const clinicPath = new URL(nurse.url()).pathname

  // The prescriber signs in (enrolling an authenticator) and books Marcus Holloway today. His
  // session this morning is closer than the protocol allows, so the booking needs an override.
  const prescriber = await signIn(browser, emails.prescriber)
  const secret = (await prescriber.getByLabel(/setup key/i).textContent())!.replace(/\s/g, '')
  await prescriber
    .getByLabel('Authentication code', { exact: true })
    .fill(await freshCode(prescriber, secret))
  await prescriber.getByRole('button', { name: 'Confirm and sign in' }).click()
  await prescriber.waitForURL(/\/c\/[0-9a-f-]+$/)
  await prescriber.goto(`${server.url}${clinicPath}/patients`)
  await prescriber.getByLabel('Search patients', { exact: true }).fill('RK-2024-0118')
  await prescriber.getByRole('link', { name: 'Holloway, Marcus' }).click()
  await prescriber.getByRole('tab', { name: 'Sessions' }).click()
  const booking = prescriber.getByRole('form', { name: 'Book a session' })
  await booking.getByLabel('Chair', { exact: true }).click()
  await prescriber.getByRole('option', { name: 'Chair 4', exact: true }).click()
  await booking.getByRole('button', { name: 'Book session' }).click()
  await expect(booking.getByText('Too close to another session', { exact: true })).toBeVisible()
  await booking
    .getByLabel('Override reason', { exact: true })
    .fill('Second infusion today by plan review; spacing discussed with the patient.')
  await booking.getByRole('button', { name: 'Book with override' }).click()
  await expect(booking.getByText(/Session \d+ booked/)).toBeVisible()

  // The nurse checks him in from the board and opens the session.
  await nurse.goto(`${server.url}${clinicPath}/today`)
  const chair4 = nurse.getByRole('region', { name: 'Chair 4' })
  await chair4.getByRole('button', { name: 'Check in Marcus Holloway' }).click()
  await expect(chair4.getByText('Checked in', { exact: true })).toBeVisible(saved)
  await chair4.getByRole('link', { name: 'Marcus Holloway' }).click()
  await expect(nurse.getByRole('heading', { level: 1, name: 'Marcus Holloway' })).toBeVisible()
  const sessionUrl = nurse.url()
  await nurse.getByRole('button', { name: 'Start pre-checks' }).click()

  // Pre-checks: the questions, pre-dose vitals and the C-SSRS screen.
  const questions = nurse.getByRole('form', { name: 'Pre-check questions' })
  await questions.getByLabel('Identity confirmed (two identifiers)').check()
  await questions.getByLabel('Fasting as instructed').check()
  await questions.getByLabel('Escort home confirmed').check()
  await questions.getByLabel('Escort name', { exact: true }).fill('Dana Holloway')
  await questions.getByRole('button', { name: 'Save pre-checks' }).click()
  await expect(questions.getByText('Pre-check questions saved.')).toBeVisible()
  await fillVitals(nurse.getByRole('form', { name: 'Vital signs' }), {
    'Systolic (mmHg)': '124',
    'Diastolic (mmHg)': '78',
    'Heart rate (bpm)': '70',
    'SpO₂ (%)': '98',
  })
  await expect(nurse.getByText(/Saved: Pre-dose vitals: BP 124\/78/)).toBeVisible(saved)
  const scores = nurse.getByLabel('Pre-dose scores')
  await answer(scores, /^1\. /, 'No')
  await answer(scores, /^2\. /, 'No')
  await answer(scores, /^6\. /, 'No')
  await scores.getByRole('button', { name: 'Save C-SSRS' }).click()
  await expect(nurse.getByText('passed', { exact: true })).toBeVisible(saved)

  // Today's weight → dose; the nurse who set it cannot check it.
  await nurse.getByRole('tab', { name: 'Dosing' }).click()
  const doseForm = nurse.getByRole('form', { name: 'Dose calculation' })
  await doseForm.getByLabel("Today's weight (kg)", { exact: true }).fill('91.2')
  await doseForm.getByLabel('Vial concentration (mg/mL)', { exact: true }).fill('50')
  await doseForm.getByRole('button', { name: 'Calculate dose' }).click()
  await expect(nurse.getByLabel('Dose', { exact: true })).toContainText('45.6 mg')
  await expect(nurse.getByText('Second-person check needed')).toBeVisible()

  // The prescriber, on their own device: supervises and checks the dose with a fresh code.
  await prescriber.goto(sessionUrl)
  await prescriber.getByRole('button', { name: 'I am supervising' }).click()
  await expect(prescriber.getByLabel('Supervision').getByText('Dr. Priya Raman')).toBeVisible()
  await prescriber.getByRole('tab', { name: 'Dosing' }).click()
  const check = prescriber.getByLabel('Second-person check')
  await check.getByLabel('Authenticator code', { exact: true }).fill(await freshCode(prescriber, secret))
  await check.getByRole('button', { name: 'Sign dose check' }).click()
  await expect(prescriber.getByText('Dose checked by a second person')).toBeVisible()

  // The nurse sees the check (the page polls), draws the dose from a lot and starts dosing.
  const draw = nurse.getByLabel('Draw the dose')
  await expect(draw).toBeVisible(saved)
  await draw.getByLabel('Lot', { exact: true }).click()
  await nurse.getByRole('option').first().click()
  await draw.getByRole('button', { name: 'Draw dose' }).click()
  await expect(nurse.getByText('Dose drawn')).toBeVisible()
  await nurse.getByRole('button', { name: 'Start dosing' }).click()

  // A pump start back-dated to before the pre-checks is refused (issue 14 C); started now it runs.
  const pump = nurse.getByLabel('Infusion pump')
  await pump.getByLabel('Minutes ago', { exact: true }).fill('75')
  await pump.getByRole('button', { name: 'Start infusion' }).click()
  const outboxPanel = nurse.getByLabel('Charting outbox')
  await expect(outboxPanel).toContainText(/before the pre-checks began/, saved)
  await outboxPanel.getByRole('button', { name: 'Discard' }).click()
  await pump.getByRole('button', { name: 'Start infusion' }).click()
  await expect(pump.getByText('running', { exact: true })).toBeVisible(saved)

  // The network drops while the nurse charts a very high blood pressure: it waits in the outbox.
  await nurse.context().setOffline(true)
  const vitals = nurse.getByRole('form', { name: 'Vital signs' })
  await fillVitals(vitals, {
    'Systolic (mmHg)': '206',
    'Diastolic (mmHg)': '124',
    'Heart rate (bpm)': '96',
    'SpO₂ (%)': '97',
  })
  const outbox = nurse.getByLabel('Charting outbox')
  await expect(outbox.getByText('1 unsent')).toBeVisible()
  await nurse.context().setOffline(false)
  await expect(outbox.getByText('All saved')).toBeVisible(saved)

  // Sent once, and the alert it raised is on the banner with what to do.
  const alert = nurse.getByRole('alert').filter({ hasText: 'BP 206/124' })
  await expect(alert).toBeVisible(saved)
  await expect(alert).toContainText('Pause suggested')
  await nurse.getByRole('tab', { name: 'Record' }).click()
  await expect(nurse.getByRole('table', { name: 'Session record' }).getByText('BP 206/124')).toHaveCount(1)
  // Paused from the banner, acknowledged with what was done and the recheck BP in one dialog.
  await alert.getByRole('button', { name: 'Pause infusion' }).click()
  await expect(alert.getByText('Infusion paused', { exact: true })).toBeVisible(saved)
  await alert.getByRole('button', { name: 'Acknowledge' }).click()
  const ack = nurse.getByRole('dialog', { name: 'Acknowledge alert' })
  await ack.getByText('Paused infusion', { exact: true }).click()
  await ack.getByText('Prescriber notified', { exact: true }).click()
  await ack.getByLabel('Recheck systolic', { exact: true }).fill('150')
  await ack.getByLabel('Recheck diastolic', { exact: true }).fill('92')
  await ack.getByRole('button', { name: 'Save recheck and acknowledge' }).click()
  // The recheck is back under 180/110: the alert is resolved and leaves the banner.
  await expect(nurse.getByRole('alert').filter({ hasText: 'BP 206/124' })).toHaveCount(0, saved)
  // The infusion is stopped early (the rest of the dose is not given).
  await nurse.getByRole('tab', { name: 'Dosing' }).click()
  await pump.getByRole('button', { name: 'Stop infusion' }).click()
  await expect(pump.getByText('stopped', { exact: true })).toBeVisible(saved)

  // Monitoring: vitals back near baseline, a side effect, the chart.
  await nurse.getByRole('button', { name: 'Finish dosing' }).click()
  await expect(nurse.getByRole('tab', { name: 'Monitoring', selected: true })).toBeVisible(saved)
  await expect(nurse.getByText('Vitals and predicted ketamine level')).toBeVisible()
  await fillVitals(nurse.getByRole('form', { name: 'Vital signs' }), {
    'Systolic (mmHg)': '128',
    'Diastolic (mmHg)': '80',
    'Heart rate (bpm)': '72',
    'SpO₂ (%)': '98',
  })
  await expect(nurse.getByText(/Saved: Vitals: BP 128\/80/)).toBeVisible(saved)
  const effects = nurse.getByLabel('Side effects')
  await effects.getByLabel('Action taken').fill('Ondansetron 4 mg per standing order')
  await effects.getByRole('button', { name: 'nausea', exact: true }).click()
  // The recorded line (the queue's 'nausea, grade 1: queued.' status may still show beside it).
  await expect(effects.getByText(/nausea grade 1/)).toBeVisible(saved)

  // Discharge: escort present, Aldrete 10.
  await nurse.getByRole('tab', { name: 'Discharge' }).click()
  await nurse.getByLabel('Escort present').click({ force: true })
  await expect(nurse.getByText('Escort present — met')).toBeVisible(saved)
  const aldrete = nurse.getByLabel('Modified Aldrete score')
  for (const n of [1, 2, 3, 4, 5]) await answer(aldrete, new RegExp(`^${n}\\. `), 2)
  await aldrete.getByRole('button', { name: 'Save Modified Aldrete score' }).click()
  // The pump ran for real time only (no back-dating): the 30-minute observation after it is still
  // to come, and nothing else is missing. (Discharge sign-off is walked in esketamine-discharge.spec.ts.)
  await expect(nurse.getByText('Minimum observation time — not met')).toBeVisible(saved)
  await expect(nurse.getByText('Modified Aldrete score — met')).toBeVisible()
})
