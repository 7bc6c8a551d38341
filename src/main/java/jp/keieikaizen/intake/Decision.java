package jp.keieikaizen.intake;

/** The council's decision on an application (利用申請決定). */
public enum Decision {
  ACCEPT, RETURN, REJECT
}
