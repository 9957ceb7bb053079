package org.redress.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The organisation's connected mailboxes and how their last reads went, for administrators (issue 24). */
@RestController
@Tag(name = "Mailboxes")
class MailboxController {

    private final MailboxReads reads;
    private final IntakeProperties properties;

    MailboxController(MailboxReads reads, IntakeProperties properties) {
        this.reads = reads;
        this.properties = properties;
    }

    @GetMapping("/api/v1/organisations/{organisation}/mailboxes")
    @Operation(summary = "The organisation's connected mailboxes: how each signs in (password, OAuth 2.0 token over IMAP, or "
            + "Microsoft Graph), when it was last read, and, while it cannot be read, the error and since when. Emails wait "
            + "unread in a mailbox that cannot be read; none is lost")
    List<MailboxReads.MailboxState> mailboxes(@PathVariable String organisation) {
        return reads.of(organisation, properties);
    }
}
