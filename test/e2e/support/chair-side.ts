import { expect, type Locator, type Page } from '@playwright/test'

/** Chair-side steps the session journeys share, as a nurse or prescriber does them on screen. */

const saved = { timeout: 30_000 }

/** Types each value into the field labelled with its key, then saves the vitals. */
export async function fillVitals(form: Locator, values: Record<string, string>) {
  for (const [label, value] of Object.entries(values))
    await form.getByLabel(label, { exact: true }).fill(value)
  await form.getByRole('button', { name: 'Save vitals' }).click()
}

/** Checks an option of a question's radio group: by its name, or by its place (0 first). */
export async function answer(scope: Locator, question: RegExp, option: string | number) {
  const group = scope.getByRole('radiogroup', { name: question })
  if (typeof option === 'number') await group.getByRole('radio').nth(option).check({ force: true })
  else await group.getByRole('radio', { name: option }).check({ force: true })
}

/** Finds a patient by MRN on the clinic's Patients page and opens the chart from its link. */
export async function openPatient(page: Page, clinicUrl: string, mrn: string, link: string | RegExp) {
  await page.goto(`${clinicUrl}/patients`)
  await page.getByLabel('Search patients', { exact: true }).fill(mrn)
  await page.getByRole('link', { name: link }).click()
}

/** On the open chart's Sessions tab: books the patient on a chair and returns the booking form. */
export async function bookOnChair(page: Page, chair: string): Promise<Locator> {
  await page.getByRole('tab', { name: 'Sessions' }).click()
  const booking = page.getByRole('form', { name: 'Book a session' })
  await booking.getByLabel('Chair', { exact: true }).click()
  await page.getByRole('option', { name: chair, exact: true }).click()
  await booking.getByRole('button', { name: 'Book session' }).click()
  return booking
}

/** Books past the spacing rule with a reason, and waits for the booking. */
export async function bookWithOverride(booking: Locator, reason: string) {
  await booking.getByLabel('Override reason', { exact: true }).fill(reason)
  await booking.getByRole('button', { name: 'Book with override' }).click()
  await expect(booking.getByText(/Session \d+ booked/)).toBeVisible()
}

/** Checks the patient in from the board of today and opens the session. */
export async function checkInFromBoard(page: Page, clinicUrl: string, chair: string, patient: string) {
  await page.goto(`${clinicUrl}/today`)
  const region = page.getByRole('region', { name: chair })
  await region.getByRole('button', { name: `Check in ${patient}` }).click()
  await expect(region.getByText('Checked in', { exact: true })).toBeVisible(saved)
  await region.getByRole('link', { name: patient }).click()
  // The session page's code loads on first visit (lazy routes), and the address changes once it
  // has: callers read page.url() as the session's address.
  await page.waitForURL(/\/sessions\/[^/]+$/)
}

/** The pre-check questions: identity, fasting, escort (by name), saved. */
export async function savePreCheckQuestions(page: Page, escortName: string) {
  const questions = page.getByRole('form', { name: 'Pre-check questions' })
  await questions.getByLabel('Identity confirmed (two identifiers)').check()
  await questions.getByLabel('Fasting as instructed').check()
  await questions.getByLabel('Escort home confirmed').check()
  await questions.getByLabel('Escort name', { exact: true }).fill(escortName)
  await questions.getByRole('button', { name: 'Save pre-checks' }).click()
  await expect(questions.getByText('Pre-check questions saved.')).toBeVisible()
}

/** The pre-dose C-SSRS screen with "No" to questions 1, 2 and 6, saved. */
export async function saveCssrsScreen(page: Page) {
  const scores = page.getByLabel('Pre-dose scores')
  for (const n of [1, 2, 6]) await answer(scores, new RegExp(`^${n}\\. `), 'No')
  await scores.getByRole('button', { name: 'Save C-SSRS' }).click()
}

/** Today's weight and the vial's strength on the Dosing tab, and the dose calculated. */
export async function calculateIvDose(page: Page, weightKg: string, vialMgPerMl: string) {
  await page.getByRole('tab', { name: 'Dosing' }).click()
  const doseForm = page.getByRole('form', { name: 'Dose calculation' })
  await doseForm.getByLabel("Today's weight (kg)", { exact: true }).fill(weightKg)
  await doseForm.getByLabel('Vial concentration (mg/mL)', { exact: true }).fill(vialMgPerMl)
  await doseForm.getByRole('button', { name: 'Calculate dose' }).click()
}

/** The prescriber signs the second-person dose check on the Dosing tab with an authenticator code. */
export async function signDoseCheck(prescriber: Page, code: string) {
  await prescriber.getByRole('tab', { name: 'Dosing' }).click()
  const check = prescriber.getByLabel('Second-person check')
  await check.getByLabel('Authenticator code', { exact: true }).fill(code)
  await check.getByRole('button', { name: 'Sign dose check' }).click()
  await expect(prescriber.getByText('Dose checked by a second person')).toBeVisible()
}

/**
 * A pump start back-dated before the pre-checks is refused (issue 14 C), naming the reason in the
 * charting outbox; discarded there, the pump is started now and runs.
 */
export async function startPumpAfterRefusedBackdating(page: Page, minutesAgo: string) {
  const pump = page.getByLabel('Infusion pump')
  await pump.getByLabel('Minutes ago', { exact: true }).fill(minutesAgo)
  await pump.getByRole('button', { name: 'Start infusion' }).click()
  const outbox = page.getByLabel('Charting outbox')
  await expect(outbox).toContainText(/before the pre-checks began/, saved)
  await outbox
    .getByRole('button', { name: /Discard/ })
    .first()
    .click()
  await pump.getByRole('button', { name: 'Start infusion' }).click()
  await expect(pump.getByText('running', { exact: true })).toBeVisible(saved)
}
