package io.tickflow.ingest.intake;

import io.tickflow.common.contract.ContractJson;
import io.tickflow.common.contract.ingest.Bar;
import io.tickflow.common.contract.ingest.Quote;
import io.tickflow.common.contract.ingest.Tick;
import io.tickflow.common.contract.ingest.TickBatch;
import io.tickflow.common.contract.ingest.Trade;
import io.tickflow.ingest.intake.Spellings.Invalid;
import io.tickflow.ingest.intake.Spellings.Spelling;
import io.tickflow.ingest.intake.Spellings.Valid;
import io.tickflow.ingest.intake.TickFields.Field;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Judges a {@link TickBatch} that something else already read into records (Jackson databind, a CSV reader) by the
 * same rules as {@link MessageReader}: the records' values go into the same {@link TickFields} and through the same
 * {@link TickAssembler}. Only what records cannot hold is left out (duplicated fields, wrong JSON types); a rejected
 * tick's original is the record written back as JSON, since the text it was read from is gone.
 */
final class RecordChecker {

    private final IntakeRules rules;
    private final String messageId;
    private final TickBatch batch;
    private final TickAssembler assembler;
    private final DecimalText decimals = new DecimalText();
    private final TickFields fields = new TickFields();
    private @Nullable String lastSentSymbol;
    private @Nullable Spelling lastSymbol;

    RecordChecker(IntakeRules rules, Instant now, String messageId, TickBatch batch) {
        this.rules = rules;
        this.messageId = messageId;
        this.batch = batch;
        this.assembler = new TickAssembler(rules, now);
    }

    IntakeResult check() {
        String venue;
        switch (Spellings.venue(batch.venue())) {
            case Valid valid -> venue = valid.name();
            case Invalid invalid -> {
                return rejectMessage(invalid.problem());
            }
        }
        List<Tick> ticks = batch.ticks();
        if (ticks.size() > rules.maxTicksPerMessage()) {
            return rejectMessage(ReasonCode.TOO_MANY_TICKS.problem(ticks.size(), rules.maxTicksPerMessage()));
        }
        List<AcceptedTick> accepted = new ArrayList<>(ticks.size());
        List<Rejection> rejections = new ArrayList<>();
        for (int position = 0; position < ticks.size(); position++) {
            Tick sent = ticks.get(position);
            fields.reset();
            fill(sent);
            Tick tick = assembler.assemble(fields);
            if (tick != null) {
                accepted.add(new AcceptedTick(venue, position, tick));
            } else {
                String original = ContractJson.mapper().writeValueAsString(sent);
                rejections.add(Rejection.of(
                        assembler.problem(),
                        original,
                        0,
                        original.length(),
                        rules.maxOriginalLength(),
                        messageId,
                        position));
            }
        }
        return new IntakeResult(messageId, venue, accepted, rejections);
    }

    private void fill(Tick tick) {
        symbol(tick.symbol());
        fields.time(tick.time());
        switch (tick) {
            case Trade trade -> {
                fields.type(TickType.TRADE);
                decimal(Field.PRICE, trade.price());
                decimal(Field.SIZE, trade.size());
                if (trade.side() != null) {
                    fields.side(trade.side());
                }
                if (trade.tradeId() != null) {
                    fields.tradeId(trade.tradeId());
                }
                if (trade.sequence() != null) {
                    fields.sequence(trade.sequence());
                }
            }
            case Quote quote -> {
                fields.type(TickType.QUOTE);
                decimal(Field.BID, quote.bid());
                decimal(Field.BID_SIZE, quote.bidSize());
                decimal(Field.ASK, quote.ask());
                decimal(Field.ASK_SIZE, quote.askSize());
            }
            case Bar bar -> {
                fields.type(TickType.BAR);
                fields.interval(bar.interval());
                decimal(Field.OPEN, bar.open());
                decimal(Field.HIGH, bar.high());
                decimal(Field.LOW, bar.low());
                decimal(Field.CLOSE, bar.close());
                decimal(Field.VOLUME, bar.volume());
            }
        }
    }

    private void symbol(String sent) {
        Spelling symbol = lastSymbol;
        if (symbol == null || !sent.equals(lastSentSymbol)) {
            symbol = Spellings.symbol(sent);
            lastSentSymbol = sent;
            lastSymbol = symbol;
        }
        switch (symbol) {
            case Valid valid -> fields.symbol(valid.name());
            case Invalid invalid -> fields.fail(Field.SYMBOL, invalid.problem());
        }
    }

    private void decimal(Field field, BigDecimal sent) {
        BigDecimal value = decimals.check(sent);
        if (value != null) {
            fields.decimal(field, value);
        } else {
            fields.fail(field, decimals.problem(field.wireName(), sent.toPlainString()));
        }
    }

    private IntakeResult rejectMessage(Problem problem) {
        String original = ContractJson.mapper().writeValueAsString(batch);
        return IntakeResult.messageRejected(
                messageId,
                Rejection.of(problem, original, 0, original.length(), rules.maxOriginalLength(), messageId, null));
    }
}
