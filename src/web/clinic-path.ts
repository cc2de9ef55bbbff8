/**
 * The URL of a clinic's page. Its own module, not clinic-pages.tsx: that file imports every page,
 * and pages link to each other, so importing it from a page would make an import cycle.
 */
export function clinicPath(clinicId: string, pagePath = ''): string {
  const base = `/c/${encodeURIComponent(clinicId)}`
  return pagePath ? `${base}/${pagePath}` : base
}
