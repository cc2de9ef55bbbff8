import { useRecordRemsEnrolment, useRemsEnrolment } from '../../api/rems'
import { RemsEntryCard } from '../../components/rems/rems-entry-card'
import { todayIn } from '../../lib/time'

/** The patient's esketamine REMS enrolment (clinical-reference §3); prescribers and nurses record it. */
export function RemsEnrolmentCard({
  clinicId,
  patientId,
  timeZone,
  canRecord,
}: {
  clinicId: string
  patientId: string
  timeZone: string | undefined
  canRecord: boolean
}) {
  return (
    <RemsEntryCard
      title="REMS patient enrolment"
      description="Esketamine (Spravato) REMS: the patient must be enrolled before an esketamine session is booked or dosed."
      identifierLabel="Enrolment identifier"
      dateLabel="Date enrolled"
      recordLabel="Record enrolment"
      missingText="Not enrolled: esketamine sessions cannot be booked or dosed for this patient."
      entries={useRemsEnrolment(clinicId, patientId)}
      record={useRecordRemsEnrolment(clinicId, patientId)}
      canRecord={canRecord}
      today={todayIn(timeZone)}
    />
  )
}
