package jp.keieikaizen.common;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;

/**
 * Rows found by a key of their own (a case's number; a claim's case, agency, category and number; a round's case and
 * number) whose id never changes: once a row is found, its id is remembered, and the next look-up is the entity
 * manager's find by id, answered from the persistence context when the transaction already holds the row (no query,
 * no flush before one) and otherwise by its primary key. A query runs only for a key not seen yet, a row not there
 * yet, or a row that no longer has that key (a database restored under a running node): then the id is forgotten.
 * Each node keeps its own ids; a wrong one is never used, as the row found is checked against the key.
 *
 * @param <K> the key, with equals and hashCode
 * @param <E> the entity
 */
public final class KnownIds<K, E> {

  /** Forgets every id when this many are known: a bound on the memory, not a cache policy. */
  private static final int MAX = 100_000;

  private final Class<E> type;
  private final Function<E, Long> idOf;
  private final Function<E, K> keyOf;
  private final Map<K, Long> ids = new ConcurrentHashMap<>();

  public KnownIds(Class<E> type, Function<E, Long> idOf, Function<E, K> keyOf) {
    this.type = type;
    this.idOf = idOf;
    this.keyOf = keyOf;
  }

  /** The row of the key: by its known id, or by the query, remembering its id. */
  public Optional<E> find(EntityManager entities, K key, Supplier<Optional<E>> query) {
    Long id = ids.get(key);
    if (id != null) {
      E row = entities.find(type, id);
      if (row != null && key.equals(keyOf.apply(row))) {
        return Optional.of(row);
      }
      ids.remove(key);
    }
    Optional<E> found = query.get();
    found.map(idOf).ifPresent(rowId -> {
      if (ids.size() >= MAX) {
        ids.clear();
      }
      ids.put(key, rowId);
    });
    return found;
  }
}
