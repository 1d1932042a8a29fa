package io.qunbao.app.batch;

import io.qunbao.common.config.ConfigException;
import io.qunbao.common.config.QunbaoConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.support.DefaultBatchConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch without Spring Boot: the JobRepository lives in an H2 file database under
 * {@code work-dir} (so a killed run can be restarted), or in PostgreSQL when
 * {@code job-repository.url} is set. The metadata tables are created on first use from the
 * scripts Spring Batch ships.
 */
@Configuration(proxyBeanMethods = false)
public class BatchInfrastructure extends DefaultBatchConfiguration {
  /** Where the H2 repository lives, under work-dir. */
  public static final String H2_FILE = "batch/repository";

  @Bean
  public DataSource dataSource(QunbaoConfig config) {
    QunbaoConfig.JobRepository repo = config.jobRepository();
    SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
    String schema;
    if (repo.url().isEmpty()) {
      Path file = Path.of(config.workDir()).toAbsolutePath().normalize().resolve(H2_FILE);
      // DB_CLOSE_DELAY=-1: keep the database open between connections of this JVM
      dataSource.setUrl("jdbc:h2:file:" + file + ";DB_CLOSE_DELAY=-1");
      dataSource.setDriverClass(org.h2.Driver.class);
      schema = "schema-h2.sql";
    } else if (repo.url().startsWith("jdbc:postgresql:")) {
      dataSource.setUrl(repo.url());
      dataSource.setDriverClass(org.postgresql.Driver.class);
      dataSource.setUsername(repo.username());
      dataSource.setPassword(repo.password());
      schema = "schema-postgresql.sql";
    } else {
      throw new ConfigException("job-repository.url must be empty (H2 under work-dir) or a jdbc:postgresql: URL, not "
          + repo.url());
    }
    createSchemaIfMissing(dataSource, schema, repo.url().isEmpty() ? "H2 under " + config.workDir() : repo.url());
    return dataSource;
  }

  @Bean
  public PlatformTransactionManager transactionManager(DataSource dataSource) {
    return new DataSourceTransactionManager(dataSource);
  }

  private static void createSchemaIfMissing(DataSource dataSource, String script, String where) {
    try (Connection c = dataSource.getConnection()) {
      try (Statement s = c.createStatement()) {
        s.executeQuery("select count(*) from BATCH_JOB_INSTANCE").close();
        return;
      } catch (SQLException tableMissing) {
        // first run against this database
      }
      new ResourceDatabasePopulator(new ClassPathResource("org/springframework/batch/core/" + script)).populate(c);
    } catch (SQLException e) {
      throw new ConfigException("cannot open the job repository (" + where + "): " + e.getMessage().lines().findFirst().orElse(""));
    }
  }
}
