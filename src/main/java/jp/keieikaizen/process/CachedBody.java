package jp.keieikaizen.process;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/** A request body read once for a check by {@link EngineSurfaceGuard} and handed on unchanged. */
record CachedBody(HttpServletRequest request, byte[] bytes) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CachedBody of(HttpServletRequest request) throws IOException {
    byte[] bytes = request.getInputStream().readNBytes(1 << 20);
    return new CachedBody(new jakarta.servlet.http.HttpServletRequestWrapper(request) {
      @Override
      public jakarta.servlet.ServletInputStream getInputStream() {
        java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(bytes);
        return new jakarta.servlet.ServletInputStream() {
          @Override
          public int read() {
            return in.read();
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return in.read(b, off, len);
          }

          @Override
          public boolean isFinished() {
            return in.available() == 0;
          }

          @Override
          public boolean isReady() {
            return true;
          }

          @Override
          public void setReadListener(jakarta.servlet.ReadListener listener) {
            throw new UnsupportedOperationException();
          }
        };
      }

      @Override
      public java.io.BufferedReader getReader() {
        return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
            java.nio.charset.StandardCharsets.UTF_8));
      }
    }, bytes);
  }

  JsonNode json() {
    try {
      return bytes.length == 0 ? null : JSON.readTree(bytes);
    } catch (IOException e) {
      return null; // the engine answers a malformed body itself
    }
  }
}
