/** API keys: who is calling the subscription API. Keys are stored only as peppered hashes. Plain Java. */
@NullMarked
package io.tickflow.notify.apikey;

import org.jspecify.annotations.NullMarked;
