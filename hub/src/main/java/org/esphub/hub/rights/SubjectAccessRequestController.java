package org.esphub.hub.rights;

import static org.esphub.hub.security.ApiSecurityConfiguration.API_BASE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.esphub.dci.DciReasonCode;
import org.esphub.dci.DciRejection;
import org.esphub.dci.signature.CanonicalJson;
import org.esphub.governance.storage.StoredField;
import org.esphub.hub.api.DciApiErrors;
import org.esphub.hub.governance.ApiDisclosure;
import org.esphub.hub.signing.HubSigner;
import org.esphub.processes.SubjectAccessRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Access requests (DG.EMPL.05) in plain JSON under the DCI API's base path, as the companion's webhook
 * subscriptions are: SA or PES asks for a person, or for the person's legal representative (scope
 * {@code person:rights}); it follows the request's state and fetches the export once released, signed by
 * the hub ({@code X-DCI-Signature} over the exact bytes, verifiable with {@code /.well-known/dci-keys}).
 */
@RestController
@DciApiErrors
@RequestMapping(path = API_BASE + SubjectAccessRequestController.PATH)
public class SubjectAccessRequestController {

    static final String PATH = "/subject-access-requests";

    private final SubjectAccessRequests requests;
    private final ApiDisclosure disclosure;
    private final HubSigner signer;
    private final ObjectMapper mapper;

    public SubjectAccessRequestController(SubjectAccessRequests requests, ApiDisclosure disclosure, HubSigner signer,
            ObjectMapper mapper) {
        this.requests = requests;
        this.disclosure = disclosure;
        this.signer = signer;
        this.mapper = mapper;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Map<String, Object>> request(@RequestBody JsonNode body, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) {
        SubjectAccessRequests.Status status = requests.receive(caller.getName(), AccessRequestBody.of(body),
                correlationOf(correlationId));
        return ResponseEntity.accepted().location(URI.create(API_BASE + PATH + "/" + status.requestId()))
                .body(describe(status));
    }

    @GetMapping(path = "/{request_id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> status(@PathVariable("request_id") String requestId, Authentication caller) {
        return describe(requests.status(caller.getName(), requestId).orElseThrow(() -> notFound(requestId)));
    }

    /**
     * The released export: its canonical bytes as the gate released them to the caller's agency, with the
     * hub's detached signature over exactly those bytes.
     */
    @GetMapping(path = "/{request_id}/export")
    public ResponseEntity<byte[]> export(@PathVariable("request_id") String requestId, Authentication caller,
            @RequestHeader(name = "X-Correlation-ID", required = false) String correlationId) throws Exception {
        SubjectAccessRequests.ReleasedExport export = requests.export(caller.getName(), requestId,
                correlationOf(correlationId)).orElseThrow(() -> notFound(requestId));
        @SuppressWarnings("unchecked")
        Map<String, Object> stored = mapper.readValue(export.canonicalJson(), Map.class);
        Map<String, Object> released = disclosure.toClient(requests.exportExchangeFor(caller.getName()),
                SubjectAccessRequest.PURPOSE_DATA_SUBJECT_RIGHTS, caller.getName(), export.personId(), requestId,
                correlationOf(correlationId), stored);
        // canonical again: unchanged when the agreement releases it whole, as data-subject-rights does
        byte[] body = CanonicalJson.bytes(mapper.valueToTree(released));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(PersonExport.MEDIA_TYPE))
                .header(HubSigner.BODY_SIGNATURE_HEADER, signer.bodySignature(body)).body(body);
    }

    private static Map<String, Object> describe(SubjectAccessRequests.Status status) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("request_id", status.requestId());
        described.put("status", status.state());
        described.put("received_at", status.receivedAt().toString());
        described.put("due_at", status.dueAt().toString());
        described.put("answered_at", status.answeredAt() == null ? null : status.answeredAt().toString());
        if (status.reason() != null) {
            described.put("reason", status.reason());
        }
        if (SubjectAccessRequests.Status.RELEASED.equals(status.state())) {
            described.put("export", API_BASE + PATH + "/" + status.requestId() + "/export");
            described.put("export_media_type", PersonExport.MEDIA_TYPE);
            described.put("export_format", PersonExport.FORMAT);
        }
        return described;
    }

    private static DciRejection notFound(String requestId) {
        return new DciRejection(DciReasonCode.REQUEST_NOT_FOUND, "no access request " + requestId + " of yours");
    }

    /** The caller's correlation id when it fits the audit record, a new one when it sent none. */
    static String correlationOf(String correlationId) {
        if (correlationId == null || correlationId.isBlank()) {
            return UUID.randomUUID().toString();
        }
        if (!StoredField.CORRELATION_ID.fits(correlationId)) {
            throw new DciRejection(DciReasonCode.REQUEST_BAD,
                    StoredField.CORRELATION_ID.problem("X-Correlation-ID", correlationId));
        }
        return correlationId;
    }
}
