/**
 * Email delivery: a notification summarised as plain text and HTML, sent over SMTP with Jakarta Mail, and SMTP's
 * answers sorted into failures worth retrying and failures that are not. Plain Java.
 */
@NullMarked
package io.tickflow.notify.email;

import org.jspecify.annotations.NullMarked;
