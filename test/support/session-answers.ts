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
