/**
 * The cells of a linear model's parameter group (linearModel.ts): each group's catalog cost is
 * held in CELLS_PER_GROUP cells by two flags. A module of its own so that the evaluation (and
 * the Monte Carlo's worker threads) can read the layout without loading the exact engine.
 */
export const CELLS_PER_GROUP = 4;
/** bit 0: in the basic financial guarantee's scope */
export const IN_SCOPE = 1;
/** bit 1: item-tied general transfer */
export const ITEM_TIED = 2;
