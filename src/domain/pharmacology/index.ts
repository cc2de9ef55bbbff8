export { effectBandsNgPerMl } from './effect-bands'
export type { ModalResponse } from './modal-response'
export { computeModalResponse } from './modal-response'
export type { PkModel, PkModelId, PkParameters } from './models'
export { getPkModel, isPkModelId, parametersForPatient, pkModels } from './models'
export type { PercentileTracker } from './percentile'
export { createPercentileTracker, percentilesInPlace } from './percentile'
export type { PopulationBands, PopulationInput } from './population'
export { defaultBetweenSubjectOmega, simulatePopulation } from './population'
export { mulberry32, normalSampler } from './random'
export {
  arketamineKiUm,
  esketamineKiUm,
  ketamineMolarMassGPerMol,
  ngPerMlToMicromolar,
  nmdaOccupancy,
  racemicKetamineKiUm,
} from './receptor'
export type { Bolus, DoseEvent, Infusion, SegmentPlan, TimeGrid } from './regimen'
export { gridTimes, planSegments, validateRegimen } from './regimen'
export type { PkCurve, SimulatePkInput } from './simulate'
export { concentrationAt, ivInfusion, simulateModes, simulatePk } from './simulate'
