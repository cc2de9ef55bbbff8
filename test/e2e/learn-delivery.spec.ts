import { expect, type Page, test } from '@playwright/test'
import { serverForSpec } from './support/spec-server'

// Issue 16: /learn is split from the staff app and prerendered. The chunk names come from
// vite.config.ts (learn-, portal-, staff- for route chunks; `charts` for the chart libraries).

const server = serverForSpec()
test.use({ actionTimeout: 15_000 })

const learnPages = [
  { path: '/learn', heading: 'Ketamine for depression that has not gotten better with treatment' },
  { path: '/learn/self-check', heading: 'Self-check: bring your answers to a provider' },
]

/** Records the scripts a page loads and the errors it logs (a failed hydration logs one). */
function watch(page: Page) {
  const scripts: string[] = []
  const errors: string[] = []
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
  })
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  return { scripts, errors }
}

const areaChunk = (area: string) => (path: string) => path.startsWith(`/assets/${area}-`)

for (const { path, heading } of learnPages) {
  test(`${path} arrives prerendered, with its description, and loads no staff, portal or chart code`, async ({
    page,
    request,
  }) => {
    // The HTML as it comes from the server: the heading is there without running any script.
    const response = await request.get(`${server.url}${path}`)
    expect(response.status()).toBe(200)
    const html = await response.text()
    const h1 = /<h1[^>]*>([^<]*)<\/h1>/.exec(html)
    expect(h1?.[1]).toBe(heading)
    expect(html).not.toContain('KETACARE_CSP_NONCE')
    // Inline style attributes would break under the Content-Security-Policy (no 'unsafe-inline').
    expect(html).not.toMatch(/<[^>]+ style="/)

    const { scripts, errors } = watch(page)
    await page.goto(`${server.url}${path}`)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading)
    const description = await page.locator('meta[name="description"]').getAttribute('content')
    expect(description?.length ?? 0).toBeGreaterThan(50)
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      'href',
      new RegExp(`^https?://[^/]+${path}$`),
    )
    await page.waitForLoadState('networkidle')
    expect(scripts.filter(areaChunk('learn')).length).toBeGreaterThan(0)
    for (const area of ['staff', 'portal', 'charts']) expect(scripts.filter(areaChunk(area))).toEqual([])
    // /learn hydrates from its slim entry (learn-main.tsx): no router, query cache or staff route table.
    if (path === '/learn')
      for (const chunk of ['router', 'mutation', 'clinic-pages', 'index'])
        expect(scripts.filter(areaChunk(chunk))).toEqual([])
    expect(errors).toEqual([])
  })
}

test('after hydration the model and the self-check respond; the chart code loads only with the model', async ({
  page,
}) => {
  const { scripts, errors } = watch(page)
  await page.goto(`${server.url}/learn`)
  await page.waitForLoadState('networkidle')
  expect(scripts.filter(areaChunk('charts'))).toEqual([])

  await page.getByRole('button', { name: 'How they may work' }).click()
  const summary = page.getByTestId('pk-summary')
  await expect(summary).toBeVisible()
  expect(scripts.filter(areaChunk('charts')).length).toBeGreaterThan(0)
  const before = await summary.textContent()
  const doseSlider = page.getByRole('slider', { name: 'Dose in the model, in mg per kg' })
  await doseSlider.focus()
  for (let i = 0; i < 4; i++) await doseSlider.press('ArrowRight')
  await expect(summary).not.toHaveText(before ?? '')

  await page.getByRole('link', { name: 'Start the self-check' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Self-check')
  // Loaded straight from its prerendered HTML, the self-check is live too.
  await page.goto(`${server.url}/learn/self-check`)
  await page.waitForLoadState('networkidle')
  const first = page.getByRole('radiogroup', { name: /^1\. / }).getByRole('radio', { name: 'Several days' })
  await first.click()
  await expect(first).toBeChecked()
  await expect(page.getByTestId('live-phq9')).toContainText('1 of 27')
  expect(errors).toEqual([])
})

test('from the self-check (the React app) the learn page opens without a page load, and its model works', async ({
  page,
}) => {
  const { errors } = watch(page)
  await page.goto(`${server.url}/learn/self-check`)
  await page.waitForLoadState('networkidle')
  // A full page load would drop this mark: the app's router shows /learn itself.
  await page.evaluate(() => Object.assign(window, { stillHere: true }))
  await page
    .getByRole('navigation', { name: 'Learn pages' })
    .getByRole('link', { name: 'About ketamine' })
    .click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(learnPages[0]!.heading)
  await expect(page.getByRole('link', { name: 'About ketamine' })).toHaveAttribute('aria-current', 'page')
  expect(await page.evaluate(() => (window as { stillHere?: boolean }).stillHere)).toBe(true)
  await page.getByRole('button', { name: 'How they may work' }).click()
  await expect(page.getByTestId('pk-summary')).toBeVisible()
  expect(errors).toEqual([])
})

test('robots.txt allows the public pages and keeps crawlers out of the API, the portal and the staff app; the sitemap lists the public pages', async ({
  request,
}) => {
  const robots = await (await request.get(`${server.url}/robots.txt`)).text()
  expect(robots).toMatch(/^User-agent: \*$/m)
  expect(robots).toMatch(/^Allow: \/learn$/m)
  for (const path of ['/api/', '/portal', '/c/', '/signin']) expect(robots).toContain(`Disallow: ${path}`)
  const sitemap = await (await request.get(`${server.url}/sitemap.xml`)).text()
  for (const { path } of learnPages) expect(sitemap).toMatch(new RegExp(`<loc>https?://[^<]+${path}</loc>`))
})
