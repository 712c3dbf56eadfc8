/** The uncertain parameters that are growth rates (kept free of the schema so that worker threads load no zod). */
export const RATE_PARAMETERS: readonly string[] = ['population_growth', 'revenue_growth'];

/**
 * Uncertain parameters the model no longer has: other standard expenditure was replaced by
 * salaries, running costs and other mandated spending at standards (issue 9), which follow
 * population. A variable on one of these is left out of the draws, with a note.
 */
export const RETIRED_PARAMETERS: readonly string[] = ['other_expenditure_growth'];
