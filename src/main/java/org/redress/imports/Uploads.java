package org.redress.imports;

import org.redress.web.NotFoundException;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Files uploaded on the staff page and kept while their mapping is confirmed and checked, so the file is sent once:
 * the most recent few, in this node's memory (a restart asks for the file again).
 */
@Component
class Uploads {

    private static final int KEPT = 8;

    record Upload(String organisation, String name, byte[] content) {
    }

    private final Map<UUID, Upload> kept = new LinkedHashMap<>();

    synchronized UUID keep(String organisation, String name, byte[] content) {
        UUID id = UUID.randomUUID();
        kept.put(id, new Upload(organisation, name, content));
        while (kept.size() > KEPT) {
            kept.remove(kept.keySet().iterator().next());
        }
        return id;
    }

    synchronized Upload find(String organisation, UUID id) {
        Upload upload = kept.get(id);
        if (upload == null || !upload.organisation().equals(organisation)) {
            throw new NotFoundException("upload", "the uploaded file is no longer kept: upload it again");
        }
        return upload;
    }

    synchronized void forget(UUID id) {
        kept.remove(id);
    }
}
