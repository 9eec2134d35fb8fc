package io.kinlink.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The README's "Deploy on Kubernetes" commands, as written: the render runs and gives the
 * production overlay; what the apply commands name exists. (Applying, even as a client-side dry
 * run, needs a cluster.)
 */
class ReadmeDeployCommandsTest {

    @Test
    void the_readme_deploy_commands_render_the_production_overlay_and_name_what_exists() throws Exception {
        Path repository = Manifests.root().toAbsolutePath().getParent();
        String readme = Files.readString(repository.resolve("README.md"));
        String section = readme.substring(readme.indexOf("## Deploy on Kubernetes"));
        Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "the section has its commands");
        List<String> commands = new ArrayList<>();
        for (String line : block.group(1).split("\\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                commands.add(line.strip());
            }
        }

        Path work = Files.createTempDirectory("kinlink-readme-deploy-");
        Files.createSymbolicLink(work.resolve("k8s"), repository.resolve("k8s"));
        String render = commands.stream().filter(c -> c.startsWith("kubectl kustomize")).findFirst().orElseThrow();
        Process process = new ProcessBuilder("bash", "-c", render).directory(work.toFile()).inheritIO().start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, render);
        Path rendered = work.resolve("kinlink.yaml");
        assertEquals(Manifests.render("production").toString(), Manifests.parse(Files.readString(rendered)).toString());

        for (String command : commands) {
            Matcher file = Pattern.compile("kubectl apply(?: --server-side)? -f (\\S+)").matcher(command);
            if (file.find()) {
                Path named = file.group(1).equals("kinlink.yaml") ? rendered : repository.resolve(file.group(1));
                assertTrue(Files.isRegularFile(named), command + ": " + named);
            }
            if (command.contains("k8s/create-secrets")) {
                assertTrue(Files.isExecutable(repository.resolve("k8s/create-secrets")), command);
            }
        }
        assertFalse(commands.stream().noneMatch(c -> c.contains("kubectl apply")), "the README applies something");
    }
}
