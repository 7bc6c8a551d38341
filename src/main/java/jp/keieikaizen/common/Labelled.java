package jp.keieikaizen.common;

/** A choice with the Japanese label forms, pages and registers show for it. */
public interface Labelled {

  String label();
}
