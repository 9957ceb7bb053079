package org.redress.casework;

import org.redress.policy.PolicyPack;
import org.redress.policy.PolicyPacks;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Read-only: every case of an organisation as {@link CaseView}, in batches (the reporting read model's rebuild, issue
 * 28). Two statements a batch, whatever its size: the batch's cases by the (organisation, reference) index, then all their
 * events at once, so 400,000 cases are read without two queries per case. For an administrator's whole-organisation job:
 * the reader's service areas are not applied.
 */
@Service
public class CaseViews {

    private final CaseFiles cases;
    private final PolicyPacks packs;
    private final Clock clock;

    CaseViews(CaseFiles cases, PolicyPacks packs, Clock clock) {
        this.cases = cases;
        this.packs = packs;
        this.clock = clock;
    }

    /** How many cases the organisation has. */
    public int count(String organisation) {
        return cases.count(organisation);
    }

    /** Every case of the organisation in reference order, {@code batchSize} at a time. */
    public void each(String organisation, int batchSize, Consumer<List<CaseView>> batch) {
        Map<String, PolicyPack> versions = new HashMap<>();
        String after = "";
        while (true) {
            List<CaseFiles.Row> rows = cases.pageByReference(organisation, after, batchSize);
            if (rows.isEmpty()) {
                return;
            }
            batch.accept(views(rows, versions));
            after = rows.get(rows.size() - 1).reference();
            if (rows.size() < batchSize) {
                return;
            }
        }
    }

    /**
     * These cases of the organisation as stored, in reference order, in the same two statements (an import reads back
     * the cases a corrected register replaced, in the transaction that replaced them, issue 20); unknown ids are left out.
     */
    public List<CaseView> of(String organisation, List<UUID> ids) {
        return ids.isEmpty() ? List.of() : views(cases.byIds(organisation, ids), new HashMap<>());
    }

    private List<CaseView> views(List<CaseFiles.Row> rows, Map<String, PolicyPack> versions) {
        Map<UUID, List<CaseEvent>> histories = cases.histories(rows.stream().map(CaseFiles.Row::id).toList());
        Instant now = clock.instant();
        List<CaseView> views = new ArrayList<>(rows.size());
        for (CaseFiles.Row row : rows) {
            PolicyPack pack = versions.computeIfAbsent(row.packId() + "@" + row.packVersion(),
                    k -> packs.version(row.packId(), row.packVersion()));
            CaseFile file = CaseFile.restore(row.id(), row.organisation(), row.reference(), pack, row.state(), row.version());
            views.add(CaseView.of(file, histories.getOrDefault(row.id().value(), List.of()), now));
        }
        return views;
    }
}
