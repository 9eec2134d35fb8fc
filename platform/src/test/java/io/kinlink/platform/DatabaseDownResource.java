package io.kinlink.platform;

import java.sql.SQLException;

import org.hibernate.exception.JDBCConnectionException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** A request that finds the database gone, as during a failover (only in the platform's test application). */
@Path("/probe/database-down")
public class DatabaseDownResource {

    @GET
    public String read() {
        throw new JDBCConnectionException("Unable to acquire JDBC Connection",
                new SQLException("Connection to localhost:5432 refused", "08001"));
    }
}
