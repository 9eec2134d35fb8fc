package io.kinlink.member;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a purchase: what was bought, in which item category, for how much. */
@Embeddable
public record PurchaseItem(
        String category,
        String description,
        @Column(name = "amount_fen") long amountFen) {
}
