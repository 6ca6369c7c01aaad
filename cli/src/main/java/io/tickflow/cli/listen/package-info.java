/** {@code ./tickflow listen}: a local webhook receiver that checks Tickflow's signatures. */
@NullMarked
package io.tickflow.cli.listen;

import org.jspecify.annotations.NullMarked;
