package io.kinlink.platform;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Takes a JSON body and gives it back (only in the platform's test application). */
@Path("/probe/json-echo")
public class JsonEchoResource {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> echo(Map<String, Object> body) {
        return body;
    }
}
