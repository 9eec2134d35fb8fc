package io.kinlink.member.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.kinlink.member.PurchaseItem;
import io.kinlink.member.service.PurchaseService.NewPurchase;
import io.kinlink.platform.input.BusinessTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * @param externalTransactionId the partner's own id of the sale; sending it again is safe
 * @param amountFen             the amount paid in fen (whole numbers: 1 CNY = 100 fen)
 * @param occurredAt            when the sale happened; now when left out
 */
public record RecordPurchaseRequest(
        @NotNull UUID memberId,
        @NotBlank @Size(max = 100) String externalTransactionId,
        @NotNull @Positive @Max(value = 10_000_000_000L, message = "must be at most 100,000,000 CNY") Long amountFen,
        @NotBlank @Size(max = 64) String branch,
        @BusinessTime Instant occurredAt,
        @Size(max = 50) List<@Valid @NotNull Item> items) {

    /**
     * @param category the item category, such as {@code hyaluronic-acid}, {@code laser}, {@code nose}
     */
    public record Item(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}", message = "must be a lower-case slug such as laser")
            String category,
            @Size(max = 200) String description,
            @NotNull @Positive @Max(value = 10_000_000_000L, message = "must be at most 100,000,000 CNY") Long amountFen) {
    }

    /** The items, when given, must add up to the amount paid. */
    @AssertTrue(message = "the items' amounts must add up to amountFen")
    public boolean isItemsAddingUp() {
        return items == null || items.isEmpty() || amountFen == null
                || items.stream().anyMatch(item -> item == null || item.amountFen() == null)
                || items.stream().mapToLong(Item::amountFen).sum() == amountFen;
    }

    NewPurchase toNewPurchase() {
        List<PurchaseItem> lines = items == null ? List.of() : items.stream()
                .map(item -> new PurchaseItem(item.category(), item.description(), item.amountFen())).toList();
        return new NewPurchase(memberId, externalTransactionId.strip(), amountFen, branch.strip(), occurredAt, lines);
    }
}
