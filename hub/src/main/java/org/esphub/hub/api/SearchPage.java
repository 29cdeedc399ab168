package org.esphub.hub.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.governance.storage.StoredField;

/**
 * The paging of every search of the API ({@code GET /referrals} and the companion's searches):
 * {@code page_size} 1..100, {@code page_number} from 1, answered as the common {@code Pagination},
 * and the correlation id the audit records of one answer share.
 */
record SearchPage(int pageSize, int pageNumber, String correlationId) {

    static final int MAX_PAGE_SIZE = 100;

    /** @throws DciRejection {@code err.request.bad} for a page or correlation id out of bounds */
    static SearchPage of(int pageSize, int pageNumber, String correlationId) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE || pageNumber < 1) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD,
                    "page_size must be 1..100 and page_number at least 1 (pages count from 1)");
        }
        String correlationProblem = StoredField.CORRELATION_ID.problem("X-Correlation-ID", correlationId);
        if (correlationProblem != null) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD, correlationProblem);
        }
        return new SearchPage(pageSize, pageNumber,
                correlationId == null || correlationId.isBlank() ? UUID.randomUUID().toString() : correlationId);
    }

    int offset() {
        return (pageNumber - 1) * pageSize;
    }

    Map<String, Object> pagination(int totalCount) {
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("page_size", pageSize);
        pagination.put("page_number", pageNumber);
        pagination.put("total_count", totalCount);
        return pagination;
    }
}
