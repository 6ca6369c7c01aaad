package io.tickflow.cli.analyze;

import io.tickflow.cli.progress.Progress;
import io.tickflow.common.contract.analysis.AnalysisProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows a study's progress on standard error: trials done out of the budget and the best objective value so far.
 *
 * <p>{@link Progress.Mode#BAR} redraws one line in place, for a terminal; {@link Progress.Mode#LINES} prints a line per
 * update, for logs and pipes; {@link Progress.Mode#NONE} is silent. Progress events may arrive out of order, so one
 * with no more trials than already shown is ignored.
 */
final class TrialProgress {

    private static final int BAR_WIDTH = 24;

    private final Progress.Mode mode;
    private final PrintStream err;
    private final String objective;
    private int shownTrials = -1;
    private int barLength;

    /**
     * @param objective the objective's name, e.g. {@code sharpe}, for "best sharpe 1.23"
     */
    TrialProgress(Progress.Mode mode, PrintStream err, String objective) {
        this.mode = mode;
        this.err = err;
        this.objective = objective;
    }

    /** Shows {@code progress} unless a later state is already shown. */
    void show(AnalysisProgress progress) {
        if (mode == Progress.Mode.NONE || progress.completedTrials() <= shownTrials) {
            return;
        }
        shownTrials = progress.completedTrials();
        String best = progress.bestObjectiveValue() == null
                ? "no trial has met the constraints yet"
                : "best " + objective + " " + Summary.number(progress.bestObjectiveValue());
        if (mode == Progress.Mode.BAR) {
            double fraction = (double) progress.completedTrials() / progress.totalTrials();
            int filled = (int) Math.round(fraction * BAR_WIDTH);
            String text = String.format(
                    Locale.ROOT,
                    "%3d%% [%s%s] %d/%d trials, %s",
                    Math.round(fraction * 100),
                    "#".repeat(filled),
                    "-".repeat(BAR_WIDTH - filled),
                    progress.completedTrials(),
                    progress.totalTrials(),
                    best);
            err.print("\r" + text + " ".repeat(Math.max(0, barLength - text.length())));
            err.flush();
            barLength = text.length();
        } else {
            err.println("tickflow analyze: " + progress.completedTrials() + " of " + progress.totalTrials()
                    + " trials, " + best);
        }
    }

    /** Leaves the terminal on a fresh line, so that what follows is not written over the bar. */
    void finish() {
        if (barLength > 0) {
            err.println();
            barLength = 0;
        }
        err.flush();
    }
}
