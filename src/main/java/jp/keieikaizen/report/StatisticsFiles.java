package jp.keieikaizen.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import jp.keieikaizen.report.StatisticsService.Table;

/** The statistics table as CSV (UTF-8 with BOM, so Excel opens it in Japanese) and as Excel laid out like the seed. */
public final class StatisticsFiles {

  private StatisticsFiles() {
  }

  public static byte[] csv(Table table) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(line(List.of("協議会名", "設置主体", "問合せ・相談受付 累計", "問合せ・相談受付 うち" + table.quarterLabel(),
        "利用申請決定 累計", "利用申請決定 うち" + table.quarterLabel())));
    for (StatisticsService.Row r : table.rows()) {
      csv.append(line(List.of(r.councilName(), r.operatingBody(), String.valueOf(r.inquiriesTotal()),
          String.valueOf(r.inquiriesQuarter()), String.valueOf(r.decisionsTotal()), String.valueOf(r.decisionsQuarter()))));
    }
    StatisticsService.Row t = table.total();
    csv.append(line(List.of("合計", "", String.valueOf(t.inquiriesTotal()), String.valueOf(t.inquiriesQuarter()),
        String.valueOf(t.decisionsTotal()), String.valueOf(t.decisionsQuarter()))));
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A CSV line; fields quoted, quotes doubled, and a leading = + - @ neutralised so no cell runs as a formula. */
  private static String line(List<String> fields) {
    return String.join(",", fields.stream().map(f -> {
      String v = f == null ? "" : f;
      if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
        v = "'" + v;
      }
      return "\"" + v.replace("\"", "\"\"") + "\"";
    }).toList()) + "\r\n";
  }

  /**
   * The seed's layout: the title, the as-of line, a two-row header (協議会名 | 設置主体 | 問合せ・相談受付 累計, うち
   * quarter | 利用申請決定 累計, うち quarter), a row per council and the 合計 row; counts formatted #,##0.
   */
  public static byte[] excel(Table table) {
    try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("実績");
      CellStyle title = book.createCellStyle();
      Font bold = book.createFont();
      bold.setBold(true);
      bold.setFontHeightInPoints((short) 14);
      title.setFont(bold);
      CellStyle header = bordered(book);
      header.setAlignment(HorizontalAlignment.CENTER);
      header.setVerticalAlignment(VerticalAlignment.CENTER);
      header.setWrapText(true);
      CellStyle text = bordered(book);
      CellStyle number = bordered(book);
      number.setDataFormat(book.createDataFormat().getFormat("#,##0"));
      CellStyle totalText = bordered(book);
      Font boldSmall = book.createFont();
      boldSmall.setBold(true);
      totalText.setFont(boldSmall);
      CellStyle totalNumber = bordered(book);
      totalNumber.cloneStyleFrom(number);
      totalNumber.setFont(boldSmall);

      sheet.createRow(0).createCell(0).setCellValue(table.title());
      sheet.getRow(0).getCell(0).setCellStyle(title);
      sheet.createRow(1).createCell(0).setCellValue("（" + table.asOfLabel() + "）（単位：件）"
          + (table.programme() == null ? "" : "　" + table.programmeLabel()));
      Row h1 = sheet.createRow(3);
      Row h2 = sheet.createRow(4);
      String[] top = {"協議会名", "設置主体", "問合せ・相談受付", "", "利用申請決定", ""};
      String[] second = {"", "", "累計", "うち" + table.quarterLabel(), "累計", "うち" + table.quarterLabel()};
      for (int c = 0; c < 6; c++) {
        h1.createCell(c).setCellValue(top[c]);
        h1.getCell(c).setCellStyle(header);
        h2.createCell(c).setCellValue(second[c]);
        h2.getCell(c).setCellStyle(header);
      }
      sheet.addMergedRegion(new CellRangeAddress(3, 4, 0, 0));
      sheet.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));
      sheet.addMergedRegion(new CellRangeAddress(3, 3, 2, 3));
      sheet.addMergedRegion(new CellRangeAddress(3, 3, 4, 5));
      int r = 5;
      for (StatisticsService.Row line : table.rows()) {
        write(sheet.createRow(r++), line, text, number);
      }
      Row total = sheet.createRow(r);
      write(total, table.total(), totalText, totalNumber);
      total.getCell(0).setCellValue("合計");
      sheet.addMergedRegion(new CellRangeAddress(r, r, 0, 1));
      sheet.setColumnWidth(0, 36 * 256);
      sheet.setColumnWidth(1, 40 * 256);
      for (int c = 2; c < 6; c++) {
        sheet.setColumnWidth(c, 16 * 256);
      }
      sheet.createFreezePane(2, 5);
      book.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Row row, StatisticsService.Row line, CellStyle text, CellStyle number) {
    row.createCell(0).setCellValue(line.councilName());
    row.createCell(1).setCellValue(line.operatingBody() == null ? "" : line.operatingBody());
    long[] values = {line.inquiriesTotal(), line.inquiriesQuarter(), line.decisionsTotal(), line.decisionsQuarter()};
    for (int c = 0; c < 4; c++) {
      row.createCell(c + 2).setCellValue(values[c]);
      row.getCell(c + 2).setCellStyle(number);
    }
    row.getCell(0).setCellStyle(text);
    row.getCell(1).setCellStyle(text);
  }

  private static CellStyle bordered(XSSFWorkbook book) {
    CellStyle style = book.createCellStyle();
    style.setBorderBottom(BorderStyle.THIN);
    style.setBorderTop(BorderStyle.THIN);
    style.setBorderLeft(BorderStyle.THIN);
    style.setBorderRight(BorderStyle.THIN);
    return style;
  }
}
