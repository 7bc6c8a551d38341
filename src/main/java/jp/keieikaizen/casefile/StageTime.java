package jp.keieikaizen.casefile;

/** How long a stage (a user task) took, over the finished ones: count, median and 90th percentile in hours. */
public record StageTime(String taskKey, String name, long finished, double medianHours, double p90Hours) {
}
