import type { ReactNode } from 'react'
import type { Permission } from '../domain/access/permissions'
import { AuditLogPage } from './pages/audit-log-page'
import { BoardDisplaysPage } from './pages/board-displays-page'
import { BoardPage } from './pages/board-page'
import { PatientChartPage } from './pages/chart/patient-chart-page'
import { HomePage } from './pages/home-page'
import { IntakeQueuePage } from './pages/intake-queue-page'
import { LedgerPage } from './pages/ledger-page'
import { OutboxPage } from './pages/outbox-page'
import { OutcomesPage } from './pages/outcomes-page'
import { PatientsPage } from './pages/patients-page'
import { RemsPage } from './pages/rems-page'
import { SessionPage } from './pages/session/session-page'
import { SettingsPage } from './pages/settings/settings-page'
import { UsersPage } from './pages/users-page'

export interface ClinicPage {
  /** Path under /c/:clinicId; '' is the clinic's home page. */
  path: string
  label: string
  /** Permission from /auth/me that the page needs; undefined means any member. */
  permission?: Permission
  element: ReactNode
  /** A page reached from another page (a patient's chart), not from the navbar. */
  isHiddenFromNav?: boolean
}

// One line per page: the navbar and the routes are both built from this list, in this order.
export const clinicPages: ClinicPage[] = [
  { path: '', label: 'Home', element: <HomePage /> },
  { path: 'today', label: 'Today', permission: 'patients:read', element: <BoardPage /> },
  {
    path: 'sessions/:sessionId',
    label: 'Treatment session',
    permission: 'clinical:read',
    element: <SessionPage />,
    isHiddenFromNav: true,
  },
  { path: 'patients', label: 'Patients', permission: 'patients:read', element: <PatientsPage /> },
  { path: 'intake', label: 'Intake queue', permission: 'patients:read', element: <IntakeQueuePage /> },
  {
    path: 'patients/:patientId',
    label: 'Patient chart',
    permission: 'patients:read',
    element: <PatientChartPage />,
    isHiddenFromNav: true,
  },
  { path: 'outcomes', label: 'Outcomes', permission: 'reports:read', element: <OutcomesPage /> },
  { path: 'ledger', label: 'Controlled substances', permission: 'ledger:read', element: <LedgerPage /> },
  { path: 'users', label: 'Users', permission: 'users:manage', element: <UsersPage /> },
  { path: 'audit', label: 'Audit log', permission: 'audit:read', element: <AuditLogPage /> },
  { path: 'outbox', label: 'Outbox', permission: 'settings:manage', element: <OutboxPage /> },
  { path: 'settings', label: 'Settings', permission: 'settings:manage', element: <SettingsPage /> },
  {
    path: 'board-displays',
    label: 'Board displays',
    permission: 'settings:manage',
    element: <BoardDisplaysPage />,
  },
  { path: 'rems', label: 'Esketamine REMS', permission: 'rems:certify', element: <RemsPage /> },
]
