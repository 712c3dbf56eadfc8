/** The uncertain parameters that are growth rates (kept free of the schema so that worker threads load no zod). */
export const RATE_PARAMETERS: readonly string[] = ['population_growth', 'revenue_growth', 'other_expenditure_growth'];
