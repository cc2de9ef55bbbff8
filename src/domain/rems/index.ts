export { remsInputLimits } from './input-limits'
export type { RemsRecords, RemsRequirement } from './rems-requirements'
export { missingRemsRequirements, remsRefusalMessage, remsRequirementLabels } from './rems-requirements'
