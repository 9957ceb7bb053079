package org.redress.publicweb;

/** A tiny PNG for tests in other packages. */
public final class AttachmentCheckTestAccess {

    private AttachmentCheckTestAccess() {
    }

    public static byte[] png() {
        return AttachmentCheckTest.PNG.clone();
    }
}
