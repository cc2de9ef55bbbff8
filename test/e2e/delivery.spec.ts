import { expect, type Response, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'
import { signInStaff } from './support/staff'

// Issue 16: in a real browser, the app's hashed files arrive compressed (the Brotli or gzip files of
// the build) and cached for a year, pages are always revalidated, and API JSON over 1 KB is
// compressed on the way.

const server = serverForSpec({ env: { KETACARE_DEMO_HISTORY_PATIENTS: '0' } })

test('hashed assets come compressed and immutable, pages are no-cache, large API JSON is compressed', async ({
  browser,
}) => {
  const page = await (await browser.newContext()).newPage()
  const assets: Response[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/assets/')) assets.push(response)
  })
  const document = await page.goto(`${server.url}/learn`)
  expect(document!.status()).toBe(200)
  expect(document!.headers()['cache-control']).toBe('no-cache')
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()

  const scripts = assets.filter((r) => r.url().endsWith('.js'))
  expect(scripts.length).toBeGreaterThan(0)
  const largest = await Promise.all(
    scripts.map(async (r) => ({ response: r, bytes: (await r.body()).length })),
  ).then((all) => all.sort((a, b) => b.bytes - a.bytes)[0]!)
  expect(largest.bytes).toBeGreaterThan(1024)
  const headers = await largest.response.allHeaders()
  expect(['br', 'gzip']).toContain(headers['content-encoding'])
  expect(headers['cache-control']).toBe('public, max-age=31536000, immutable')
  expect(headers.vary).toContain('accept-encoding')
  for (const asset of assets)
    expect((await asset.allHeaders())['cache-control'], asset.url()).toContain('immutable')

  const nurse = await signInStaff(browser, server, 'nurse@demo.ketacare.org', { expectShell: true })
  const clinicId = /\/c\/([0-9a-f-]+)$/.exec(nurse.url())![1]!
  const rules = await nurse.evaluate(async (id) => {
    const response = await fetch(`/api/v1/clinics/${id}/rules`)
    return {
      status: response.status,
      encoding: response.headers.get('content-encoding'),
      bytes: (await response.text()).length,
    }
  }, clinicId)
  expect(rules.status).toBe(200)
  expect(rules.bytes).toBeGreaterThan(1024)
  expect(['br', 'gzip']).toContain(rules.encoding)
})
