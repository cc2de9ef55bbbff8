import { sqlMigration } from '../sql-script'

// Clinical-reference §2 (issue 12): the dosing weight is never above actual weight and the titration
// ceiling is judged per kg of actual weight; going beyond either needs the prescriber's signed
// override with a reason. A plan records whether it asks to dose above actual weight, and, once
// approved, which limits its approval signature overrides and why (the approval's content hash
// covers both). Session-level overrides are session_event rows ('dose-override').
export const up = sqlMigration(`
    ALTER TABLE treatment_plan ADD COLUMN dose_above_actual_weight boolean NOT NULL DEFAULT false;
    ALTER TABLE treatment_plan ADD COLUMN dose_override_limits jsonb;
    ALTER TABLE treatment_plan ADD COLUMN dose_override_reason text;
    ALTER TABLE treatment_plan ADD CONSTRAINT treatment_plan_dose_override_reason_check
      CHECK ((dose_override_limits IS NULL) = (dose_override_reason IS NULL));
  `)
