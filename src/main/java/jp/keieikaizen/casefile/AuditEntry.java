package jp.keieikaizen.casefile;

import java.time.Instant;

/**
 * One line of a case's audit trail: who did what and when. {@code source} is CASE for the application's own record
 * of business changes (the timeline) and ENGINE for the engine's user operation log (task claims, completions,
 * process starts and cancellations).
 */
public record AuditEntry(Instant at, String userId, String source, String action, String detail) {
}
