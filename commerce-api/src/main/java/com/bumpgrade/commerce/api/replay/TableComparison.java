package com.bumpgrade.commerce.api.replay;

import java.util.List;

/**
 * One table, live against replayed, for the publisher that started the replay: row counts, a checksum over the
 * rows' contents in key order, and (when they differ) up to {@link ReplayComparison#MAX_KEYS} keys of rows that
 * are missing on one side or differ.
 */
public record TableComparison(String table, long liveRows, long replayedRows, String liveChecksum,
                              String replayedChecksum, boolean equal, List<String> differingKeys) {
}
