package jp.keieikaizen.casefile;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/** Checks that a file's first bytes match its declared type, so a renamed executable is not stored as a PDF. */
final class FileSignatures {

  private FileSignatures() {
  }

  static boolean matches(String contentType, byte[] c) {
    return switch (contentType) {
      case "application/pdf" -> startsWith(c, '%', 'P', 'D', 'F');
      case "image/png" -> startsWith(c, 0x89, 'P', 'N', 'G');
      case "image/jpeg" -> startsWith(c, 0xFF, 0xD8, 0xFF);
      case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> startsWith(c, 'P', 'K', 3, 4);
      case "text/csv" -> isUtf8Text(c);
      default -> false;
    };
  }

  private static boolean startsWith(byte[] c, int... signature) {
    if (c.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((c[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean isUtf8Text(byte[] c) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(c));
    } catch (CharacterCodingException e) {
      return false;
    }
    for (byte b : c) {
      if (b == 0) {
        return false;
      }
    }
    return true;
  }
}
