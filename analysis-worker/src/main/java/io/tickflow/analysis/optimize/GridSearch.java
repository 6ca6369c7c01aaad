package io.tickflow.analysis.optimize;

/**
 * Every combination of the grid, in the grid's order. It refuses a space with a continuous dimension, and a grid
 * larger than the budget rather than trying an arbitrary part of it.
 */
final class GridSearch implements Search {

    @Override
    public SearchOutcome run(SearchSpace space, int budget, long seed, TrialEvaluator evaluator) {
        TrialLog log = new TrialLog(space, budget, evaluator);
        var grid = space.grid();
        long size = space.gridSize().orElseThrow();
        if (size > budget) {
            throw new InvalidSearchSpaceException("The grid has " + size + " combinations but the budget is " + budget
                    + (budget == 1 ? " trial" : " trials") + "; raise optimizer.trials or use random search");
        }
        log.evaluateAll(grid);
        return log.outcome();
    }
}
