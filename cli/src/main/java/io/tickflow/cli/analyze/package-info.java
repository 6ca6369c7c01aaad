/**
 * {@code ./tickflow analyze}: asks analysis-worker for a strategy optimisation and follows it in the terminal.
 *
 * <p>{@link io.tickflow.cli.analyze.AnalyzeCommand} builds an {@code AnalysisRequest} from the command line, subscribes
 * a temporary queue of its own to the {@code analysis-results} topic before sending it (so that no event is missed),
 * shows the study's progress, prints the outcome, and removes the queue and its subscription again.
 */
@NullMarked
package io.tickflow.cli.analyze;

import org.jspecify.annotations.NullMarked;
