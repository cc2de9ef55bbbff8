// Plasma ketamine ranges associated with clinical effects, for shading the predicted curve
// (clinical-reference §5, Zanos 2018 table 1 ✅). Context for the chart, not targets.
export const effectBandsNgPerMl = [
  { id: 'analgesia', label: 'Analgesia', fromNgPerMl: 70, toNgPerMl: 160 },
  { id: 'dissociation', label: 'Dissociation', fromNgPerMl: 100, toNgPerMl: 250 },
  { id: 'anaesthesia', label: 'Anaesthesia', fromNgPerMl: 1200, toNgPerMl: 2400 },
] as const
