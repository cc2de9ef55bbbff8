import { useClinicSummary } from '../../api/clinic'
import { useRecordRemsCertification, useRemsCertification } from '../../api/rems'
import { todayIn } from '../../lib/time'
import { hasClinicPermission, useCurrentClinic } from '../current-clinic'
import { RemsEntryCard } from './rems-entry-card'

/**
 * The clinic's esketamine REMS healthcare-setting certification (clinical-reference §3). Self-
 * contained (it reads the current clinic itself) so a settings page can place it as it is.
 */
export function RemsCertificationCard() {
  const { membership } = useCurrentClinic()
  const clinicId = membership.clinicId
  const timeZone = useClinicSummary(clinicId).data?.timeZone
  return (
    <RemsEntryCard
      title="REMS setting certification"
      description="Esketamine (Spravato) REMS: the healthcare setting must be certified before any esketamine session is booked or dosed. Record it as the REMS gave it."
      identifierLabel="Certification identifier"
      dateLabel="Date certified"
      recordLabel="Record certification"
      missingText="Not recorded: no esketamine session can be booked or dosed in this clinic."
      entries={useRemsCertification(clinicId)}
      record={useRecordRemsCertification(clinicId)}
      canRecord={hasClinicPermission(membership, 'rems:certify')}
      today={todayIn(timeZone)}
    />
  )
}
