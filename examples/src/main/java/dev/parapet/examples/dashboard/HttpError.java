package dev.parapet.examples.dashboard;

/**
 * An expected failure of a dashboard request, answered as JSON {@code {"error": code, "message": ...}} with
 * its HTTP status. Unexpected exceptions become 500 {@code internal_error}.
 */
final class HttpError extends RuntimeException {

  private final int status;
  private final String code;

  HttpError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  static HttpError notFound(String message) {
    return new HttpError(404, "not_found", message);
  }

  static HttpError badRequest(String message) {
    return new HttpError(400, "bad_request", message);
  }
}
