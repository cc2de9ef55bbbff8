import { useEffect } from 'react'
import { Navigate, useParams } from 'react-router'
import { useMe } from '../api/auth'
import { rememberClinic } from '../lib/remembered-clinic'
import { CurrentClinicContext } from './current-clinic'
import { PageLoader } from './page-status'
import { StaffShell } from './staff-shell'

/** Resolves /c/:clinicId to one of the user's memberships; other clinics are not reachable. */
export function ClinicLayout() {
  const { clinicId = '' } = useParams()
  const me = useMe()
  const membership = me.data?.memberships.find((m) => m.clinicId === clinicId)

  useEffect(() => {
    if (membership && me.data) rememberClinic(me.data.user.id, membership.clinicId)
  }, [membership, me.data])

  if (!me.data) return <PageLoader />
  if (!membership) return <Navigate to="/" replace />
  return (
    <CurrentClinicContext value={{ me: me.data, membership }}>
      <StaffShell />
    </CurrentClinicContext>
  )
}
