package org.redress.casework;

import org.redress.accounts.PackRoles;
import org.redress.casework.CaseFact.CaseLogged;
import org.redress.notices.NoticeRequested;
import org.redress.people.Organisations;
import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * T-5: a record type whose pack says {@code tell: [role]} (the Trust's support service request: "logged on the client's
 * log and the Client Services Manager informed") sends a notice, when one is logged, to each member who holds the role
 * at the address the administrator set for them ({@link PackRoles#noticeRecipients}). If no holder has an address it
 * goes to the organisation's complaints mailbox, naming the role, so it is never lost in silence. Queued in the
 * transaction that logged the case ({@link NoticeRequested}): if the logging rolls back, nothing is sent.
 */
@Component
class RoleNotices {

    private final PolicyPacks packs;
    private final PackRoles packRoles;
    private final Organisations organisations;
    private final ApplicationEventPublisher events;

    RoleNotices(PolicyPacks packs, PackRoles packRoles, Organisations organisations, ApplicationEventPublisher events) {
        this.packs = packs;
        this.packRoles = packRoles;
        this.organisations = organisations;
        this.events = events;
    }

    @EventListener
    void tellTheRolesTheLoggingConcerns(CaseChanged change) {
        for (CaseEvent event : change.events()) {
            if (!event.type().equals("logged") || !(event.payload() instanceof CaseLogged logged)) {
                continue;
            }
            CaseView c = change.caseFile();
            PolicyPack pack = packs.version(c.pack().id(), c.pack().version());
            Optional<PolicyPack.RecordType> type = pack.recordType(logged.recordType());
            for (String role : type.map(PolicyPack.RecordType::tell).orElse(List.of())) {
                tell(change.organisation(), pack, type.get(), role, c);
            }
        }
    }

    private void tell(String organisation, PolicyPack pack, PolicyPack.RecordType type, String role, CaseView c) {
        String roleName = pack.role(role).map(PolicyPack.Role::name).orElse(role);
        String subject = "New " + type.name().toLowerCase(java.util.Locale.UK) + " " + c.reference() + " for the " + roleName;
        List<String> lines = new ArrayList<>();
        lines.add("A " + type.name().toLowerCase(java.util.Locale.UK) + " was logged as " + c.reference() + " from "
                + c.complainant().name() + ".");
        lines.add("What it is about: " + c.description());
        c.clocks().stream().filter(k -> k.stoppedAt() == null).findFirst()
                .ifPresent(k -> lines.add(k.name() + ": due by " + k.dueDate() + "."));
        lines.add("You are told because you are the " + roleName + (type.cite() == null ? "." : " (" + type.cite() + ")."));
        List<PackRoles.Recipient> recipients = packRoles.noticeRecipients(organisation, role);
        if (recipients.isEmpty()) {
            organisations.complaintsEmail(organisation).ifPresent(mailbox -> events.publishEvent(new NoticeRequested(organisation,
                    mailbox, subject, "the " + roleName, lines)));
            return;
        }
        for (PackRoles.Recipient r : recipients) {
            events.publishEvent(new NoticeRequested(organisation, r.email(), subject, r.displayName(), lines));
        }
    }
}
