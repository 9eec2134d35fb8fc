package io.kinlink.member.branch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The configured branches' notation, and a start refused on a malformed entry. */
class InitialBranchesTest {

    @Test
    void entries_give_names_city_and_address_with_the_last_two_optional() {
        List<Branch> branches = InitialBranches.parse(
                " wuhan-1|武汉一店|Wuhan One|武汉|中山大道 8 号 ; xian|西安店|Xi'an|| ;", Instant.EPOCH);
        assertEquals(2, branches.size());
        Branch wuhan = branches.get(0);
        assertEquals(List.of("wuhan-1", "武汉一店", "Wuhan One", "武汉", "中山大道 8 号"),
                List.of(wuhan.id(), wuhan.nameZh(), wuhan.nameEn(), wuhan.city(), wuhan.address()));
        assertTrue(wuhan.active());
        assertNull(branches.get(1).city());
        assertNull(branches.get(1).address());
        assertEquals(List.of(), InitialBranches.parse("", Instant.EPOCH));
    }

    @Test
    void a_malformed_entry_names_itself() {
        for (String malformed : List.of("only-id", "a b|名|Name", "id||Name", "id|名|Name|c|a|extra")) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> InitialBranches.parse(malformed, Instant.EPOCH));
            assertTrue(refused.getMessage().contains(malformed), refused.getMessage());
        }
    }
}
