package jp.keieikaizen.intake;

import java.time.LocalDate;

import jp.keieikaizen.casefile.Programme;
import jp.keieikaizen.common.FormValues;
import jp.keieikaizen.council.CouncilService;
import jp.keieikaizen.intake.InquiryKinds.Asker;
import jp.keieikaizen.intake.InquiryKinds.Channel;
import jp.keieikaizen.intake.InquiryKinds.Outcome;

/**
 * An inquiry's fields read with their rules, the same for one recorded live and for a row of an imported register:
 * councilCode, receivedOn (not in the future, not before the programme began), asker, channel, programme (optional),
 * outcome, companyName, note. Problems are collected in the form.
 */
public record InquiryInput(String councilCode, LocalDate receivedOn, Asker asker, Channel channel, Programme programme,
    Outcome outcome, String companyName, String note) {

  public static InquiryInput read(FormValues form, LocalDate today) {
    String council = form.requiredPattern("councilCode", CouncilService.CODE, "都道府県コード（01〜47）で選んでください");
    LocalDate received = form.requiredPastDate("receivedOn", today);
    if (received != null && received.isBefore(InquiryService.FIRST_DAY)) {
      form.problem("receivedOn", InquiryService.FIRST_DAY + " 以降の日付を入力してください");
    }
    Asker asker = form.requiredEnum("asker", Asker.class);
    Channel channel = form.requiredEnum("channel", Channel.class);
    Programme programme = form.isPresent("programme") ? form.requiredEnum("programme", Programme.class) : null;
    Outcome outcome = form.requiredEnum("outcome", Outcome.class);
    return new InquiryInput(council, received, asker, channel, programme, outcome, form.optionalName("companyName", 200),
        form.optionalText("note", 1000));
  }
}
