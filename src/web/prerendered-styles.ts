// The Content-Security-Policy allows no inline `style` attributes in HTML (style-src has a nonce,
// no 'unsafe-inline'), but React's server rendering writes Mantine's style props as such attributes.
// At build time each one becomes a `data-ssr-style` reference to a rule in one nonce-carrying
// <style> tag, so the prerendered page looks right before any script runs; before hydrating, the
// browser moves each rule back onto its element through the CSSOM (which CSP does not restrict), so
// the DOM matches what React renders.

const attribute = 'data-ssr-style'
/** The attribute on the <style> tag that holds the moved rules. */
export const movedStylesAttribute = 'data-ssr-styles'

/** The entities React's server renderer writes in attribute values. */
const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#x27;': "'",
}

/** Replaces the style attributes in React's server-rendered HTML; returns the HTML and the CSS rules. */
export function moveInlineStyles(html: string): { html: string; css: string } {
  const styles: string[] = []
  const moved = html.replace(/ style="([^"]*)"/g, (_, value: string) => {
    const text = value.replace(/&(amp|lt|gt|quot|#x27);/g, (entity) => entities[entity] ?? entity)
    const index = styles.includes(text) ? styles.indexOf(text) : styles.push(text) - 1
    return ` ${attribute}="${index}"`
  })
  return { html: moved, css: styles.map((text, i) => `[${attribute}="${i}"]{${text}}`).join('\n') }
}

/** Puts the moved rules back on their elements as inline styles (before hydration). */
export function adoptPrerenderedStyles(root: HTMLElement): void {
  const sheet = document.querySelector<HTMLStyleElement>(`style[${movedStylesAttribute}]`)
  const rules = new Map<string, string>()
  for (const rule of sheet?.sheet?.cssRules ?? [])
    if (rule instanceof CSSStyleRule) rules.set(rule.selectorText, rule.style.cssText)
  for (const element of root.querySelectorAll<HTMLElement>(`[${attribute}]`)) {
    element.style.cssText = rules.get(`[${attribute}="${element.getAttribute(attribute)}"]`) ?? ''
    element.removeAttribute(attribute)
  }
  sheet?.remove()
}
