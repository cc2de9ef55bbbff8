import { Select, Text } from '@mantine/core'
import { useLocation, useNavigate } from 'react-router'
import { clinicPages } from '../clinic-pages'
import { clinicPath } from '../clinic-path'
import { hasClinicPermission, useCurrentClinic } from './current-clinic'

/** A clinic picker for users with several memberships; the choice lives in the URL. */
export function ClinicSwitcher() {
  const { me, membership } = useCurrentClinic()
  const navigate = useNavigate()
  const location = useLocation()

  if (me.memberships.length < 2) {
    return (
      <Text size="sm" c="dimmed" visibleFrom="sm">
        {membership.clinicName}
      </Text>
    )
  }

  const switchTo = (clinicId: string | null) => {
    const target = me.memberships.find((m) => m.clinicId === clinicId)
    if (!target || target.clinicId === membership.clinicId) return
    // Stay on the same page when the new clinic allows it, else open the clinic's home page.
    const currentPrefix = clinicPath(membership.clinicId)
    const pagePath = location.pathname.slice(currentPrefix.length).replace(/^\//, '').split('/')[0] ?? ''
    const page = clinicPages.find((p) => p.path === pagePath)
    const keepPage = page !== undefined && hasClinicPermission(target, page.permission)
    void navigate(clinicPath(target.clinicId, keepPage ? pagePath : ''))
  }

  return (
    <Select
      aria-label="Clinic"
      data={me.memberships.map((m) => ({ value: m.clinicId, label: m.clinicName }))}
      value={membership.clinicId}
      onChange={switchTo}
      allowDeselect={false}
      w={{ base: 140, sm: 260 }}
      size="sm"
      comboboxProps={{ withinPortal: true }}
    />
  )
}
