package io.qunbao.app.batch;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.common.storage.PartitionPublisher;
import io.qunbao.ingest.CatchUpTasklet;
import io.qunbao.ingest.IngestTasklet;
import io.qunbao.ingest.StepOutputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * Runs a Spring Batch job for one export date the way cron needs it: one run per work-dir at a
 * time; a date already done is a no-op unless forced, or unless a partition it published is gone from
 * the warehouse (then it runs again, as forced); a run that died (kill -9, power loss) is found still
 * marked STARTED, marked FAILED, and restarted from its failed step.
 */
public final class BatchRunner {
  private static final Logger log = LoggerFactory.getLogger(BatchRunner.class);
  /** Identifying parameter that makes a forced rerun a new job instance. */
  public static final String FORCED_AT = "forcedAt";

  private final QunbaoConfig config;
  private final Class<?>[] jobConfigurations;

  /** @param jobConfigurations the {@code @Configuration} classes that define the jobs to run */
  public BatchRunner(QunbaoConfig config, Class<?>... jobConfigurations) {
    this.config = config;
    this.jobConfigurations = jobConfigurations;
  }

  /** Runs {@code jobName} for {@code runDate}; returns the exit code, or throws an expected failure. */
  public ExitCode run(String jobName, LocalDate runDate, boolean force) {
    try (RunLock lock = RunLock.acquire(Path.of(config.workDir()).toAbsolutePath());
        AnnotationConfigApplicationContext context = context()) {
      JobRepository repository = context.getBean(JobRepository.class);
      failStaleExecutions(context.getBean(JobExplorer.class), repository, jobName);
      removeOrphanedStaging();
      JobParametersBuilder parameters = new JobParametersBuilder().addLocalDate(IngestTasklet.RUN_DATE, runDate);
      if (force) {
        parameters.addString(FORCED_AT, Instant.now().toString());
      }
      JobParameters jobParameters = parameters.toJobParameters();
      Job job = context.getBean(jobName + "Job", Job.class);
      JobExecution last = repository.getLastJobExecution(jobName, jobParameters);
      if (last != null && last.getStatus() == BatchStatus.COMPLETED) {
        List<String> missing = missingPartitions(repository, job, last);
        if (missing.isEmpty()) {
          log.info("{} {}: already done, nothing to do (use --force to do it again)", jobName, runDate);
          return ExitCode.OK;
        }
        log.warn("{} {}: done before, but {} partition(s) it published are gone from the warehouse ({}); running the"
            + " date again to rebuild them", jobName, runDate, missing.size(),
            missing.stream().limit(5).collect(Collectors.joining(", ")) + (missing.size() > 5 ? ", …" : ""));
        jobParameters = parameters.addString(FORCED_AT, Instant.now().toString()).toJobParameters();
      } else if (last != null) {
        log.info("{} {}: resuming the {} run of {} (completed steps are skipped)", jobName, runDate,
            last.getStatus().toString().toLowerCase(java.util.Locale.ROOT), last.getStartTime());
      }
      JobExecution execution = context.getBean(JobLauncher.class).run(job, jobParameters);
      return outcome(execution);
    } catch (QunbaoException e) {
      throw e;
    } catch (org.springframework.batch.core.JobExecutionException e) {
      throw new QunbaoException(ExitCode.FAILED, jobName + " " + runDate + ": " + e.getMessage(), e);
    }
  }

  private AnnotationConfigApplicationContext context() {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.registerBean(QunbaoConfig.class, () -> config);
    context.register(BatchInfrastructure.class);
    context.register(jobConfigurations);
    context.refresh();
    return context;
  }

  /** The job's outcome as an exit code; an expected failure inside a step comes out with its message. */
  private static ExitCode outcome(JobExecution execution) {
    if (execution.getStatus() == BatchStatus.COMPLETED) {
      // the night's summary line; the late exports it landed are news to whoever reads it
      String caughtUp = execution.getStepExecutions().stream()
          .filter(step -> step.getExecutionContext().containsKey(CatchUpTasklet.CAUGHT_UP))
          .map(step -> step.getExecutionContext().getString(CatchUpTasklet.CAUGHT_UP).replace("\n", ", "))
          .collect(Collectors.joining(", "));
      log.info("{} {}: done in {} s{}", execution.getJobInstance().getJobName(),
          execution.getJobParameters().getLocalDate(IngestTasklet.RUN_DATE),
          java.time.Duration.between(execution.getStartTime(), LocalDateTime.now()).toSeconds(),
          caughtUp.isEmpty() ? "" : "; late exports landed: " + caughtUp);
      return ExitCode.OK;
    }
    for (Throwable failure : execution.getAllFailureExceptions()) {
      for (Throwable t = failure; t != null; t = t.getCause()) {
        if (t instanceof QunbaoException expected) {
          throw expected;
        }
      }
    }
    String failedSteps = execution.getStepExecutions().stream()
        .filter(s -> s.getStatus() != BatchStatus.COMPLETED)
        .map(s -> s.getStepName() + " (" + s.getExitStatus().getExitDescription().lines().findFirst().orElse("") + ")")
        .collect(Collectors.joining(", "));
    throw new QunbaoException(ExitCode.FAILED, execution.getJobInstance().getJobName() + " failed in " + failedSteps
        + "; rerun the same command to resume");
  }

  /**
   * The partitions the completed run's steps noted as published ({@link StepOutputs}) that have no
   * {@code _SUCCESS} now (a warehouse deleted, or restored from a backup older than the run), by their
   * paths under the warehouse.
   */
  private List<String> missingPartitions(JobRepository repository, Job job, JobExecution done) {
    if (!(job instanceof StepLocator steps)) {
      return List.of();
    }
    Warehouse warehouse = Warehouse.of(config);
    PartitionPublisher publisher = new PartitionPublisher(new Storage(config), warehouse);
    List<String> missing = new ArrayList<>();
    for (String stepName : steps.getStepNames()) {
      StepExecution step = repository.getLastStepExecution(done.getJobInstance(), stepName);
      if (step != null) {
        StepOutputs.of(step.getExecutionContext(), warehouse).stream()
            .filter(partition -> !publisher.isPublished(partition))
            .forEach(partition -> missing.add(StepOutputs.relative(warehouse, partition)));
      }
    }
    return missing;
  }

  /**
   * Staging folders left by a run that died: we hold the run lock, so no live run is writing into
   * {@code _staging}, and only the run writing a staging folder reads it (see Warehouse).
   */
  private void removeOrphanedStaging() {
    org.apache.hadoop.fs.Path staging = Warehouse.of(config).staging();
    FileSystem fs = new Storage(config).fileSystem(staging);
    try {
      if (!fs.exists(staging)) {
        return;
      }
      FileStatus[] left = fs.listStatus(staging);
      for (FileStatus folder : left) {
        fs.delete(folder.getPath(), true);
      }
      if (left.length > 0) {
        log.warn("removed {} staging folder(s) under {} left by a run that did not finish", left.length, staging);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean " + staging, e);
    }
  }

  /**
   * We hold the run lock, so no live process is running anything of this work-dir: an execution
   * still marked running belongs to a process that died. Marking it FAILED lets Spring Batch
   * restart it (ABANDONED would forbid the restart).
   */
  private static void failStaleExecutions(JobExplorer explorer, JobRepository repository, String jobName) {
    Set<JobExecution> running = explorer.findRunningJobExecutions(jobName);
    for (JobExecution stale : running) {
      LocalDateTime now = LocalDateTime.now();
      for (StepExecution step : stale.getStepExecutions()) {
        if (step.getStatus().isRunning()) {
          step.setStatus(BatchStatus.FAILED);
          step.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running it died"));
          step.setEndTime(now);
          repository.update(step);
        }
      }
      stale.setStatus(BatchStatus.FAILED);
      stale.setExitStatus(ExitStatus.FAILED.addExitDescription("the process running it died"));
      stale.setEndTime(now);
      repository.update(stale);
      log.warn("{} execution {} ({}) was still marked STARTED but no process holds the run lock: "
          + "its process died; marked it FAILED so this run restarts it", jobName, stale.getId(),
          stale.getJobParameters());
    }
  }
}
