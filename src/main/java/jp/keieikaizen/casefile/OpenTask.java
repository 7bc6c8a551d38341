package jp.keieikaizen.casefile;

import java.time.Instant;
import java.util.List;

/** A user task waiting on a case, as the case page and the API show it. */
public record OpenTask(String id, String key, String name, String caseNumber, List<String> candidateGroups,
    String assignee, Instant created, Instant due) {
}
