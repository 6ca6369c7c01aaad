/**
 * Opens what a run reads: a local file, standard input or an S3 object, streamed, gunzipped when it is gzip (by its
 * {@code .gz} name or its first two bytes), and counted as it is read so that progress can tell how far it got.
 */
@NullMarked
package io.tickflow.cli.input;

import org.jspecify.annotations.NullMarked;
