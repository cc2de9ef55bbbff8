import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { patientGradeLimit, readingGrade } from '../../support/readability'

/**
 * The prose a patient reads on the page as rendered: paragraphs, list items and table cells (the
 * innermost ones), one per line, headers and navigation included, hidden elements left out.
 * Short labels and buttons are left out on purpose: they would only lower the grade.
 */
export async function proseOf(page: Page): Promise<string> {
  const blocks = await page.locator('p, li, td').evaluateAll((elements) =>
    elements
      .filter((e) => !elements.some((other) => other !== e && e.contains(other)))
      // biome-ignore lint/performance/useDomNodeTextContent: innerText leaves out hidden text, as a reader would
      .map((e) => (e as HTMLElement).innerText.replace(/\s+/g, ' ').trim())
      .filter((text) => text.length > 0),
  )
  return blocks.join('\n')
}

/** Flesch–Kincaid grade of the page's prose at or below the patient limit; noted in the report. */
export async function expectPlainLanguage(page: Page, where: string) {
  const grade = readingGrade(await proseOf(page))
  test.info().annotations.push({ type: 'reading grade', description: `${where}: ${grade}` })
  expect(grade, `Flesch–Kincaid grade of ${where}`).toBeLessThanOrEqual(patientGradeLimit)
}

/**
 * axe (`@axe-core/playwright`) with no serious or critical violations. It runs axe through the
 * DevTools protocol, which the page's CSP (script-src 'self') does not govern, so a journey can
 * keep watching for real CSP violations.
 */
export async function expectAccessible(page: Page, where: string) {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'best-practice']).analyze()
  const serious = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(serious, `axe on ${where}`).toEqual([])
}

/**
 * Every control a patient taps in the main area is at least 44 × 44 CSS pixels (WCAG 2.5.5);
 * links inside a sentence are exempt, as the rule allows.
 */
export async function expectLargeTargets(page: Page, where: string) {
  const small = await page
    .locator('main button, main a, main [role="radio"], main input:not([type="hidden"])')
    .evaluateAll((elements) =>
      elements
        .filter((e) => {
          const box = e.getBoundingClientRect()
          if (box.width === 0 || box.height === 0) return false
          const isInline = e.tagName === 'A' && e.closest('p') !== null
          const isInsideTarget = e.tagName === 'INPUT' && e.closest('[role="radio"], label') !== null
          return !isInline && !isInsideTarget
        })
        .map((e) => {
          const box = e.getBoundingClientRect()
          return { name: (e.textContent?.trim() || e.getAttribute('aria-label') || e.tagName).trim(), box }
        })
        .filter(({ box }) => box.width < 44 || box.height < 44)
        .map(({ name, box }) => `${name.slice(0, 40)} (${Math.round(box.width)}×${Math.round(box.height)})`),
    )
  expect(small, `tap targets under 44 × 44 px on ${where}`).toEqual([])
}

/** Screenshots of the screen on a tablet (1024 × 768) and a phone (390 × 844), kept with the test's output. */
export async function snapBothSizes(page: Page, name: string) {
  const before = page.viewportSize()
  for (const [size, viewport] of [
    ['tablet', { width: 1024, height: 768 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: test.info().outputPath(`${name}-${size}.png`) })
  }
  if (before) await page.setViewportSize(before)
}
