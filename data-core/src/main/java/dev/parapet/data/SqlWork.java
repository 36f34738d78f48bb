package dev.parapet.data;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of JDBC work on a connection. */
@FunctionalInterface
interface SqlWork<T> {

  /** Does the work. */
  T run(Connection connection) throws SQLException;
}
