/** Shows how far a run got while it runs: a bar on a terminal, a line every few seconds in a log. */
@NullMarked
package io.tickflow.cli.progress;

import org.jspecify.annotations.NullMarked;
