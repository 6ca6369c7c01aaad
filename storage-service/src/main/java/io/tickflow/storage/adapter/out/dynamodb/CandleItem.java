package io.tickflow.storage.adapter.out.dynamodb;

import io.tickflow.common.contract.Interval;
import io.tickflow.common.lake.Micros;
import io.tickflow.storage.candles.Candle;
import io.tickflow.storage.candles.CandleKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A candle as the candles table holds it: key {@code series} ({@code venue#symbol#interval}) and {@code openTime}
 * (epoch milliseconds), so "candles of X from t1 to t2" is one Query on the table itself.
 *
 * <p>Decimals are strings, exact to the last digit (a DynamoDB number stops at 38). {@code version} is the enhanced
 * client's optimistic lock: two workers updating one candle retry instead of overwriting each other. One-minute candles
 * expire through {@code expiresAt}; the events they hold are recorded beside them, one marker item per (event, candle)
 * (see {@link DynamoDbCandleStore}), so the item stays small. {@code events} is only read: candles written before the
 * markers kept the ids of their events there, and an event among them is not added again. Longer candles keep
 * {@code sourceVersion}, the sum of their children's versions when they were computed, so an older computation never
 * replaces a newer one.
 */
@DynamoDbBean
public class CandleItem {
    private String series;
    private Long openTime;
    private String venue;
    private String symbol;
    private String interval;
    private String open;
    private String high;
    private String low;
    private String close;
    private String volume;
    private String notional;
    private String vwap;
    private Long tradeCount;
    private Long firstTime;
    private Long lastTime;
    private String source;
    private Set<String> events;
    private Long sourceVersion;
    private Long version;
    private Long expiresAt;

    /** The domain candle this item holds. */
    Candle toCandle() {
        return new Candle(
                new CandleKey(
                        venue, symbol, Interval.fromWireName(interval).orElseThrow(), Instant.ofEpochMilli(openTime)),
                new BigDecimal(open),
                new BigDecimal(high),
                new BigDecimal(low),
                new BigDecimal(close),
                new BigDecimal(volume),
                notional == null ? null : new BigDecimal(notional),
                tradeCount,
                Micros.toInstant(firstTime),
                Micros.toInstant(lastTime));
    }

    /** Sets every candle attribute from {@code candle}, leaving version, events and expiry as they are. */
    void setCandle(Candle candle, String source) {
        CandleKey key = candle.key();
        this.series = key.series();
        this.openTime = key.openTime().toEpochMilli();
        this.venue = key.venue();
        this.symbol = key.symbol();
        this.interval = key.interval().wireName();
        this.open = candle.open().toPlainString();
        this.high = candle.high().toPlainString();
        this.low = candle.low().toPlainString();
        this.close = candle.close().toPlainString();
        this.volume = candle.volume().toPlainString();
        this.notional = candle.notional() == null ? null : candle.notional().toPlainString();
        BigDecimal vwap = candle.vwap();
        this.vwap = vwap == null ? null : vwap.toPlainString();
        this.tradeCount = candle.tradeCount();
        this.firstTime = Micros.of(candle.firstTime());
        this.lastTime = Micros.of(candle.lastTime());
        this.source = source;
    }

    @DynamoDbPartitionKey
    public String getSeries() {
        return series;
    }

    public void setSeries(String series) {
        this.series = series;
    }

    @DynamoDbSortKey
    public Long getOpenTime() {
        return openTime;
    }

    public void setOpenTime(Long openTime) {
        this.openTime = openTime;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public String getSymbol() {
        return symbol;
    }

    public void setSymbol(String symbol) {
        this.symbol = symbol;
    }

    public String getInterval() {
        return interval;
    }

    public void setInterval(String interval) {
        this.interval = interval;
    }

    public String getOpen() {
        return open;
    }

    public void setOpen(String open) {
        this.open = open;
    }

    public String getHigh() {
        return high;
    }

    public void setHigh(String high) {
        this.high = high;
    }

    public String getLow() {
        return low;
    }

    public void setLow(String low) {
        this.low = low;
    }

    public String getClose() {
        return close;
    }

    public void setClose(String close) {
        this.close = close;
    }

    public String getVolume() {
        return volume;
    }

    public void setVolume(String volume) {
        this.volume = volume;
    }

    public String getNotional() {
        return notional;
    }

    public void setNotional(String notional) {
        this.notional = notional;
    }

    public String getVwap() {
        return vwap;
    }

    public void setVwap(String vwap) {
        this.vwap = vwap;
    }

    public Long getTradeCount() {
        return tradeCount;
    }

    public void setTradeCount(Long tradeCount) {
        this.tradeCount = tradeCount;
    }

    public Long getFirstTime() {
        return firstTime;
    }

    public void setFirstTime(Long firstTime) {
        this.firstTime = firstTime;
    }

    public Long getLastTime() {
        return lastTime;
    }

    public void setLastTime(Long lastTime) {
        this.lastTime = lastTime;
    }

    public String getSource() {
        return source;
    }

    public void setSource(String source) {
        this.source = source;
    }

    public Set<String> getEvents() {
        return events;
    }

    public void setEvents(Set<String> events) {
        this.events = events;
    }

    public Long getSourceVersion() {
        return sourceVersion;
    }

    public void setSourceVersion(Long sourceVersion) {
        this.sourceVersion = sourceVersion;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }
}
