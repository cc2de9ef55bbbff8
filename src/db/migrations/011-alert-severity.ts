import { sqlMigration } from '../sql-script'

// Issue 12 point 1: every depression instrument's suicidal-ideation item raises a safety alert at
// a warning or an urgent level (clinical-reference §4), and a C-SSRS "moderate" result opens a
// warning alert too. Until now only urgent flags opened alerts, so every existing row is urgent.
// The default is dropped afterwards so the writer must always say which level it raises.

export const up = sqlMigration(`
    ALTER TABLE safety_alert
      ADD COLUMN severity text NOT NULL DEFAULT 'urgent' CHECK (severity IN ('warning', 'urgent'));
    ALTER TABLE safety_alert ALTER COLUMN severity DROP DEFAULT;
  `)
