package io.tickflow.notify.email;

import io.tickflow.notify.delivery.Delivery;
import io.tickflow.notify.delivery.DeliveryChannel;
import io.tickflow.notify.delivery.DeliveryFailure;
import io.tickflow.notify.subscription.Channel;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Sends deliveries to {@link Channel.Email} addresses over SMTP: one message per delivery, {@code
 * multipart/alternative} with a plain-text and an HTML part summarising the notification.
 *
 * <p>A message carries the delivery id in a {@code Tickflow-Delivery-Id} header and in its {@code Message-ID}, so that
 * a retry of a delivery the server took but did not confirm is the same message to mail software that de-duplicates.
 *
 * <p>SMTP says whether to try again: a reply in the 4xx range (mailbox busy, try later) and a connection that fails or
 * times out are retryable; a 5xx reply (no such user, rejected) and an invalid address are not. The reply code is read
 * from the reply line that Jakarta Mail's SMTP exceptions carry as their message, because the classes that hold it as
 * a number belong to the implementation (Angus Mail), which is on the runtime classpath only.
 */
public final class EmailChannel implements DeliveryChannel {

    /** The delivery id header, which a recipient's filters can also use. */
    public static final String DELIVERY_ID_HEADER = "Tickflow-Delivery-Id";

    private static final Pattern REPLY_CODE = Pattern.compile("^([2-5])\\d\\d(?:[ -]|$)");
    private static final Pattern MESSAGE_ID_SAFE = Pattern.compile("[A-Za-z0-9._-]+");

    private final EmailSettings settings;
    private final InternetAddress sender;
    private final String senderDomain;
    private final Session session;

    public EmailChannel(EmailSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sender = settings.sender();
        this.senderDomain = sender.getAddress().substring(sender.getAddress().indexOf('@') + 1);
        Properties properties = new Properties();
        properties.setProperty("mail.transport.protocol", "smtp");
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty(
                "mail.smtp.connectiontimeout",
                Long.toString(settings.connectTimeout().toMillis()));
        properties.setProperty(
                "mail.smtp.timeout", Long.toString(settings.timeout().toMillis()));
        properties.setProperty(
                "mail.smtp.writetimeout", Long.toString(settings.timeout().toMillis()));
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        if (settings.startTls()) {
            properties.setProperty("mail.smtp.starttls.enable", "true");
            properties.setProperty("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(properties);
    }

    @Override
    public boolean handles(Channel channel) {
        return channel instanceof Channel.Email;
    }

    @Override
    public void deliver(Delivery delivery) throws DeliveryFailure {
        if (!(delivery.channel() instanceof Channel.Email email)) {
            throw new DeliveryFailure(
                    "Not an email channel: " + delivery.channel().getClass().getSimpleName(), false);
        }
        MimeMessage message;
        try {
            message = compose(delivery, email);
        } catch (MessagingException e) {
            throw new DeliveryFailure("Could not compose the email: " + e.getMessage(), false, e);
        }
        try {
            String username = settings.username();
            String password = settings.password();
            if (username != null && password != null) {
                Transport.send(message, username, password);
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw failure(e);
        }
    }

    private MimeMessage compose(Delivery delivery, Channel.Email email) throws MessagingException {
        EmailContent content = EmailContent.of(delivery.notification());
        MimeMessage message = new DeliveryMessage(session, messageId(delivery.deliveryId()));
        message.setFrom(sender);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(email.address(), true));
        message.setSubject(content.subject(), StandardCharsets.UTF_8.name());
        message.setHeader(DELIVERY_ID_HEADER, EmailContent.oneLine(delivery.deliveryId()));
        // RFC 3834: no vacation replies to a machine.
        message.setHeader("Auto-Submitted", "auto-generated");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), StandardCharsets.UTF_8.name(), "html");
        // Simplest first: a reader shows the last part it can display.
        message.setContent(new MimeMultipart("alternative", text, html));
        return message;
    }

    private @Nullable String messageId(String deliveryId) {
        return MESSAGE_ID_SAFE.matcher(deliveryId).matches() ? "<" + deliveryId + "@" + senderDomain + ">" : null;
    }

    private DeliveryFailure failure(MessagingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String reply = Objects.requireNonNullElse(cause.getMessage(), "").strip();
            Matcher code = REPLY_CODE.matcher(reply);
            if (code.find()) {
                boolean transient4xx = code.group(1).equals("4");
                return new DeliveryFailure("SMTP server answered " + reply, transient4xx, e);
            }
        }
        if (e instanceof SendFailedException refused && hasAny(refused.getInvalidAddresses())) {
            return new DeliveryFailure("Invalid recipient: " + e.getMessage(), false, e);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return new DeliveryFailure(
                "Could not send through " + settings.host() + ":" + settings.port() + ": " + e.getMessage()
                        + (root == e ? "" : " (" + root + ")"),
                true,
                e);
    }

    private static boolean hasAny(Address @Nullable [] addresses) {
        return addresses != null && addresses.length > 0;
    }

    /** A message whose {@code Message-ID} is the delivery's, where the id can be one. */
    private static final class DeliveryMessage extends MimeMessage {

        private final @Nullable String messageId;

        DeliveryMessage(Session session, @Nullable String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
