package jp.keieikaizen.casefile;

/**
 * Whether a case's application needs a 工程表 (Gantt chart): the 405 plan fee above its rule version's threshold.
 * Implemented with the eligibility rules, which refuse acceptance without one; the document checklist asks for it.
 */
public interface GanttChartRule {

  boolean needsGanttChart(CaseFile file);
}
