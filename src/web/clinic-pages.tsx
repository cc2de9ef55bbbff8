import type { ComponentType } from 'react'
import type { Permission } from '../domain/access/permissions'

export interface ClinicPage {
  /** Path under /c/:clinicId; '' is the clinic's home page. */
  path: string
  label: string
  /** Permission from /auth/me that the page needs; undefined means any member. */
  permission?: Permission
  /** Loads the page's code the first time it is visited: each page is its own chunk (vite.config.ts). */
  load: () => Promise<ComponentType>
  /** A page reached from another page (a patient's chart), not from the navbar. */
  isHiddenFromNav?: boolean
}

// One line per page: the navbar and the routes are both built from this list, in this order.
export const clinicPages: ClinicPage[] = [
  { path: '', label: 'Home', load: () => import('./pages/home-page').then((m) => m.HomePage) },
  {
    path: 'today',
    label: 'Today',
    permission: 'patients:read',
    load: () => import('./pages/board-page').then((m) => m.BoardPage),
  },
  {
    path: 'sessions/:sessionId',
    label: 'Treatment session',
    permission: 'clinical:read',
    load: () => import('./pages/session/session-page').then((m) => m.SessionPage),
    isHiddenFromNav: true,
  },
  {
    path: 'patients',
    label: 'Patients',
    permission: 'patients:read',
    load: () => import('./pages/patients-page').then((m) => m.PatientsPage),
  },
  {
    path: 'intake',
    label: 'Intake queue',
    permission: 'patients:read',
    load: () => import('./pages/intake-queue-page').then((m) => m.IntakeQueuePage),
  },
  {
    path: 'patients/:patientId',
    label: 'Patient chart',
    permission: 'patients:read',
    load: () => import('./pages/chart/patient-chart-page').then((m) => m.PatientChartPage),
    isHiddenFromNav: true,
  },
  {
    path: 'outcomes',
    label: 'Outcomes',
    permission: 'reports:read',
    load: () => import('./pages/outcomes-page').then((m) => m.OutcomesPage),
  },
  {
    path: 'ledger',
    label: 'Controlled substances',
    permission: 'ledger:read',
    load: () => import('./pages/ledger-page').then((m) => m.LedgerPage),
  },
  {
    path: 'users',
    label: 'Users',
    permission: 'users:manage',
    load: () => import('./pages/users-page').then((m) => m.UsersPage),
  },
  {
    path: 'audit',
    label: 'Audit log',
    permission: 'audit:read',
    load: () => import('./pages/audit-log-page').then((m) => m.AuditLogPage),
  },
  {
    path: 'outbox',
    label: 'Outbox',
    permission: 'settings:manage',
    load: () => import('./pages/outbox-page').then((m) => m.OutboxPage),
  },
  {
    path: 'settings',
    label: 'Settings',
    permission: 'settings:manage',
    load: () => import('./pages/settings/settings-page').then((m) => m.SettingsPage),
  },
  {
    path: 'board-displays',
    label: 'Board displays',
    permission: 'settings:manage',
    load: () => import('./pages/board-displays-page').then((m) => m.BoardDisplaysPage),
  },
  {
    path: 'fhir-clients',
    label: 'FHIR clients',
    permission: 'fhir-clients:manage',
    load: () => import('./pages/fhir-clients-page').then((m) => m.FhirClientsPage),
  },
  {
    path: 'rems',
    label: 'Esketamine REMS',
    permission: 'rems:certify',
    load: () => import('./pages/rems-page').then((m) => m.RemsPage),
  },
]
