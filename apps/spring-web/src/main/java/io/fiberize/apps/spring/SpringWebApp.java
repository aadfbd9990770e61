package io.fiberize.apps.spring;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.web.client.RestClient;

/**
 * Start the order service: Spring Boot web MVC on its embedded Tomcat, PostgreSQL through JdbcTemplate and
 * HikariCP, prices from a downstream HTTP service through RestClient.
 *
 * <p>Usage: {@code java -jar spring-web.jar --server.port=0 --spring.datasource.url=<jdbc url>
 * --downstream.url=<http://host:port>}, ordinary Spring properties. The database must hold a table
 * {@code orders (id, customer, item, quantity)}; the downstream answers {@code GET /prices/<item>}. When
 * the application is ready it prints {@code listening on <port>} to standard output.
 */
@SpringBootApplication
public class SpringWebApp {

    public static void main(String[] args) {
        SpringApplication.run(SpringWebApp.class, args);
    }

    /**
     * Return the client of the downstream price service, on the builder Boot configures (its HTTP client
     * is the one Boot detects on the class path: the JDK's {@code java.net.http.HttpClient} here).
     */
    @Bean
    RestClient prices(RestClient.Builder builder, @Value("${downstream.url}") String downstreamUrl) {
        return builder.baseUrl(downstreamUrl).build();
    }

    /**
     * Say which port Tomcat listens on, once the application takes requests.
     */
    @EventListener
    void ready(ApplicationReadyEvent event) {
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        System.out.println("listening on " + port);
    }
}
