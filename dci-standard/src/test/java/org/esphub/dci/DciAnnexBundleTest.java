package org.esphub.dci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DciAnnexBundleTest {

    private final JsonNode bundle = DciAnnexBundle.load(List.of("../common/schema/Pagination.yaml"));

    private static List<String> refsBelow(JsonNode node) {
        List<String> refs = new ArrayList<>();
        node.findValues("$ref").forEach(ref -> refs.add(ref.asText()));
        return refs;
    }

    @Test
    void every_ref_is_local_and_points_at_something() {
        List<String> refs = refsBelow(bundle);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).startsWith("#/components/");
            assertThat(bundle.at(ref.substring(1)).isMissingNode()).as(ref).isFalse();
        });
    }

    @Test
    void the_annexs_components_keep_their_names_with_the_common_files_content() throws Exception {
        JsonNode header = new ObjectMapper(new YAMLFactory()).readTree(
                getClass().getClassLoader().getResource("dci-spec/common/schema/MsgHeader_V1.0.0.yaml"));

        assertThat(bundle.at("/components/schemas/MsgHeader_V1.0.0/required"))
                .isEqualTo(header.get("required"));
        assertThat(bundle.at("/components/responses/Response/content/application~1json/schema/properties"
                + "/message/properties/ack_status/$ref").asText()).isEqualTo("#/components/schemas/Ack");
        assertThat(bundle.at("/components/schemas/Ack/enum").toString()).isEqualTo("[\"ACK\",\"NACK\",\"ERR\"]");
    }

    @Test
    void the_five_operations_are_there_unchanged() {
        assertThat(bundle.get("paths").fieldNames()).toIterable().containsExactlyInAnyOrder(
                "/referrals", "/status/{person_id}", "/training-benefits", "/job-placements", "/compliance/monitor");
        assertThat(bundle.at("/paths/~1referrals/post/requestBody/content/application~1json/schema"
                + "/properties/message/oneOf/0/$ref").asText()).isEqualTo("#/components/schemas/DO_EMPL_01_Request");
    }

    @Test
    void files_asked_for_are_added_as_components() {
        assertThat(bundle.at("/components/schemas/Pagination/required").toString())
                .isEqualTo("[\"page_size\",\"page_number\",\"total_count\"]");
    }
}
