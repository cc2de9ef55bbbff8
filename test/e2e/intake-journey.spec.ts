import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'
import { CONTRAINDICATION_QUESTIONS } from '../../src/domain/eligibility'
import { serverForSpec } from './support/spec-server'
import { enrolAuthenticator, signInStaff, totpCodes } from './support/staff'

const server = serverForSpec()
test.use({ actionTimeout: 15_000 })

const emails = {
  frontDesk: 'frontdesk@demo.ketacare.org',
  nurse: 'nurse@demo.ketacare.org',
  prescriber: 'prescriber@demo.ketacare.org',
}
// The demo database may hold seeded patients: a unique MRN finds ours.
const mrn = `E2E-${Date.now().toString(36).toUpperCase()}`

/** A fresh browser context per person, as on separate tablets and desks. */
const signIn = (browser: Browser, email: string) => signInStaff(browser, server, email)

const freshCode = totpCodes()

async function openChart(page: Page, clinicPath: string, tab: string) {
  await page.goto(`${server.url}${clinicPath}/patients`)
  await page.getByLabel('Search patients', { exact: true }).fill(mrn)
  await page.getByRole('link', { name: 'Rivers, Jordan' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Jordan Rivers' })).toBeVisible()
  await page.getByRole('tab', { name: tab }).click()
}

/** The home address registration asks for (the DEA administration log names it). */
async function fillAddress(form: Locator) {
  await form.getByRole('textbox', { name: 'Street address', exact: true }).fill('22 Bank Street')
  await form.getByRole('textbox', { name: 'City', exact: true }).fill('Columbus')
  await form.getByRole('textbox', { name: 'State', exact: true }).fill('OH')
  await form.getByRole('textbox', { name: 'ZIP code', exact: true }).fill('43215')
}

async function pickOption(page: Page, scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click()
  await page.getByRole('option', { name: option, exact: true }).click()
}

async function answer(page: Page, question: RegExp, option: string) {
  await page.getByRole('radiogroup', { name: question }).getByRole('radio', { name: option }).click()
}

/** Jordan Rivers's identity on the registration form, under this MRN. */
async function fillIdentity(form: Locator, mrnOfRecord: string) {
  await form.getByLabel('MRN', { exact: true }).fill(mrnOfRecord)
  await form.getByLabel('Given name', { exact: true }).fill('Jordan')
  await form.getByLabel('Family name', { exact: true }).fill('Rivers')
  await form.getByLabel('Date of birth', { exact: true }).fill('1984-03-12')
}

/** Front desk registers the patient and sees demographics only. */
async function registerPatient(desk: Page, clinicPath: string) {
  await desk.goto(`${server.url}${clinicPath}/patients`)
  await desk.getByRole('button', { name: 'Register patient' }).click()
  const form = desk.getByRole('dialog', { name: 'Register patient' })
  await fillIdentity(form, mrn)
  await form.getByText('Female', { exact: true }).click()
  await form.getByLabel('Phone', { exact: true }).fill('555-0101')
  await form.getByLabel('Escort name', { exact: true }).fill('Sam Rivers')
  await form.getByLabel('Escort phone', { exact: true }).fill('555-0102')
  await fillAddress(form)
  await form.getByRole('button', { name: 'Register patient' }).click()
  await expect(desk.getByRole('heading', { level: 1, name: 'Jordan Rivers' })).toBeVisible()
  await expect(desk.getByRole('tab')).toHaveText(['Demographics', 'Sessions'])
}

/** The same name and date of birth again is caught as a likely duplicate, with a link to the chart. */
async function expectDuplicateCaught(desk: Page) {
  const form = desk.getByRole('dialog', { name: 'Register patient' })
  await desk.getByRole('link', { name: '← Patients' }).click()
  await desk.getByRole('button', { name: 'Register patient' }).click()
  await fillIdentity(form, `${mrn}-2`)
  await fillAddress(form)
  await form.getByRole('button', { name: 'Register patient' }).click()
  await expect(form.getByRole('alert')).toContainText('This may be a patient already registered')
  await expect(form.getByRole('link', { name: new RegExp(`MRN ${mrn}, born`) })).toBeVisible()
  await expect(form.getByRole('button', { name: /different person — register anyway/ })).toBeVisible()
  await form.getByRole('button', { name: 'Cancel' }).click()
}

/** Nurse: trials, episode and contraindication screen. */
async function recordHistory(nurse: Page, clinicPath: string) {
  await openChart(nurse, clinicPath, 'History')
  const trialForm = nurse.getByRole('form', { name: 'Add antidepressant trial' })
  for (const [drug, drugClass] of [
    ['Sertraline', 'SSRI'],
    ['Venlafaxine', 'SNRI'],
  ] as const) {
    await trialForm.getByLabel('Drug', { exact: true }).fill(drug)
    await pickOption(nurse, trialForm, 'Class', drugClass)
    await trialForm.getByLabel('Max daily dose (mg)', { exact: true }).fill('200')
    await trialForm.getByLabel('Weeks at that dose', { exact: true }).fill('8')
    await trialForm.getByRole('group', { name: 'Adequate dose' }).getByText('Yes', { exact: true }).click()
    await trialForm.getByRole('group', { name: 'Adherence' }).getByText('Good', { exact: true }).click()
    await pickOption(nurse, trialForm, 'Outcome', 'No response')
    await trialForm.getByRole('button', { name: 'Add trial' }).click()
    await expect(nurse.getByRole('table', { name: 'Antidepressant trials' })).toContainText(drug)
  }
  const screening = nurse.getByRole('form', { name: 'Episode and screening' })
  await screening.getByLabel('Episode duration (months)', { exact: true }).fill('14')
  await pickOption(nurse, screening, 'Episode severity', 'Severe (no psychosis)')
  for (const q of CONTRAINDICATION_QUESTIONS) {
    await screening.getByRole('group', { name: q.question }).getByText('No', { exact: true }).click()
  }
  await screening.getByRole('button', { name: 'Save episode and screening' }).click()
  await expect(nurse.getByText('Meets TRD definition')).toBeVisible()
  await expect(nurse.getByText('Thase–Rush stage II')).toBeVisible()
}

/** Weight and height, then the baseline PHQ-9 (item 9 = 0), C-SSRS screen and vital signs. */
async function recordBaseline(nurse: Page) {
  await nurse.getByRole('tab', { name: 'Demographics' }).click()
  await nurse.getByLabel('Weight (kg)', { exact: true }).fill('72.5')
  await nurse.getByLabel('Height (cm)', { exact: true }).fill('168')
  await nurse.getByRole('button', { name: 'Add measurement' }).click()
  await expect(nurse.getByRole('table', { name: 'Weight and height history' })).toContainText('72.5 kg')

  // Baseline PHQ-9 (item 9 = 0), C-SSRS screen and vital signs.
  await nurse.getByRole('tab', { name: 'Assessments' }).click()
  const phq9 = [2, 3, 2, 2, 1, 2, 2, 1, 0]
  const phq9Labels = ['Not at all', 'Several days', 'More than half the days', 'Nearly every day']
  for (const [index, value] of phq9.entries()) {
    await answer(nurse, new RegExp(`^${index + 1}\\. `), phq9Labels[value]!)
  }
  const liveScore = nurse.getByLabel('Live score', { exact: true })
  await expect(liveScore.getByLabel('Total', { exact: true })).toHaveText('15')
  await expect(nurse.getByText('Urgent: clinician follow-up needed now')).toHaveCount(0)
  await liveScore.getByRole('button', { name: 'Save PHQ-9' }).click()
  await expect(nurse.getByText('PHQ-9 saved')).toBeVisible()

  await nurse.getByRole('radiogroup', { name: 'Instrument' }).getByText('C-SSRS').click()
  await answer(nurse, /^1\. /, 'No')
  await answer(nurse, /^2\. /, 'No')
  await expect(nurse.getByRole('radiogroup', { name: /^3\. / })).toHaveCount(0)
  await answer(nurse, /^6\. /, 'No')
  await liveScore.getByRole('button', { name: 'Save C-SSRS' }).click()
  await expect(nurse.getByText('C-SSRS screener saved')).toBeVisible()

  const vitals = nurse.getByRole('form', { name: 'Baseline vital signs' })
  await vitals.getByLabel('Systolic BP (mmHg)', { exact: true }).fill('128')
  await vitals.getByLabel('Diastolic BP (mmHg)', { exact: true }).fill('82')
  await vitals.getByLabel('Heart rate (bpm)', { exact: true }).fill('74')
  await vitals.getByLabel('SpO₂ (%)', { exact: true }).fill('98')
  await vitals.getByLabel('Resp. rate (/min)', { exact: true }).fill('14')
  await vitals.getByRole('button', { name: 'Save vital signs' }).click()
  await expect(nurse.getByRole('table', { name: 'Vital signs' })).toContainText('128/82')
  await nurse.getByRole('tab', { name: 'Overview' }).click()
  await expect(nurse.getByText('Awaiting decision')).toBeVisible()
}

/** The prescriber signs eligibility with a TOTP code. */
async function signEligibility(prescriber: Page, clinicPath: string, secret: string) {
  await openChart(prescriber, clinicPath, 'Eligibility')
  const decision = prescriber.getByRole('form', { name: 'Eligibility decision' })
  await decision.getByText('Approve', { exact: true }).click()
  await decision
    .getByLabel('Reason', { exact: true })
    .fill('Meets TRD, no contraindications, baseline PHQ-9 15, C-SSRS no risk.')
  await expect(decision.getByText(/approve the patient as eligible/)).toBeVisible()
  await decision.getByLabel('Authenticator code', { exact: true }).fill(await freshCode(prescriber, secret))
  await decision.getByRole('button', { name: 'Sign decision' }).click()
  await expect(prescriber.getByText('Decision signed: Approve')).toBeVisible()
  await expect(prescriber.getByText(/Signed by Dr\. Priya Raman/).first()).toBeVisible()
}

/** The patient signs consent on the nurse's tablet by drawing; the nurse is the witness. */
async function signConsent(nurse: Page) {
  await nurse.getByRole('tab', { name: 'Consent' }).click()
  await expect(nurse.getByRole('heading', { name: /Consent to ketamine treatment/ })).toBeVisible()
  await expect(nurse.getByLabel("Signer's full name", { exact: true })).toHaveValue('Jordan Rivers')
  const pad = nurse.getByRole('img', { name: 'Patient signature' })
  await pad.scrollIntoViewIfNeeded()
  const box = (await pad.boundingBox())!
  await nurse.mouse.move(box.x + 30, box.y + box.height * 0.6)
  await nurse.mouse.down()
  for (let i = 1; i <= 12; i++) {
    await nurse.mouse.move(box.x + 30 + i * 25, box.y + box.height * (0.6 + 0.2 * Math.sin(i)))
  }
  await nurse.mouse.up()
  await expect(nurse.getByText(/Nina Okafor, RN.*is recorded as the witness/)).toBeVisible()
  await nurse.getByRole('button', { name: 'Sign consent' }).click()
  await expect(nurse.getByText('Current consent on file')).toBeVisible()
  const consents = nurse.getByRole('table', { name: 'Signed consents' })
  await expect(consents).toContainText('Witness Nina Okafor, RN')
  await expect(consents.getByText('Current')).toBeVisible()
}

/** The prescriber drafts and approves the plan; the chart is ready for treatment. */
async function approvePlan(prescriber: Page, secret: string) {
  await prescriber.getByRole('tab', { name: 'Plan' }).click()
  await prescriber.getByRole('button', { name: 'Create draft plan' }).click()
  const plan = prescriber.getByLabel(/Plan: IV racemic ketamine/)
  await expect(plan.getByLabel('Dose preview', { exact: true })).toContainText('At 72.5 kg')
  await plan.getByLabel('Authenticator code', { exact: true }).fill(await freshCode(prescriber, secret))
  await plan.getByRole('button', { name: 'Approve plan' }).click()
  await expect(plan.getByText('approved', { exact: true })).toBeVisible()
  await prescriber.getByRole('tab', { name: 'Overview' }).click()
  await expect(prescriber.getByText('Ready for treatment').first()).toBeVisible()
}

test('intake to an approved plan: register, assess, sign eligibility, consent, approve the plan', async ({
  browser,
}) => {
  // Up to three fresh TOTP steps (30 s each) plus many screens.
  test.setTimeout(300_000)

  const desk = await signIn(browser, emails.frontDesk)
  // At tablet width the navbar folds behind a burger; the address of the clinic is enough.
  await desk.waitForURL(/\/c\/[0-9a-f-]+$/)
  const clinicPath = new URL(desk.url()).pathname
  await registerPatient(desk, clinicPath)
  await expectDuplicateCaught(desk)

  const nurse = await signIn(browser, emails.nurse)
  await expect(nurse.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await recordHistory(nurse, clinicPath)
  await recordBaseline(nurse)

  // Prescriber: first sign-in enrols an authenticator, then signs eligibility with a TOTP code.
  const prescriber = await signIn(browser, emails.prescriber)
  const secret = await enrolAuthenticator(prescriber, freshCode)
  await expect(prescriber.getByRole('navigation', { name: 'Main navigation' })).toBeVisible()
  await signEligibility(prescriber, clinicPath, secret)
  await signConsent(nurse)
  await approvePlan(prescriber, secret)
})
