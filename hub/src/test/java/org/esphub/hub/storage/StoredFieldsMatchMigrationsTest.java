package org.esphub.hub.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.esphub.governance.storage.StoredField;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The limits the validators apply ({@link StoredField}) are the columns' sizes in the Flyway
 * migrations of every module: a migration that shrinks a column, or a limit raised beyond one,
 * fails here instead of as a refused insert at run time.
 */
class StoredFieldsMatchMigrationsTest {

    private static final Pattern CREATE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
    private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+)\\s+VARCHAR\\((\\d+)\\)", Pattern.MULTILINE);
    private static final Pattern ADDED = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) VARCHAR\\((\\d+)\\)");

    @Test
    void every_stored_field_is_as_long_as_the_smallest_column_it_goes_into() throws IOException {
        Map<String, Integer> sizes = varcharSizes();

        for (StoredField field : StoredField.values()) {
            int smallest = Integer.MAX_VALUE;
            for (String column : field.columns()) {
                assertThat(sizes).as("%s names column %s", field, column).containsKey(column);
                smallest = Math.min(smallest, sizes.get(column));
            }
            assertThat(field.maxLength()).as("%s: the smallest of %s", field, field.columns()).isEqualTo(smallest);
        }
    }

    private static Map<String, Integer> varcharSizes() throws IOException {
        Map<String, Integer> sizes = new HashMap<>();
        Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/**/V*.sql");
        assertThat(migrations).hasSizeGreaterThan(4);
        for (Resource migration : migrations) {
            String sql = migration.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
            Matcher table = CREATE.matcher(sql);
            while (table.find()) {
                Matcher column = COLUMN.matcher(table.group(2));
                while (column.find()) {
                    sizes.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
                }
            }
            Matcher added = ADDED.matcher(sql);
            while (added.find()) {
                sizes.put(added.group(1) + "." + added.group(2), Integer.parseInt(added.group(3)));
            }
        }
        return sizes;
    }
}
