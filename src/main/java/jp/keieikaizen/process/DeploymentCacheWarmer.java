package jp.keieikaizen.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads every deployed process definition into the engine's deployment cache at start, on one thread, before the web
 * server takes requests and the job executor runs. Camunda 7.24.0 puts a definition loaded from the database into the
 * cache before it sets its timers' job definition ids; a second thread that finds it in that moment creates a timer
 * without a process definition and fails ("processDefinitionId is null", camunda-bpm-platform#5486). Seen in ClusterIT
 * on the second node's first lender agreement; a warm cache leaves no such moment.
 */
@Component
class DeploymentCacheWarmer implements SmartInitializingSingleton {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentCacheWarmer.class);

  private final ProcessEngine engine;

  DeploymentCacheWarmer(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  public void afterSingletonsInstantiated() {
    long start = System.nanoTime();
    var repository = engine.getRepositoryService();
    int loaded = 0;
    for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
      repository.getProcessDefinition(definition.getId()); // the deployed definition: parsed into the cache
      loaded++;
    }
    LOG.info("Deployment cache warmed with {} process definitions in {} ms", loaded, (System.nanoTime() - start) / 1_000_000);
  }
}
