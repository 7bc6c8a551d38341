package jp.keieikaizen.process;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import jp.keieikaizen.casefile.CaseFileService;
import jp.keieikaizen.casefile.CaseNumber;

/**
 * On every user task's creation (added by {@link TaskFormPlugin}): names the case in the task, so an inbox, Tasklist
 * and a notification mail tell at a glance which company it is about, and sets the follow-up date a few days before
 * the due date the model set.
 * <ul>
 * <li>name: 「利用申請を決定する｜13-2026-0001 株式会社テスト」</li>
 * <li>description: the programme, the case and the address of its case page</li>
 * <li>follow-up date: {@link #FOLLOW_UP_BEFORE_DUE} before the due date, never before the task was created</li>
 * </ul>
 */
@Component
class TaskLabelListener implements TaskListener {

  static final Duration FOLLOW_UP_BEFORE_DUE = Duration.ofDays(3);
  static final String SEPARATOR = "｜";

  private final CaseFileService cases;
  private final Clock clock;

  TaskLabelListener(CaseFileService cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  @Override
  public void notify(DelegateTask task) {
    String businessKey = task.getExecution().getProcessBusinessKey();
    if (businessKey != null) {
      CaseNumber number = new CaseNumber(businessKey);
      cases.label(number).ifPresent(label -> {
        task.setName(task.getName() + SEPARATOR + label.shortText());
        task.setDescription(label.programme().label() + "　案件 " + number + "（" + label.companyName() + "）"
            + "　案件ページ: /app/cases/" + number);
      });
    }
    Date due = task.getDueDate();
    if (due != null && task.getFollowUpDate() == null) {
      Date now = Date.from(clock.instant());
      Date followUp = Date.from(due.toInstant().minus(FOLLOW_UP_BEFORE_DUE));
      task.setFollowUpDate(followUp.before(now) ? now : followUp);
    }
  }
}
