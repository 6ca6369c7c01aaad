/** Who wants to be told what, and where: subscriptions and their channels. Plain Java. */
@NullMarked
package io.tickflow.notify.subscription;

import org.jspecify.annotations.NullMarked;
