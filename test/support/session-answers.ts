/** Answer sets the chair-side tests chart again and again. */

/** An Aldrete score of 10: every item at its best. */
export const aldrete10 = {
  aldrete_activity: 2,
  aldrete_respiration: 2,
  aldrete_circulation: 2,
  aldrete_consciousness: 2,
  aldrete_spo2: 2,
}

/** A C-SSRS screen with no ideation and no behaviour. */
export const cssrsNegative = { cssrs_1: false, cssrs_2: false, cssrs_6: false }

/** A pre-dose PHQ-9 of 13 (moderate), item 9 at 0: the journeys' usual answers. */
export const phq9Moderate = {
  phq9_1: 2,
  phq9_2: 2,
  phq9_3: 2,
  phq9_4: 2,
  phq9_5: 1,
  phq9_6: 2,
  phq9_7: 1,
  phq9_8: 1,
  phq9_9: 0,
}
