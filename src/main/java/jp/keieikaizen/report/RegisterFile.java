package jp.keieikaizen.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import jp.keieikaizen.common.InvalidInputException;

/**
 * A council's register as rows of named values: CSV (UTF-8, with or without BOM, or Shift_JIS as Excel writes it in
 * Japan) or .xlsx (the first sheet). The first row names the columns; each header is mapped to a field by the
 * aliases given (English keys or the Japanese column names).
 */
final class RegisterFile {

  private RegisterFile() {
  }

  /** @return the data rows, each a map of field to value (String, or LocalDate for a date cell) */
  static List<Map<String, Object>> read(String fileName, byte[] content, Map<String, String> aliases) {
    if (content.length == 0) {
      throw InvalidInputException.of("file", "ファイルが空です");
    }
    List<List<Object>> table = isXlsx(content) ? xlsx(content) : csv(decode(content));
    if (table.isEmpty()) {
      throw InvalidInputException.of("file", "見出し行がありません");
    }
    List<String> fields = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Object header : table.get(0)) {
      String name = header == null ? "" : header.toString().strip();
      String field = aliases.get(name);
      fields.add(field);
      if (field == null && !name.isEmpty()) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw InvalidInputException.of("file", "知らない列があります：" + String.join("、", unknown) + "（使える列："
          + String.join("、", aliases.keySet()) + "）");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (List<Object> cells : table.subList(1, table.size())) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int c = 0; c < cells.size() && c < fields.size(); c++) {
        if (fields.get(c) != null && cells.get(c) != null && !cells.get(c).toString().isBlank()) {
          row.put(fields.get(c), cells.get(c));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  private static boolean isXlsx(byte[] content) {
    return content.length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
  }

  /** UTF-8 when the bytes are valid UTF-8, else Shift_JIS (windows-31j); a BOM is dropped. */
  static String decode(byte[] content) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      return new String(content, Charset.forName("windows-31j"));
    }
  }

  /**
   * RFC 4180: fields separated by commas, quoted with double quotes (doubled inside), lines ending CRLF or LF. A
   * malformed file is refused whole, naming the line (the header is line 1): a quote that is never closed (which would
   * swallow every row after it into one field), a quote inside an unquoted field, text after a closing quote.
   */
  static List<List<Object>> csv(String text) {
    List<List<Object>> lines = new ArrayList<>();
    List<Object> line = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean closed = false; // the field's closing quote has been read: only a comma or a line end may follow
    int lineNo = 1, quoteLine = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
          closed = true;
        } else {
          lineNo += c == '\n' ? 1 : 0;
          field.append(c);
        }
      } else if (c == ',') {
        line.add(field.toString());
        field.setLength(0);
        closed = false;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        line.add(field.toString());
        field.setLength(0);
        closed = false;
        if (!(line.size() == 1 && line.get(0).toString().isEmpty())) {
          lines.add(line);
        }
        line = new ArrayList<>();
        lineNo++;
      } else if (closed) {
        throw malformed(lineNo, "引用符（\"）で囲んだ項目の後にはカンマか改行だけを置けます");
      } else if (c == '"') {
        if (field.length() > 0) {
          throw malformed(lineNo, "引用符（\"）は項目の先頭でだけ使えます。項目の中の \" は \"\" と書き、項目全体を \" で囲んでください");
        }
        quoted = true;
        quoteLine = lineNo;
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw malformed(quoteLine, "引用符（\"）が閉じられていません。この行から後の行が一つの項目として読まれてしまうため、何も取り込んでいません");
    }
    if (field.length() > 0 || !line.isEmpty()) {
      line.add(field.toString());
      lines.add(line);
    }
    return lines;
  }

  private static InvalidInputException malformed(int lineNo, String rule) {
    return InvalidInputException.of("file", lineNo + "行目: " + rule);
  }

  private static List<List<Object>> xlsx(byte[] content) {
    try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      Sheet sheet = book.getSheetAt(0);
      DataFormatter formatter = new DataFormatter();
      List<List<Object>> lines = new ArrayList<>();
      for (Row row : sheet) {
        List<Object> line = new ArrayList<>();
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
          Cell cell = row.getCell(c);
          if (cell == null) {
            line.add(null);
          } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            line.add(LocalDate.ofInstant(cell.getDateCellValue().toInstant(), ZoneId.systemDefault()));
          } else {
            line.add(formatter.formatCellValue(cell));
          }
        }
        lines.add(line);
      }
      return lines;
    } catch (IOException | RuntimeException e) {
      throw InvalidInputException.of("file", "Excel ファイル（.xlsx）として読めません");
    }
  }
}
