package org.redress.imports;

import org.redress.testing.Api;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Sends a register to the import API as multipart/form-data, and waits for an import to finish. */
record RegisterUploads(int port, String organisation) {

    String imports() {
        return "/api/v1/organisations/" + organisation + "/imports";
    }

    Api api() {
        return new Api(port);
    }

    Api.Response upload(String path, String fileName, byte[] content, String mapping) {
        return upload(path, fileName, content, mapping, "");
    }

    /** {@code query} (e.g. "?kind=tenure") is added to the path. */
    Api.Response upload(String path, String fileName, byte[] content, String mapping, String query) {
        String boundary = "----redress" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            if (mapping != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n\r\n" + mapping + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + imports() + path + query))
                    .header("Authorization", Api.ADMIN_AUTHORIZATION).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the job the response started to finish, and returns it. */
    JsonNode finished(Api.Response started) throws InterruptedException {
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return finished(started.json().get("id").asString(), true);
    }

    JsonNode finished(String id, boolean withoutError) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = api().get(imports() + "/" + id).json();
            if (!job.get("status").asString().equals("RUNNING")) {
                if (withoutError) {
                    assertThat(job.get("error")).as(job.toString()).isNull();
                }
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }
}
