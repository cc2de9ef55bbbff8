import { readFileSync } from 'node:fs'
import { type Browser, expect, type Locator, type Page, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { signInStaff } from './support/staff'

const server = serverForSpec()
test.use({ actionTimeout: 15_000 })

const emails = {
  nurse: 'nurse@demo.ketacare.org',
  prescriber: 'prescriber@demo.ketacare.org',
  auditor: 'auditor@demo.ketacare.org',
}
const witnessOption = 'Dr. Priya Raman · Prescriber'
// The demo ledger already holds lots: a unique lot number finds ours.
const lotNumber = `E2E${Date.now().toString(36).toUpperCase()}`

/**
 * Screenshots at the tablet (1024×768) and phone (390×844) sizes, kept with the test results.
 * Changing the size re-lays the page out (and resets a half-filled form), so take both before
 * typing, or only the tablet one mid-form (`isPhoneToo` false).
 */
async function tabletShot(page: Page, name: string, isPhoneToo = true) {
  const before = page.viewportSize()
  for (const [width, height] of [[1024, 768], ...(isPhoneToo ? ([[390, 844]] as const) : [])] as const) {
    await page.setViewportSize({ width, height })
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: true })
  }
  if (before) await page.setViewportSize(before)
}

const signIn = (browser: Browser, email: string) =>
  signInStaff(browser, server, email, { context: { acceptDownloads: true }, expectShell: true })

/** The prescriber witnesses on the nurse's screen with their own password (in a dialog by default). */
async function witness(
  page: Page,
  password = server.passwords.get(emails.prescriber)!,
  scope: Locator = page.getByRole('dialog'),
) {
  await scope.getByLabel('Witness', { exact: true }).click()
  await page.getByRole('option', { name: witnessOption, exact: true }).click()
  await scope.getByLabel('Witness password', { exact: true }).fill(password)
}

/** Receive a new lot of two 10 mL vials at 50 mg/mL, witnessed by the prescriber. */
async function receiveLot(nurse: Page, ledger: string): Promise<Locator> {
  await nurse.goto(ledger)
  await nurse.getByRole('button', { name: 'Receive new lot' }).click()
  const receive = nurse.getByRole('dialog', { name: 'Receive a new lot' })
  await receive.getByLabel('NDC', { exact: true }).fill('0409-2051-05')
  await receive.getByLabel('Lot number', { exact: true }).fill(lotNumber)
  await receive.getByLabel('Expires on', { exact: true }).fill('2028-06-30')
  await receive
    .getByLabel('Product (finished form)', { exact: true })
    .fill('Ketamine HCl injection, USP 50 mg/mL, 10 mL multiple-dose vial')
  await receive.getByLabel('Number of containers', { exact: true }).fill('2')
  await receive.getByLabel('Invoice number', { exact: true }).fill('INV-E2E-1')
  await receive.getByLabel('Container numbers (optional)', { exact: true }).fill('V-1, V-2')
  await receive.getByLabel('Supplier name', { exact: true }).fill('Cardinal Health 110, LLC')
  await receive.getByLabel('Supplier DEA number', { exact: true }).fill('rc4028278')
  await receive.getByLabel('Supplier address', { exact: true }).fill('7000 Cardinal Place, Dublin, OH 43017')
  await expect(receive.getByText('1,000 mg in all')).toBeVisible()
  await witness(nurse)
  await receive.getByRole('button', { name: 'Receive lot' }).click()
  await expect(receive).toBeHidden()
  const stock = nurse.getByRole('table', { name: 'Stock on hand by lot' })
  const ourRow = stock.getByRole('row').filter({ hasText: lotNumber })
  await expect(ourRow).toContainText('1,000 mg')
  await expect(ourRow).toContainText('20 mL')
  return ourRow
}

/** Today's demo sessions drew their doses through the ledger: the administration log lists them. */
async function expectSessionDosesLogged(nurse: Page, api: string) {
  const administered = await nurse.request.get(`${api}/entries?kind=administer&pageSize=100`)
  const doses = (await administered.json()).items as { sessionId: string | null; patientName: string }[]
  const sessionDoses = doses.filter((d) => d.sessionId !== null)
  expect(sessionDoses.length).toBeGreaterThan(0)
  const log = await (await nurse.request.get(`${api}/reports/administrations?format=csv`)).text()
  for (const dose of sessionDoses) expect(log).toContain(dose.patientName)
}

/** Waste from the new lot: a wrong witness password is refused beside the field, then it records. */
async function wasteWithWitness(nurse: Page, ourRow: Locator) {
  await ourRow.getByRole('button', { name: lotNumber, exact: true }).click()
  await expect(nurse.getByRole('heading', { name: `Lot ${lotNumber}` })).toBeVisible()
  await nurse.getByRole('button', { name: 'Waste', exact: true }).click()
  const waste = nurse.getByRole('dialog', { name: `Waste — lot ${lotNumber}` })
  await waste.getByLabel('Quantity', { exact: true }).fill('12.5')
  await expect(waste.getByText('= 0.25 mL')).toBeVisible()
  await waste.getByLabel('Reason', { exact: true }).fill('Remainder of opened vial after infusion')
  await witness(nurse, 'not-the-password')
  await waste.getByRole('button', { name: 'Record waste' }).click()
  await expect(waste.getByText('This is not the witness’s password.', { exact: false })).toBeVisible()
  await witness(nurse)
  await waste.getByRole('button', { name: 'Record waste' }).click()
  await expect(waste).toBeHidden()
  const lotEntries = nurse.getByRole('table', { name: `Entries of lot ${lotNumber}` })
  await expect(lotEntries.getByRole('row').nth(1)).toContainText('Wasted')
  await expect(lotEntries.getByRole('row').nth(1)).toContainText('987.5 mg')
  await expect(lotEntries.getByRole('row').nth(1)).toContainText('witness Dr. Priya Raman')
}

/**
 * A blind count sheet: no expected balance on the counting screen; every lot counted, one
 * witness, one submission. Ours is 2.5 mg short; the others are counted as they are (the test
 * reads their balances from the API, as the person at the safe would count them).
 */
async function countBlindAndResolve(nurse: Page, ledger: string, api: string) {
  const balances = (await (await nurse.request.get(`${api}/stock`)).json()).lots as {
    lotNumber: string
    balanceMg: string
  }[]
  await nurse.goto(`${ledger}?tab=count`)
  const sheet = nurse.getByRole('table', { name: 'Count sheet' })
  await expect(sheet.getByRole('columnheader')).toHaveText(['Lot', 'Counted'])
  await expect(sheet).not.toContainText('987.5')
  await tabletShot(nurse, 'ledger-count-sheet')
  await nurse.getByRole('button', { name: /^Record the count/ }).click()
  await expect(nurse.getByText('Choose the witness.')).toBeVisible()
  await expect(sheet.getByText('Enter the count.').first()).toBeVisible()
  for (const row of await sheet.getByRole('row').all()) {
    const input = row.getByRole('textbox')
    if ((await input.count()) === 0) continue
    const label = (await input.getAttribute('aria-label'))!
    const number = label.replace('Counted, lot ', '')
    const balance = balances.find((b) => b.lotNumber === number)!.balanceMg
    await input.fill(number === lotNumber ? '985' : balance)
  }
  await witness(nurse, undefined, nurse.getByRole('tabpanel'))
  await tabletShot(nurse, 'ledger-count-sheet-filled', false)
  await nurse.getByRole('button', { name: /^Record the count/ }).click()
  const results = nurse.getByRole('table', { name: 'Count results' })
  const countRow = results.getByRole('row').filter({ hasText: lotNumber })
  await expect(countRow).toContainText('Discrepancy -2.5 mg')
  await expect(countRow).toContainText('987.5 mg')
  await expect(nurse.getByText('Count recorded: 1 lot differs')).toBeVisible()
  await tabletShot(nurse, 'ledger-count-results', false)
  await countRow.getByRole('button', { name: 'Resolve now' }).click()
  const resolve = nurse.getByRole('dialog', { name: `Resolve discrepancy — lot ${lotNumber}` })
  await resolve.getByLabel('Reason', { exact: true }).fill('Volume left in the opened vial was read high')
  await witness(nurse)
  await resolve.getByRole('button', { name: 'Resolve', exact: true }).click()
  await expect(resolve).toBeHidden()
  await expect(countRow).toContainText('Resolved')
  await tabletShot(nurse, 'ledger-count-resolved')
  await nurse.getByRole('tab', { name: /Discrepancies/ }).click()
  await nurse.getByText('Discrepancy log (all)').click()
  const resolvedRow = nurse
    .getByRole('table', { name: 'Discrepancies' })
    .getByRole('row')
    .filter({ hasText: lotNumber })
  await expect(resolvedRow).toContainText('Adjustment')
  await expect(resolvedRow).toContainText('Resolved')
}

/** Reports: the inventory CSV holds the lot at its adjusted balance; the PDF is a PDF. */
async function downloadReportsAndVerify(nurse: Page) {
  await nurse.getByRole('tab', { name: 'Reports', exact: true }).click()
  const [download] = await Promise.all([
    nurse.waitForEvent('download'),
    nurse.getByRole('link', { name: 'Download Inventory CSV' }).click(),
  ])
  const csv = readFileSync((await download.path())!, 'utf8')
  expect(csv).toContain(lotNumber)
  expect(csv).toContain(`${lotNumber},2028-06-30,50 mg/mL,985,19.7 mL`)
  const [pdfDownload] = await Promise.all([
    nurse.waitForEvent('download'),
    nurse.getByRole('link', { name: 'Download Inventory PDF' }).click(),
  ])
  const pdf = readFileSync((await pdfDownload.path())!)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')

  // The chain recomputes from the first entry to the last.
  await nurse.getByRole('button', { name: 'Verify chain' }).click()
  await expect(nurse.getByRole('status').filter({ hasText: 'Chain intact' })).toBeVisible()
}

/** The auditor sees the same ledger, read-only. */
async function expectAuditorReadOnly(browser: Browser, ledger: string) {
  const auditor = await signIn(browser, emails.auditor)
  await auditor.goto(ledger)
  await expect(auditor.getByRole('table', { name: 'Stock on hand by lot' })).toContainText(lotNumber)
  await expect(auditor.getByText('read-only')).toBeVisible()
  await expect(auditor.getByRole('button', { name: 'Receive new lot' })).toHaveCount(0)
  await expect(auditor.getByRole('tab', { name: 'Count', exact: true })).toHaveCount(0)
  await expect(auditor.getByRole('button', { name: /^Record/ })).toHaveCount(0)
}

test('receive a lot, see the sessions’ doses, witnessed waste, a short count resolved, reports, verify', async ({
  browser,
}) => {
  test.setTimeout(180_000)
  const nurse = await signIn(browser, emails.nurse)
  const clinicPath = new URL(nurse.url()).pathname
  const ledger = `${server.url}${clinicPath}/ledger`
  const api = `${server.url}/api/v1/clinics/${clinicPath.split('/').pop()}/ledger`
  const ourRow = await receiveLot(nurse, ledger)
  await expectSessionDosesLogged(nurse, api)
  await wasteWithWitness(nurse, ourRow)
  await countBlindAndResolve(nurse, ledger, api)
  await downloadReportsAndVerify(nurse)
  await expectAuditorReadOnly(browser, ledger)
})

test('a pump stopped early: the session page shows the waste owed, witnessed on the spot', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  // Hillcrest's demo session (HC-0041) had its pump stopped early for nausea: part of the dose is owed.
  const nurse = await signInStaff(browser, server, 'nurse2@demo.ketacare.org', {
    context: { viewport: { width: 1024, height: 768 } },
    expectShell: true,
  })
  const clinicId = new URL(nurse.url()).pathname.split('/').pop()!
  const api = `${server.url}/api/v1/clinics/${clinicId}/ledger`
  const dispensed = (await (await nurse.request.get(`${api}/entries?kind=dispense`)).json()).items as {
    sessionId: string
  }[]
  let owedSession: string | null = null
  let owedMg = ''
  for (const d of dispensed) {
    const dose = await (await nurse.request.get(`${api}/sessions/${d.sessionId}/dose`)).json()
    if (dose.owedMg !== '0') {
      owedSession = d.sessionId
      owedMg = dose.owedMg
    }
  }
  expect(owedSession).not.toBeNull()
  await nurse.goto(`${server.url}/c/${clinicId}/sessions/${owedSession}`)
  const card = nurse.getByRole('region', { name: 'Waste owed' }).or(nurse.getByLabel('Waste owed'))
  await expect(card.getByRole('heading', { name: /^Waste owed: [\d.]+ mg of lot KX\d+$/ })).toBeVisible()
  await expect(card).toContainText('from the pump record')
  await tabletShot(nurse, 'session-waste-owed')
  // The ledger lists it too (an aborted session has no discharge to hold it).
  await nurse.goto(`${server.url}/c/${clinicId}/ledger`)
  const owedList = nurse.getByRole('region', { name: 'Waste owed' })
  await expect(owedList).toContainText(`${owedMg} mg of lot`)
  await tabletShot(nurse, 'ledger-waste-owed')
  await owedList.getByRole('link').first().click()

  // The witness is required, then re-authenticates with their own password.
  await card.getByRole('button', { name: /^Record witnessed waste/ }).click()
  await expect(card.getByText('Choose the witness.')).toBeVisible()
  await witness(nurse, 'not-the-password', card)
  await card.getByRole('button', { name: /^Record witnessed waste/ }).click()
  await expect(card.getByText('This is not the witness’s password.', { exact: false })).toBeVisible()
  await witness(nurse, undefined, card)
  await card.getByRole('button', { name: /^Record witnessed waste/ }).click()
  await expect(card).toBeHidden()

  const dose = await (await nurse.request.get(`${api}/sessions/${owedSession}/dose`)).json()
  expect(dose.owedMg).toBe('0')
  expect(dose.lots[0].wastedMg).toBe(owedMg)
  const verify = await (await nurse.request.get(`${api}/verify`)).json()
  expect(verify.ok).toBe(true)
})
