package jp.keieikaizen.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.spring.boot.starter.configuration.CamundaDeploymentConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.DefaultDeploymentConfiguration;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.ContextResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models and forms under names relative to the classpath ({@code processes/early-plan.bpmn},
 * {@code forms/decideApplication.form}), wherever the application runs. Camunda's Spring auto-deployment names a
 * resource found as a file by its absolute path ({@code /home/…/target/classes/forms/…}), so the server's directories
 * were readable in every deployment's resource list; from the packaged jar it used the bare file name. One name in
 * both places also lets duplicate filtering recognise an unchanged model whichever way the application was started.
 */
@Component
class ModelDeployment extends DefaultDeploymentConfiguration implements CamundaDeploymentConfiguration {

  @Override
  public Set<Resource> getDeploymentResources() {
    Set<Resource> named = new LinkedHashSet<>();
    super.getDeploymentResources().forEach(resource -> named.add(new Named(resource, nameOf(resource))));
    return named;
  }

  /** The resource's folder and file name, e.g. {@code forms/decideApplication.form}; never a server path. */
  static String nameOf(Resource resource) {
    String url;
    try {
      url = resource.getURL().toString();
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the location of the deployment resource " + resource, e);
    }
    String[] parts = url.split("[/!]");
    if (parts.length < 2 || parts[parts.length - 1].isEmpty()) {
      throw new IllegalStateException("cannot name the deployment resource " + url);
    }
    return parts[parts.length - 2] + "/" + parts[parts.length - 1];
  }

  /** A resource the engine's auto-deployment names by {@link #getPathWithinContext()}. */
  private static final class Named extends AbstractResource implements ContextResource {
    private final Resource source;
    private final String name;

    Named(Resource source, String name) {
      this.source = source;
      this.name = name;
    }

    @Override
    public String getPathWithinContext() {
      return name;
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return source.getInputStream();
    }

    @Override
    public String getFilename() {
      return source.getFilename();
    }

    @Override
    public boolean exists() {
      return source.exists();
    }

    @Override
    public String getDescription() {
      return "deployment resource " + name;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Named n && n.name.equals(name);
    }

    @Override
    public int hashCode() {
      return name.hashCode();
    }
  }
}
