import { readFile } from 'node:fs/promises'
import { expect, type Page, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { chooseClinic, signInOnPage } from './support/staff'

// A small synthetic population so the charts have something to draw.
const server = serverForSpec({ syntheticPatients: 150 })

const prescriber = 'prescriber@demo.ketacare.org'

/** Screenshots at a tablet's and a phone's width, once the menu has folded or unfolded. */
async function shootBothSizes(page: Page, name: string, isFullPage: boolean) {
  for (const [width, height] of [
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height })
    await page.waitForTimeout(500) // the menu's fold transition
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`), fullPage: isFullPage })
  }
}

/** Each flagged count opens the patients behind it, each a link to the chart. */
async function expectFlaggedPatients(page: Page) {
  const flagged = page.getByRole('region', { name: 'No response after 3 sessions' })
  const flaggedLink = flagged.getByRole('button', { name: /No response after 3 sessions: show the patients/ })
  const flaggedCount = Number((await flaggedLink.textContent())!.match(/^(\d+) of/)![1])
  await flaggedLink.click()
  const dialog = page.getByRole('dialog', { name: 'No response after 3 sessions' })
  await expect(dialog).toBeVisible()
  if (flaggedCount > 0) {
    await expect(dialog.getByRole('table', { name: 'Patients in this count' }).getByRole('link')).toHaveCount(
      flaggedCount,
    )
  } else await expect(dialog.getByText('No patient in this count.')).toBeVisible()
  await expect(page).toHaveURL(/[?&]flag=no-response-after-three/)
  await shootBothSizes(page, 'outcomes-flagged', false)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
}

/**
 * Narrow to a protocol: only the esketamine ones are offered now; every synthetic esketamine
 * patient is on the TRD label schedule, so the cohort stays the same.
 */
async function narrowToTrdProtocol(page: Page, eskSize: number) {
  const protocol = page.getByRole('combobox', { name: 'Protocol' })
  await protocol.click()
  await expect(page.getByRole('option', { name: /IV racemic/i })).toHaveCount(0)
  const byProtocol = page.waitForResponse((r) => /[?&]protocol=esketamine-trd/.test(r.url()))
  await page.getByRole('option', { name: 'Esketamine nasal spray, TRD label schedule (adults < 65)' }).click()
  expect((await byProtocol).status()).toBe(200)
  await expect(page).toHaveURL(/[?&]protocol=esketamine-trd/)
  await expect(page.getByText('Updating')).toBeHidden()
  await expect(page.getByTestId('cohort-size')).toHaveText(`${eskSize.toLocaleString('en-US')} patients`)
}

/** The CSV is built in the browser from the same reply. */
async function expectCsvOfTheSameReply(page: Page) {
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Download CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^outcomes-\d{4}-\d{2}-\d{2}-intranasal-esketamine-trd\.csv$/)
  const csv = await readFile((await download.path())!, 'utf8')
  const lines = csv.trim().split('\r\n')
  expect(lines[0]).toBe(
    'section,measure,timepoint,count,n,value,ci95_lower,ci95_upper,unit,literature_value,literature_source',
  )
  expect(lines).toContainEqual(expect.stringMatching(/^Efficacy,Response,24 hours,\d+,\d+,/))
  expect(lines).toContainEqual(expect.stringMatching(/^Cohort,Patients,,,\d+,/))
}

test('a prescriber reads the outcomes dashboard, opens a table, filters to esketamine and downloads the CSV', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await signInOnPage(page, server, prescriber)
  await expect(page.getByText('Dr. Priya Raman', { exact: true })).toBeVisible()

  // The synthetic patients are at Riverside.
  await chooseClinic(page, 'Riverside Ketamine Clinic')
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Outcomes' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Outcomes' })).toBeVisible()

  // Charts first, with the cohort size.
  await expect(page.getByTestId('cohort-size')).toHaveText(/^[\d,]+ patients$/, { timeout: 60_000 })
  const cohortSize = Number((await page.getByTestId('cohort-size').textContent())!.replace(/\D/g, ''))
  expect(cohortSize).toBeGreaterThan(0)
  const response = page.getByRole('region', { name: 'Response and remission' })
  await expect(response.locator('.recharts-surface').first()).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Time to relapse' }).locator('.recharts-surface').first(),
  ).toBeVisible()
  await expect(
    page.getByRole('region', { name: 'Side effects' }).locator('.recharts-surface').first(),
  ).toBeVisible()
  // All treatments mixed: no published figure drawn against them (issue 14), and the page says why.
  const legend = response.getByRole('list', { name: 'How to read this chart' })
  await expect(legend).toContainText('the share of your patients who responded')
  await expect(legend).not.toContainText('Han et al.')
  await expect(legend).toContainText('these patients had different treatments')
  await expect(page.getByRole('note').filter({ hasText: 'Two treatments mixed' })).toBeVisible()

  // Tables on demand.
  await response.getByRole('button', { name: 'Show table' }).click()
  const table = response.getByRole('table', { name: 'Response and remission' })
  await expect(table).toBeVisible()
  await expect(table.getByRole('row').filter({ hasText: /^Response\s*24 hours/ })).not.toContainText('52.2 %')
  await response.getByRole('button', { name: 'Hide table' }).click()
  await expect(table).toBeHidden()

  // Every clinic the prescriber reads reports for, added up; then back to this clinic.
  const allClinics = page.waitForResponse((r) => /[?&]clinics=all/.test(r.url()))
  await page.getByText('All my clinics (2)', { exact: true }).click()
  expect((await allClinics).status()).toBe(200)
  await expect(page).toHaveURL(/[?&]clinics=all/)
  await expect(page.getByText('Updating')).toBeHidden()
  await expect(page.getByText(/Riverside Ketamine Clinic [\d,]+, Hillcrest Mood Center [\d,]+/)).toBeVisible()
  await page.getByText('This clinic', { exact: true }).click()
  await expect(page).not.toHaveURL(/clinics=all/)
  await expect(page.getByTestId('cohort-size')).toHaveText(`${cohortSize.toLocaleString('en-US')} patients`)

  // Like with like: IV patients beside IV figures, the markers explained beside the chart.
  await page.getByRole('button', { name: 'Compare IV ketamine' }).click()
  await expect(page).toHaveURL(/[?&]route=iv/)
  await expect(page.getByText('Updating')).toBeHidden()
  await expect(legend).toContainText('Published figure for the same treatment: Han et al., NDT 2016')
  await response.getByRole('button', { name: 'Show table' }).click()
  await expect(table.getByRole('row').filter({ hasText: /^Response\s*24 hours/ })).toContainText('52.2 %')
  await response.getByRole('button', { name: 'Hide table' }).click()

  await expectFlaggedPatients(page)
  await shootBothSizes(page, 'outcomes-iv', true)
  await page.setViewportSize({ width: 1440, height: 900 })

  // Filter to esketamine: the URL keeps it, the cohort shrinks, the IV literature goes.
  const filtered = page.waitForResponse((r) => /\/outcomes\?(.*&)?route=intranasal/.test(r.url()))
  await page.getByText('Esketamine (intranasal)', { exact: true }).click()
  await expect(page).toHaveURL(/[?&]route=intranasal/)
  expect((await filtered).status()).toBe(200)
  await expect(page.getByText('Updating')).toBeHidden()
  const eskSize = Number((await page.getByTestId('cohort-size').textContent())!.replace(/\D/g, ''))
  expect(eskSize).toBeLessThan(cohortSize)
  if (eskSize < 20) await expect(page.getByText('Cohort too small to read')).toBeVisible()
  await expect(legend).not.toContainText('Han et al.')

  await narrowToTrdProtocol(page, eskSize)

  await expectCsvOfTheSameReply(page)
})
