/** Publishing contract events on SNS, shared by every service that announces events. */
@NullMarked
package io.tickflow.common.aws.sns;

import org.jspecify.annotations.NullMarked;
