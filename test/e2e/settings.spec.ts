import { expect, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { signInOnPage } from './support/staff'

const server = serverForSpec()

const admin = 'admin@demo.ketacare.org'

test('an administrator reviews the rules, changes the SpO2 alert threshold and sees it saved', async ({
  page,
}) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 1440, height: 900 })
  await signInOnPage(page, server, admin)
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Settings' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Clinical settings and rules' })).toBeVisible()

  // The catalogue: an ⚠️ threshold is marked as an unverified default; the REMS stop is fixed.
  const spo2 = page.getByRole('article', { name: /SpO2 below this/ })
  await expect(spo2.getByText('Unverified default', { exact: true })).toBeVisible()
  await expect(spo2.getByText('vitals.spo2-below')).toBeVisible()
  const rems = page.getByRole('article', { name: /REMS setting certification/ })
  await expect(rems.getByText('Fixed', { exact: true })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('settings-1440.png') })
  // A 1024px tablet in landscape: the navbar folds behind its burger, the rules stay readable.
  await page.setViewportSize({ width: 1024, height: 768 })
  // Let the navbar finish folding away before the picture (screenshot only, no assertion waits on it).
  await page.waitForTimeout(500)
  await page.screenshot({ path: test.info().outputPath('settings-1024.png') })
  await page.screenshot({ path: test.info().outputPath('settings-1024-full.png'), fullPage: true })

  // A value out of range is refused beside its input; a good one is saved and stays after a reload.
  const input = spo2.getByRole('textbox', { name: 'SpO2 below (%)' })
  await input.fill('70')
  await page.getByRole('button', { name: 'Save 1 change' }).first().click()
  await expect(spo2.getByText('must be at least 80')).toBeVisible()
  await input.fill('90')
  await page.getByRole('button', { name: 'Save 1 change' }).first().click()
  await expect(page.getByRole('status').filter({ hasText: '1 setting changed' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('article', { name: /SpO2 below this/ }).getByRole('textbox')).toHaveValue('90')
})
