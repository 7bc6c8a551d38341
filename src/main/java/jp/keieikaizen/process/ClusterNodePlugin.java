package jp.keieikaizen.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names this node in a cluster (KEIEI_CLUSTER_NODE_ID): its job executor locks jobs under that name, so Cockpit and the
 * database show which node holds a job, and a job a dead node had locked is taken by another once its lock expires.
 * Unset, the engine picks a random lock owner.
 */
@Component
class ClusterNodePlugin extends AbstractProcessEnginePlugin {

  private final String nodeId;

  ClusterNodePlugin(@Value("${keiei.cluster.node-id:}") String nodeId) {
    this.nodeId = nodeId;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!nodeId.isBlank() && configuration.getJobExecutor() != null) {
      configuration.getJobExecutor().setLockOwner(nodeId);
    }
  }
}
