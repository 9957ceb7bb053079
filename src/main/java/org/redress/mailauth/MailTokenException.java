package org.redress.mailauth;

/** No access token could be had for a mailbox: the message says which mailbox, which token endpoint and why. */
public class MailTokenException extends RuntimeException {

    MailTokenException(String message, Throwable cause) {
        super(message, cause);
    }

    MailTokenException(String message) {
        super(message);
    }
}
